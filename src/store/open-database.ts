import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { ApertureError } from '../errors.ts';
import type { Database } from './database.ts';
import { RefuseNulTextPlugin } from './refuse-nul-text-plugin.ts';
import { SqliteReadPool } from './sqlite-read-pool.ts';
import { SqliteReadPoolDialect } from './sqlite-read-pool-dialect.ts';

/** The SQL engines the store runs on. */
export type DialectName = 'sqlite' | 'postgres';

/** Where the default SQLite file lives, relative to the working directory. */
export const DEFAULT_DATABASE_FILE = path.join('.aperture', 'aperture.db');

/** How long a SQLite writer waits for another one before failing. */
const BUSY_TIMEOUT_MS = 5_000;

/** pg type ids whose text form we keep or convert so both dialects return the same JS values. */
const PG_INT8 = 20;
const PG_JSON = 114;
const PG_JSONB = 3802;

/** Options of openDatabase. */
export interface OpenDatabaseOptions {
  /** A `postgres://` or `postgresql://` URL. Wins over `file` and `env.DATABASE_URL`. */
  url?: string;
  /** A SQLite file (`--db PATH`); wins over `env.DATABASE_URL`. `:memory:` for a throwaway database. */
  file?: string;
  /** Where `DATABASE_URL` is read; defaults to process.env. */
  env?: Record<string, string | undefined>;
  /** Base for relative paths; defaults to process.cwd(). */
  cwd?: string;
  /** Refuse to create a SQLite file that does not exist yet (for commands that only read). */
  mustExist?: boolean;
  /**
   * A long-lived, read-mostly connection (the server): SQLite also maps the file into memory. Off for
   * imports and commands, whose resident memory it would only grow.
   */
  serving?: boolean;
  /**
   * Worker threads that run long reads (`reads`) of a served SQLite file, each on its own read-only
   * connection: 2 to 4 by default when `serving`, 0 otherwise (0 runs them on the main connection).
   */
  readWorkers?: number;
}

/** An open database: the Kysely instance, which engine it is, and how to close it. */
export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: DialectName;
  /**
   * Where long reads (indicators, catalog-wide counts) run without holding the event loop: a Kysely
   * instance over a SqliteReadPool for a served SQLite file, otherwise `db` itself (PostgreSQL's driver
   * is asynchronous already). Read-only; no transactions, no streaming.
   */
  reads: Kysely<Database>;
  /** The SQLite file path, or the PostgreSQL URL without its password. */
  location: string;
  close(): Promise<void>;
}

/** The raw better-sqlite3 connection behind a SQLite handle (for backup), keyed by handle. */
const SQLITE_CONNECTIONS = new WeakMap<DatabaseHandle, BetterSqlite3.Database>();

/** The better-sqlite3 connection of a SQLite handle, or undefined for PostgreSQL. */
export function sqliteConnectionOf(handle: DatabaseHandle): BetterSqlite3.Database | undefined {
  return SQLITE_CONNECTIONS.get(handle);
}

/** True when `url` names a PostgreSQL database. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(url);
}

/** `url` with its password replaced by `***`, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/\/\/[^@/]*@/, '//***@');
  }
}

/**
 * Opens the store: PostgreSQL for a `postgres://` URL (the `url` option, else `DATABASE_URL` when no
 * `file` is given), otherwise SQLite at `file` or `.aperture/aperture.db` (folder created), in WAL
 * mode with foreign keys on and a busy timeout. On both, a query whose values hold a NUL character
 * (U+0000) is refused with ERR_INVALID_INPUT (RefuseNulTextPlugin). Does not migrate: call
 * migrateToLatest for that.
 *
 * @example
 * const store = await openDatabase({ file: 'catalog.db' });
 * await migrateToLatest(store);
 * const models = await store.db.selectFrom('models').selectAll().execute();
 * await store.close();
 */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<DatabaseHandle> {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const url = options.url ?? (options.file === undefined ? env.DATABASE_URL?.trim() || undefined : undefined);
  if (url !== undefined) {
    if (!isPostgresUrl(url)) {
      throw new ApertureError(
        'ERR_USAGE',
        `database URL ${redactUrl(url)} is not postgres:// or postgresql://; unset DATABASE_URL or pass --db PATH to use SQLite`,
      );
    }
    return openPostgres(url);
  }
  const serving = options.serving ?? false;
  return openSqlite(options.file ?? DEFAULT_DATABASE_FILE, cwd, options.mustExist ?? false, {
    serving,
    readWorkers: serving ? options.readWorkers : 0,
  });
}

