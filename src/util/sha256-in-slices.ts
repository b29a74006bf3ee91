import { createHash } from 'node:crypto';
import { EventLoopYielder } from './event-loop-yielder.ts';

/** Bytes (or UTF-16 code units) hashed between two looks at the clock. */
const SLICE = 1024 * 1024;

/**
 * The sha256 (hex) of bytes, or of a text's UTF-8 encoding, hashed a megabyte at a time with turns for the
 * event loop in between, so hashing a 32 MB upload does not stall a server. Equals `sha256Hex(data)`.
 *
 * @example
 * const digest = await sha256HexInSlices(text); // same as sha256Hex(Buffer.from(text, 'utf8'))
 */
export async function sha256HexInSlices(
  data: Uint8Array | string,
  yielder: EventLoopYielder = new EventLoopYielder(),
): Promise<string> {
  const hash = createHash('sha256');
  for (let start = 0; start < data.length; ) {
    let end = Math.min(start + SLICE, data.length);
    // A surrogate pair split between slices would be hashed as two replacement characters.
    if (typeof data === 'string' && end < data.length && isHighSurrogate(data.charCodeAt(end - 1))) end--;
    hash.update(typeof data === 'string' ? data.slice(start, end) : data.subarray(start, end));
    start = end;
    if (yielder.dueNow()) await yielder.yield();
  }
  return hash.digest('hex');
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
