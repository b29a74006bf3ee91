/**
 * What a SQLite read worker is told when it starts (its `workerData`).
 */
export interface SqliteReadWorkerData {
  /** Absolute path of better-sqlite3's entry, resolved by the caller (eval'd code resolves from the cwd). */
  driverPath: string;
  /** The database file, opened read-only. */
  file: string;
  busyTimeoutMs: number;
  /** Page cache of the connection, in KiB. */
  cacheKib: number;
  /** Bytes of the file mapped into memory. */
  mmapBytes: number;
  /** Nice value the worker gives its own thread (0 leaves it as it is). */
  niceness: number;
}

/** A query sent to a worker. */
export interface SqliteReadRequest {
  id: number;
  sql: string;
  parameters: readonly unknown[];
}

/** A worker's answer: the open outcome (id -1), or a query's rows or error. */
export type SqliteReadReply =
  | { id: number; rows: unknown[]; numAffectedRows?: number; insertId?: number | bigint }
  | { id: number; error: { name: string; message: string; code?: string } };

/** The id of the reply a worker sends once its connection is open (or could not be opened). */
export const OPENED_REPLY_ID = -1;

/**
 * The code each SQLite read worker runs: plain JavaScript evaluated in the worker (as the hash pool's
 * workers are), so it runs the same under tsx, vitest and the built dist, with no worker file to find.
 * It opens the file read-only and answers each query as Kysely's SqliteDriver would on the main thread:
 * `all` for a statement that returns rows, `run` otherwise (which a read-only connection refuses).
 */
export const SQLITE_READ_WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driverPath);
const describe = (error) => ({
  name: error && error.name ? String(error.name) : 'Error',
  message: error && error.message !== undefined ? String(error.message) : String(error),
  code: error && typeof error.code === 'string' ? error.code : undefined,
});
// On Linux the nice value is per thread: the event loop keeps its priority, long reads yield to it.
if (workerData.niceness > 0) {
  try { require('node:os').setPriority(0, workerData.niceness); } catch {}
}
let connection;
try {
  connection = new Database(workerData.file, { readonly: true, fileMustExist: true, timeout: workerData.busyTimeoutMs });
  connection.pragma('cache_size = -' + workerData.cacheKib);
  connection.pragma('mmap_size = ' + workerData.mmapBytes);
  connection.pragma('temp_store = MEMORY');
  parentPort.postMessage({ id: ${OPENED_REPLY_ID}, rows: [] });
} catch (error) {
  parentPort.postMessage({ id: ${OPENED_REPLY_ID}, error: describe(error) });
}
parentPort.on('message', ({ id, sql, parameters }) => {
  try {
    if (!connection) throw new Error('the read connection is not open');
    const statement = connection.prepare(sql);
    if (statement.reader) {
      parentPort.postMessage({ id, rows: statement.all(parameters) });
    } else {
      const { changes, lastInsertRowid } = statement.run(parameters);
      parentPort.postMessage({ id, rows: [], numAffectedRows: changes, insertId: lastInsertRowid });
    }
  } catch (error) {
    parentPort.postMessage({ id, error: describe(error) });
  }
});
`;
