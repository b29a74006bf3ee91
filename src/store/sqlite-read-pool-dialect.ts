import {
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import { ApertureError } from '../errors.ts';
import type { SqliteReadPool } from './sqlite-read-pool.ts';

/** Transactions need one connection for several statements; the pool hands each statement to any worker. */
function noTransactions(): never {
  throw new ApertureError(
    'ERR_INTERNAL',
    'the SQLite read pool runs single read statements; run transactions on the main connection',
  );
}

/** A connection that sends each compiled statement to the pool. */
class PoolConnection implements DatabaseConnection {
  readonly #pool: SqliteReadPool;

  constructor(pool: SqliteReadPool) {
    this.#pool = pool;
  }

  async executeQuery<R>(compiledQuery: {
    sql: string;
    parameters: readonly unknown[];
  }): Promise<QueryResult<R>> {
    const result = await this.#pool.execute(compiledQuery.sql, compiledQuery.parameters);
    return {
      rows: result.rows as R[],
      ...(result.numAffectedRows !== undefined ? { numAffectedRows: result.numAffectedRows } : {}),
      ...(result.insertId !== undefined ? { insertId: result.insertId } : {}),
    };
  }

  // biome-ignore lint/correctness/useYield: streaming is refused before the first row.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new ApertureError(
      'ERR_INTERNAL',
      'the SQLite read pool does not stream; stream on the main connection (CSV exports do)',
    );
  }
}

/** The driver: every connection is the pool itself, so queries from concurrent requests run side by side. */
class PoolDriver implements Driver {
  readonly #pool: SqliteReadPool;
  readonly #connection: PoolConnection;

  constructor(pool: SqliteReadPool) {
    this.#pool = pool;
    this.#connection = new PoolConnection(pool);
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return this.#connection;
  }

  async beginTransaction(): Promise<void> {
    noTransactions();
  }

  async commitTransaction(): Promise<void> {
    noTransactions();
  }

  async rollbackTransaction(): Promise<void> {
    noTransactions();
  }

  async releaseConnection(): Promise<void> {}

  async destroy(): Promise<void> {
    await this.#pool.close();
  }
}

/**
 * A Kysely dialect over a SqliteReadPool: SQLite's adapter and query compiler on the calling thread,
 * the compiled SQL and parameters executed on the pool's worker threads. The query layer stays one:
 * the same Kysely code (indicators, catalog queries) runs on the main connection or on the pool.
 * Destroying the Kysely instance closes the pool.
 *
 * @example
 * const reads = new Kysely<Database>({ dialect: new SqliteReadPoolDialect(await SqliteReadPool.open(file)) });
 * const result = await runIndicator(reads, 'models-per-region');
 */
export class SqliteReadPoolDialect implements Dialect {
  readonly #pool: SqliteReadPool;

  constructor(pool: SqliteReadPool) {
    this.#pool = pool;
  }

  createAdapter(): DialectAdapter {
    return new SqliteAdapter();
  }

  createDriver(): Driver {
    return new PoolDriver(this.#pool);
  }

  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler();
  }

  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
}
