import prettyBytes from 'pretty-bytes';

/**
 * A byte count for people, in binary units with three significant digits: `200 B`, `1.46 KiB`, `64 GiB`.
 * The one byte formatter of Aperture; it imports nothing from Node, so the dashboard may import this file.
 *
 * @example
 * formatBytes(16 * 2 ** 20) // '16 MiB'
 */
export function formatBytes(bytes: number): string {
  return prettyBytes(bytes, { binary: true });
}
