import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/** Progress of a hashing run, in bytes. */
export type HashProgress = (bytesDone: number) => void;

/** One file to hash. */
export interface HashJob {
  path: string;
}

/** The digest of a file, or why it could not be computed. */
export type HashResult = { path: string; sha256: string } | { path: string; error: string };

// Plain JavaScript, evaluated in each worker, so that it runs the same under tsx, vitest and the build.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { openSync, readSync, closeSync } = require('node:fs');
const buffer = Buffer.allocUnsafe(4 * 1024 * 1024);
parentPort.on('message', ({ id, path }) => {
  let fd;
  try {
    fd = openSync(path, 'r');
    const hash = createHash('sha256');
    let pending = 0;
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      hash.update(n === buffer.length ? buffer : buffer.subarray(0, n));
      pending += n;
      if (pending >= 64 * 1024 * 1024) { parentPort.postMessage({ id, progress: pending }); pending = 0; }
    }
    if (pending) parentPort.postMessage({ id, progress: pending });
    parentPort.postMessage({ id, sha256: hash.digest('hex') });
  } catch (error) {
    parentPort.postMessage({ id, error: error && error.code ? error.code : String(error) });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
});
`;

/**
 * Computes sha256 digests of local files on several cores: each worker thread streams one file at a
 * time through OpenSSL, so a pack of big weight shards hashes about as many times faster as there are cores.
 *
 * @example
 * const results = await hashFilesInParallel([{ path: '/tmp/a.bin' }], { onProgress: (n) => bar.increment(n) });
 */
export async function hashFilesInParallel(
  jobs: ReadonlyArray<HashJob>,
  options: { workers?: number; onProgress?: HashProgress } = {},
): Promise<HashResult[]> {
  if (jobs.length === 0) return [];
  const workerCount = Math.max(1, Math.min(options.workers ?? availableParallelism(), jobs.length));
  if (workerCount === 1 && jobs.length === 1) {
    return [await hashFileStreaming(jobs[0]!.path, options.onProgress)];
  }
  const results = new Array<HashResult>(jobs.length);
  let next = 0;
  const workers = Array.from({ length: workerCount }, () => new Worker(WORKER_SOURCE, { eval: true }));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const take = () => {
              if (next >= jobs.length) return resolve();
              const id = next++;
              worker.postMessage({ id, path: jobs[id]!.path });
            };
            worker.on(
              'message',
              (message: { id: number; progress?: number; sha256?: string; error?: string }) => {
                if (message.progress !== undefined) {
                  options.onProgress?.(message.progress);
                  return;
                }
                const path = jobs[message.id]!.path;
                results[message.id] =
                  message.sha256 !== undefined
                    ? { path, sha256: message.sha256 }
                    : { path, error: message.error ?? 'failed' };
                take();
              },
            );
            worker.on('error', reject);
            take();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results;
}

/** Streams one file through sha256 on the current thread. */
export function hashFileStreaming(path: string, onProgress?: HashProgress): Promise<HashResult> {
  return new Promise((resolve) => {
    const hash = createHash('sha256');
    const stream = createReadStream(path, { highWaterMark: 1024 * 1024 });
    stream.on('data', (chunk) => {
      hash.update(chunk);
      onProgress?.(chunk.length);
    });
    stream.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ path, error: error.code ?? error.message }),
    );
    stream.on('end', () => resolve({ path, sha256: hash.digest('hex') }));
  });
}

/** sha256 of bytes in memory, as lowercase hex. */
export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
