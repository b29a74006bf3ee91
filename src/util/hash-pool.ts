import { createHash } from 'node:crypto';
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';

/** Progress of a hashing run, in bytes. */
export type HashProgress = (bytesDone: number) => void;

/** One file to hash. */
export interface HashJob {
  path: string;
  /** Size in bytes, if known: big files are started first. Files without one are stat'ed. */
  size?: number;
}

/** The digest of a file, or why it could not be computed. */
export type HashResult = { path: string; sha256: string } | { path: string; error: string };

/** Bytes read per call in a worker. Measured from 64 KiB to 4 MiB on a 2-core EPYC: no difference beyond noise. */
const READ_BUFFER_BYTES = 4 * 1024 * 1024;
/** Smaller on the calling thread, which yields after each read: a chunk holds the event loop about 1 ms. */
const CALLER_BUFFER_BYTES = 1024 * 1024;
/** A worker reports progress after this many bytes, so a progress bar moves without flooding messages. */
const PROGRESS_EVERY_BYTES = 64 * 1024 * 1024;

// Plain JavaScript, evaluated in each worker, so that it runs the same under tsx, vitest and the build.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { openSync, readSync, closeSync } = require('node:fs');
const buffer = Buffer.allocUnsafe(${READ_BUFFER_BYTES});
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
      if (pending >= ${PROGRESS_EVERY_BYTES}) { parentPort.postMessage({ id, progress: pending }); pending = 0; }
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

type WorkerMessage = { id: number; progress?: number; sha256?: string; error?: string };

/**
 * Computes sha256 digests of local files on several cores: the calling thread and `workers − 1` worker
 * threads each stream one file at a time through OpenSSL, so a pack of big weight shards hashes about as
 * many times faster as there are cores. The calling thread takes part (yielding to the event loop after
 * every 1 MiB) because starting a worker costs ~55 ms of CPU, as much as hashing 80 MB. The largest files
 * start first, so that no core is left hashing a big file alone at the end.
 * Results keep the order of `jobs`; a file that cannot be read gives an `error` result, never a throw.
 *
 * @example
 * const results = await hashFilesInParallel([{ path: '/tmp/a.bin' }], { onProgress: (n) => bar.increment(n) });
 */
export async function hashFilesInParallel(
  jobs: ReadonlyArray<HashJob>,
  options: { workers?: number; onProgress?: HashProgress } = {},
): Promise<HashResult[]> {
  if (jobs.length === 0) return [];
  const threads = Math.max(1, Math.min(options.workers ?? availableParallelism(), jobs.length));
  const order = jobs.length === 1 ? [0] : await largestFirst(jobs);
  const results = new Array<HashResult | undefined>(jobs.length);
  let next = 0;
  const takeJob = (): number | undefined => (next < order.length ? order[next++] : undefined);

  const callerHashes = async () => {
    const buffer = Buffer.allocUnsafe(CALLER_BUFFER_BYTES);
    for (let id = takeJob(); id !== undefined; id = takeJob()) {
      results[id] = await hashOnThisThread(jobs[id]!.path, buffer, options.onProgress);
    }
  };
  const workers = Array.from({ length: threads - 1 }, () => new Worker(WORKER_SOURCE, { eval: true }));
  const workerHashes = (worker: Worker) =>
    new Promise<void>((resolve) => {
      let current: number | undefined;
      const take = () => {
        current = takeJob();
        if (current === undefined) return resolve();
        worker.postMessage({ id: current, path: jobs[current]!.path });
      };
      worker.on('message', (message: WorkerMessage) => {
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
      });
      // A worker that dies fails its file only; the calling thread and other workers carry on.
      const fail = (reason: string) => {
        if (current !== undefined) {
          results[current] = { path: jobs[current]!.path, error: `hashing worker failed: ${reason}` };
        }
        current = undefined;
        resolve();
      };
      worker.on('error', (error) => fail(error.message));
      worker.on('exit', (code) => fail(`exited with code ${code}`));
      take();
    });
  try {
    await Promise.all([callerHashes(), ...workers.map(workerHashes)]);
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results.map((result, i) => result ?? { path: jobs[i]!.path, error: 'not hashed' });
}

/** Hashes one file on the calling thread, yielding to the event loop after each chunk. */
async function hashOnThisThread(
  path: string,
  buffer: Buffer,
  onProgress?: HashProgress,
): Promise<HashResult> {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const hash = createHash('sha256');
    for (;;) {
      // Synchronous reads: an async read per chunk would leave this core idle while the thread pool reads.
      const n = readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      hash.update(n === buffer.length ? buffer : buffer.subarray(0, n));
      onProgress?.(n);
      await nextTurn();
    }
    return { path, sha256: hash.digest('hex') };
  } catch (error) {
    return { path, error: (error as NodeJS.ErrnoException).code ?? String(error) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Job indices, largest file first (input order among equals); unknown sizes are stat'ed, unreadable count 0. */
async function largestFirst(jobs: ReadonlyArray<HashJob>): Promise<number[]> {
  const sizes = await Promise.all(
    jobs.map(async (job) => job.size ?? (await stat(job.path).catch(() => null))?.size ?? 0),
  );
  return jobs.map((_, i) => i).sort((a, b) => sizes[b]! - sizes[a]! || a - b);
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