async function openPostgres(url: string): Promise<DatabaseHandle> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        // Counts and bigint columns as numbers, JSON as text: the values SQLite returns.
        if (oid === PG_INT8) return (text: string) => Number(text);
        if (oid === PG_JSON || oid === PG_JSONB) return (text: string) => text;
        return pg.types.getTypeParser(oid, format);
      }) as typeof pg.types.getTypeParser,
    },
  });
  // A broken idle connection must not crash the process; the next query reports it.
  pool.on('error', () => {});
  const location = redactUrl(url);
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => {});
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ApertureError(
      'ERR_SOURCE_UNAVAILABLE',
      `cannot connect to PostgreSQL at ${location}: ${reason}`,
      {
        cause: error,
      },
    );
  }
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new RefuseNulTextPlugin()],
  });
  return {
    db,
    dialect: 'postgres',
    reads: db,
    location,
    close: () => db.destroy(),
  };
}

/** Page cache of one SQLite connection, in KiB (SQLite reads a negative cache_size as KiB). */
const SQLITE_CACHE_KIB = 64 * 1024;
/** How much of the file SQLite maps into memory: reads of mapped pages skip a copy. */
const SQLITE_MMAP_BYTES = 256 * 1024 * 1024;

/**
 * Read-side settings for catalogs of a million models: a larger page cache, memory-mapped reads,
 * temporary sort tables in memory, and the planner statistics SQLite recommends refreshing when a
 * long-lived connection opens (bounded by analysis_limit, so it costs milliseconds).
 */
function tuneSqliteReads(connection: BetterSqlite3.Database, serving: boolean): void {
  connection.pragma(`cache_size = -${SQLITE_CACHE_KIB}`);
  if (serving) connection.pragma(`mmap_size = ${SQLITE_MMAP_BYTES}`);
  connection.pragma('temp_store = MEMORY');
  connection.pragma('analysis_limit = 1000');
  try {
    connection.pragma('optimize = 0x10002');
  } catch {
    // Statistics are an optimisation: a read-only file or a busy writer must not stop the open.
  }
}

async function openSqlite(
  file: string,
  cwd: string,
  mustExist: boolean,
  { serving, readWorkers }: { serving: boolean; readWorkers: number | undefined },
): Promise<DatabaseHandle> {
  const memory = file === ':memory:';
  const location = memory ? file : path.resolve(cwd, file);
  if (mustExist && !memory && !existsSync(location)) {
    throw new ApertureError(
      'ERR_NOT_FOUND',
      `no database at ${file}; create it with \`aperture db migrate\``,
    );
  }
  let connection: BetterSqlite3.Database;
  try {
    if (!memory) mkdirSync(path.dirname(location), { recursive: true });
    connection = new BetterSqlite3(location, { timeout: BUSY_TIMEOUT_MS });
    connection.pragma('journal_mode = WAL');
    // WAL makes NORMAL durable across application crashes; only a power loss can drop the last commit.
    connection.pragma('synchronous = NORMAL');
    connection.pragma('foreign_keys = ON');
    connection.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    tuneSqliteReads(connection, serving);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ApertureError('ERR_UNREADABLE', `cannot open SQLite database ${file}: ${reason}`, {
      cause: error,
    });
  }
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: connection }),
    plugins: [new RefuseNulTextPlugin()],
  });
  let reads = db;
  // The workers open the file after the main connection, which has put it in WAL mode.
  if (!memory && readWorkers !== 0) {
    try {
      const pool = await SqliteReadPool.open(location, {
        workers: readWorkers,
        busyTimeoutMs: BUSY_TIMEOUT_MS,
        cacheKib: SQLITE_CACHE_KIB,
        mmapBytes: SQLITE_MMAP_BYTES,
      });
      reads = new Kysely<Database>({
        dialect: new SqliteReadPoolDialect(pool),
        plugins: [new RefuseNulTextPlugin()],
      });
    } catch (error) {
      await db.destroy();
      throw error;
    }
  }
  const handle: DatabaseHandle = {
    db,
    dialect: 'sqlite',
    reads,
    location,
    close: async () => {
      if (reads !== db) await reads.destroy();
      await db.destroy();
    },
  };
  SQLITE_CONNECTIONS.set(handle, connection);
  return handle;
}
