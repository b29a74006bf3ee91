import path from 'node:path';
import { ApertureError } from '../errors.ts';

/**
 * Normalises a path that must stay inside a pack, given relative to the pack root with forward slashes.
 * Refuses absolute paths, drive letters, NUL bytes and any `..` that climbs out.
 *
 * @example
 * toPackRelative('weights/../model.safetensors') // 'model.safetensors'
 */
export function toPackRelative(candidate: string, what = 'path'): string {
  if (candidate.includes('\0')) throw new ApertureError('ERR_PATH_ESCAPE', `${what} contains a NUL byte`);
  const slashed = candidate.replaceAll('\\', '/');
  if (slashed.startsWith('/') || /^[A-Za-z]:/.test(slashed)) {
    throw new ApertureError(
      'ERR_PATH_ESCAPE',
      `${what} "${candidate}" is absolute; use a path relative to the pack`,
    );
  }
  const normal = path.posix.normalize(slashed);
  if (normal === '..' || normal.startsWith('../')) {
    throw new ApertureError('ERR_PATH_ESCAPE', `${what} "${candidate}" points outside the pack`);
  }
  return normal === '.' ? '' : normal.replace(/\/$/, '');
}

/** True when `candidate` (absolute) is `root` or inside it. */
export function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * True for strings that look like a URL rather than a path: `scheme://…`, or a magnet link
 * (`magnet:?xt=…`, which has no `//` and is where some releases put their weights).
 */
export function isUrl(value: string): boolean {
  return /^(?:[a-z][a-z0-9+.-]*:\/\/|magnet:\?)/i.test(value);
}
