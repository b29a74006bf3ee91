import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import { ApertureError } from '../errors.ts';
import {
  OPENED_REPLY_ID,
  SQLITE_READ_WORKER_SOURCE,
  type SqliteReadReply,
  type SqliteReadRequest,
  type SqliteReadWorkerData,
} from './sqlite-read-worker-source.ts';

/** Options of SqliteReadPool.open. */
export interface SqliteReadPoolOptions {
  /** Worker threads, each with its own read-only connection: 2 to 4 by default (2 on 2 cores). */
  workers?: number;
  /** How long a reader waits on a lock (a WAL checkpoint restart), in milliseconds. */
  busyTimeoutMs?: number;
  /** Page cache of each connection, in KiB. */
  cacheKib?: number;
  /** Bytes of the file each connection maps into memory. */
  mmapBytes?: number;
  /**
   * Nice value of the worker threads, on Linux only (where it is per thread; elsewhere it would lower the
   * whole process): 10 by default, so the event loop gets a core first when the machine is busy.
   */
  niceness?: number;
}

/** Rows of a query run by the pool (and what a statement that returns no rows changed). */
export interface SqliteReadResult {
  rows: unknown[];
  numAffectedRows?: bigint;
  insertId?: bigint;
}

/** Two workers at least, so that one slow aggregate does not queue every other read behind it. */
const MIN_WORKERS = 2;
const MAX_WORKERS = 4;
/** Below the event loop's priority (0), above idle work (19). */
const DEFAULT_NICENESS = 10;

interface Job {
  request: SqliteReadRequest;
  resolve: (result: SqliteReadResult) => void;
  reject: (error: unknown) => void;
}

interface PoolWorker {
  worker: Worker;
  /** starting until the connection is open; busy while it runs `job`. */
  state: 'starting' | 'idle' | 'busy';
  job?: Job;
}

/** The error a query would have thrown on the main thread: SqliteError (with its code), TypeError, RangeError. */
function rebuildError(error: { name: string; message: string; code?: string }): Error {
  if (error.name === 'SqliteError')
    return new BetterSqlite3.SqliteError(error.message, error.code ?? 'SQLITE_ERROR');
  if (error.name === 'TypeError') return new TypeError(error.message);
  if (error.name === 'RangeError') return new RangeError(error.message);
  return new Error(error.message);
}

/** `value` as a bigint, or undefined. */
function toBigInt(value: number | bigint | undefined): bigint | undefined {
  return value === undefined || value === null ? undefined : BigInt(value);
}

/**
 * Worker threads that each hold a read-only better-sqlite3 connection to one SQLite file and run SQL
 * for the main thread, so that a query taking seconds (an indicator over a million models) leaves the
 * event loop free. The file must be in WAL mode (openDatabase sets it), where readers never block the
 * writer nor each other. Queries queue until a worker is free. SQL errors come back as the errors the
 * same query throws on the main thread (SqliteError with its code); a worker that stops fails its
 * query with ERR_INTERNAL and is replaced. Idle workers do not keep the process alive; close() ends them.
 *
 * @example
 * const pool = await SqliteReadPool.open('catalog.db');
 * const { rows } = await pool.execute('select count(*) as n from models', []);
 * await pool.close();
 */
export class SqliteReadPool {
  readonly file: string;
  readonly #data: SqliteReadWorkerData;
  readonly #workers = new Set<PoolWorker>();
  readonly #queue: Job[] = [];
  #nextId = 0;
  #closed = false;

  private constructor(file: string, data: SqliteReadWorkerData) {
    this.file = file;
    this.#data = data;
  }

