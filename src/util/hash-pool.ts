import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { HashTask, HashTaskResult } from './hash-worker.ts';
import { sha256FileChunks } from './sha256-file-chunks.ts';

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

/** Smaller on the calling thread, which yields after each read: a chunk holds the event loop about 1 ms. */
const CALLER_BUFFER_BYTES = 1024 * 1024;

/**
 * The worker module: the TypeScript source under vitest and tsx (loaded through tsx's loader), the
 * compiled hash-worker.js beside this file in the build.
 */
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const WORKER_FILE = new URL(FROM_SOURCE ? './hash-worker.ts' : './hash-worker.js', import.meta.url);

let sharedPool: Piscina<HashTask, HashTaskResult> | undefined;

/**
 * The hashing threads, started on first use and shared by every call: a thread that has been idle for
 * 30 s exits, and idle threads never keep the process alive.
 */
function hashPool(): Piscina<HashTask, HashTaskResult> {
  sharedPool ??= new Piscina<HashTask, HashTaskResult>({
    filename: WORKER_FILE.href,
    minThreads: 0,
    // The calling thread hashes too.
    maxThreads: Math.max(1, availableParallelism() - 1),
    idleTimeout: 30_000,
    ...(FROM_SOURCE
      ? { execArgv: ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href] }
      : {}),
  });
  return sharedPool;
}

/** Hashes one file on a pool thread, passing its progress on; a thread that dies fails this file only. */
async function hashOnPool(pool: Piscina<HashTask, HashTaskResult>, path: string, onProgress?: HashProgress) {
  const { port1, port2 } = new MessageChannel();
  // The worker posts null after its last report, so no progress arrives after the result is returned.
  const reported = new Promise<void>((resolve) =>
    port1.on('message', (bytes: number | null) => (bytes === null ? resolve() : onProgress?.(bytes))),
  );
  try {
    const answer = await pool.run({ path, progress: port2 }, { transferList: [port2] });
    await reported;
    return 'sha256' in answer ? { path, sha256: answer.sha256 } : { path, error: answer.error };
  } catch (error) {
    return { path, error: `hashing worker failed: ${(error as Error).message}` };
  } finally {
    port1.close();
  }
}

/**
 * Computes sha256 digests of local files on several cores: the calling thread and `workers − 1` threads
 * of a shared piscina pool (at most one per core but one) each stream one file at a time through OpenSSL,
 * so a pack of big weight shards hashes about as many times faster as there are cores. The calling thread
 * takes part (yielding to the event loop after every 1 MiB) because starting a worker costs ~55 ms of CPU,
 * as much as hashing 80 MB; the pool keeps its threads for the next call. The largest files start first,
 * so that no core is left hashing a big file alone at the end.
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
  // Each lane keeps one pool thread busy, taking the next file as soon as its last one is done.
  const pool = threads > 1 ? hashPool() : undefined;
  const lane = async () => {
    for (let id = takeJob(); id !== undefined; id = takeJob()) {
      results[id] = await hashOnPool(pool!, jobs[id]!.path, options.onProgress);
    }
  };
  await Promise.all([callerHashes(), ...Array.from({ length: threads - 1 }, lane)]);
  return results.map((result, i) => result ?? { path: jobs[i]!.path, error: 'not hashed' });
}

/** Hashes one file on the calling thread, yielding to the event loop after each chunk. */
async function hashOnThisThread(
  path: string,
  buffer: Buffer,
  onProgress?: HashProgress,
): Promise<HashResult> {
  // Synchronous reads: an async read per chunk would leave this core idle while the thread pool reads.
  const chunks = sha256FileChunks(path, buffer);
  try {
    for (;;) {
      const step = chunks.next();
      if (step.done) return { path, sha256: step.value };
      onProgress?.(step.value);
      await nextTurn();
    }
  } catch (error) {
    return { path, error: (error as NodeJS.ErrnoException).code ?? String(error) };
  } finally {
    chunks.return('');
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
