import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';

/**
 * Streams one file through sha256 with synchronous reads into `buffer`, yielding the byte count of each
 * chunk read (so a caller can report progress or yield to its event loop between chunks) and returning
 * the hex digest. Read errors are thrown from `next()`; the file is closed however the walk ends.
 *
 * @example
 * const chunks = sha256FileChunks('model.safetensors', Buffer.allocUnsafe(1 << 22));
 * for (let step = chunks.next(); ; step = chunks.next()) if (step.done) return step.value;
 */
export function* sha256FileChunks(path: string, buffer: Buffer): Generator<number, string, void> {
  const fd = openSync(path, 'r');
  try {
    const hash = createHash('sha256');
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) return hash.digest('hex');
      hash.update(n === buffer.length ? buffer : buffer.subarray(0, n));
      yield n;
    }
  } finally {
    closeSync(fd);
  }
}
