import { PostgresAdapter } from 'kysely';
import type { DialectName } from './open-database.ts';

/**
 * The dialect a database or transaction talks, for the few statements the two write differently (a row
 * lock is `select … for update` on PostgreSQL, which SQLite does not parse).
 *
 * @example
 * if (dialectOf(trx) === 'postgres') await trx.selectFrom('programs').select('id').forUpdate().execute();
 */
export function dialectOf(db: { getExecutor(): { readonly adapter: unknown } }): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
