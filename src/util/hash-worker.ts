import type { MessagePort } from 'node:worker_threads';
import { sha256FileChunks } from './sha256-file-chunks.ts';

/** One file for a hashing worker, with the port it reports progress on: bytes read since the last report, then null. */
export interface HashTask {
  path: string;
  progress: MessagePort;
}

/** A worker's answer: the digest, or the error code of the read that failed. */
export type HashTaskResult = { sha256: string } | { error: string };

/** Bytes read per call. Measured from 64 KiB to 4 MiB on a 2-core EPYC: no difference beyond noise. */
const READ_BUFFER_BYTES = 4 * 1024 * 1024;
/** Progress goes out after this many bytes, so a progress bar moves without flooding messages. */
const PROGRESS_EVERY_BYTES = 64 * 1024 * 1024;

const buffer = Buffer.allocUnsafe(READ_BUFFER_BYTES);

/**
 * Streams one file through sha256 with synchronous reads (a worker thread has nothing else to do), posting
 * progress on `task.progress` and null after the last report.
 * Runs in piscina's worker threads (hash-pool.ts); never on the main thread.
 */
export default function hashFile({ path, progress }: HashTask): HashTaskResult {
  let pending = 0;
  const chunks = sha256FileChunks(path, buffer);
  try {
    for (;;) {
      const step = chunks.next();
      if (step.done) {
        if (pending > 0) progress.postMessage(pending);
        return { sha256: step.value };
      }
      pending += step.value;
      if (pending >= PROGRESS_EVERY_BYTES) {
        progress.postMessage(pending);
        pending = 0;
      }
    }
  } catch (error) {
    return { error: (error as NodeJS.ErrnoException).code ?? String(error) };
  } finally {
    chunks.return('');
    progress.postMessage(null);
    progress.close();
  }
}