  /**
   * Starts the workers and waits until each has opened `file` read-only; a file that cannot be opened
   * is an ERR_UNREADABLE error (and no worker is left running).
   */
  static async open(file: string, options: SqliteReadPoolOptions = {}): Promise<SqliteReadPool> {
    const count = Math.max(
      1,
      options.workers ?? Math.min(MAX_WORKERS, Math.max(MIN_WORKERS, availableParallelism())),
    );
    const pool = new SqliteReadPool(file, {
      driverPath: createRequire(import.meta.url).resolve('better-sqlite3'),
      file,
      busyTimeoutMs: options.busyTimeoutMs ?? 5_000,
      cacheKib: options.cacheKib ?? 64 * 1024,
      mmapBytes: options.mmapBytes ?? 256 * 1024 * 1024,
      niceness: process.platform === 'linux' ? (options.niceness ?? DEFAULT_NICENESS) : 0,
    });
    const opened = Array.from({ length: count }, () => pool.#spawn());
    const outcomes = await Promise.allSettled(opened);
    const failed = outcomes.find((outcome) => outcome.status === 'rejected');
    if (failed) {
      await pool.close();
      const reason = failed.reason instanceof Error ? failed.reason.message : String(failed.reason);
      throw new ApertureError(
        'ERR_UNREADABLE',
        `cannot open SQLite database ${file} for reading: ${reason}`,
        {
          cause: failed.reason,
        },
      );
    }
    return pool;
  }

  /** Workers running now (starting ones included). */
  get size(): number {
    return this.#workers.size;
  }

  /** Runs one statement on the next free worker; resolves with its rows. */
  execute(sql: string, parameters: readonly unknown[]): Promise<SqliteReadResult> {
    if (this.#closed) {
      return Promise.reject(
        new ApertureError('ERR_INTERNAL', `the SQLite read pool of ${this.file} is closed`),
      );
    }
    return new Promise((resolve, reject) => {
      this.#queue.push({
        request: { id: this.#nextId++, sql, parameters: [...parameters] },
        resolve,
        reject,
      });
      this.#dispatch();
    });
  }

  /**
   * Refuses new queries, fails the queued ones and ends every worker (a query already running in
   * SQLite finishes first: a thread cannot be stopped inside a native call).
   */
  async close(): Promise<void> {
    this.#closed = true;
    for (const job of this.#queue.splice(0)) {
      job.reject(new ApertureError('ERR_INTERNAL', `the SQLite read pool of ${this.file} was closed`));
    }
    await Promise.all([...this.#workers].map((entry) => entry.worker.terminate()));
    this.#workers.clear();
  }

  /** Starts one worker; resolves once its connection is open, rejects with the reason it is not. */
  #spawn(): Promise<void> {
    const worker = new Worker(SQLITE_READ_WORKER_SOURCE, { eval: true, workerData: this.#data });
    const entry: PoolWorker = { worker, state: 'starting' };
    this.#workers.add(entry);
    return new Promise((resolve, reject) => {
      worker.on('message', (reply: SqliteReadReply) => {
        if (reply.id === OPENED_REPLY_ID) {
          if ('error' in reply) {
            reject(rebuildError(reply.error));
            void worker.terminate();
            return;
          }
          entry.state = 'idle';
          worker.unref();
          resolve();
          this.#dispatch();
          return;
        }
        const job = entry.job;
        if (job === undefined || job.request.id !== reply.id) return;
        entry.job = undefined;
        entry.state = 'idle';
        worker.unref();
        if ('error' in reply) job.reject(rebuildError(reply.error));
        else {
          job.resolve({
            rows: reply.rows,
            numAffectedRows: toBigInt(reply.numAffectedRows),
            insertId: toBigInt(reply.insertId),
          });
        }
        this.#dispatch();
      });
      const stopped = (reason: string) => {
        if (!this.#workers.delete(entry)) return;
        reject(new Error(reason));
        const job = entry.job;
        entry.job = undefined;
        job?.reject(new ApertureError('ERR_INTERNAL', `a SQLite read worker stopped: ${reason}`));
        // A replacement keeps the pool at its size; queued queries wait for it.
        if (!this.#closed && entry.state !== 'starting') {
          this.#spawn().catch((error: unknown) => this.#failQueueIfNoWorker(error));
        } else this.#failQueueIfNoWorker(new Error(reason));
      };
      worker.on('error', (error) => stopped(error.message));
      worker.on('exit', (code) => stopped(`exited with code ${code}`));
    });
  }

  /** Hands queued queries to idle workers. */
  #dispatch(): void {
    for (const entry of this.#workers) {
      if (this.#queue.length === 0) return;
      if (entry.state !== 'idle') continue;
      const job = this.#queue.shift()!;
      entry.state = 'busy';
      entry.job = job;
      // A running query keeps the process alive (an idle pool does not).
      entry.worker.ref();
      entry.worker.postMessage(job.request);
    }
  }

  /** With no worker left (none could be started again), queued queries can only fail. */
  #failQueueIfNoWorker(error: unknown): void {
    if (this.#workers.size > 0) return;
    const reason = error instanceof Error ? error.message : String(error);
    for (const job of this.#queue.splice(0)) {
      job.reject(new ApertureError('ERR_INTERNAL', `no SQLite read worker could run the query: ${reason}`));
    }
  }
}
