import type { Kysely } from 'kysely';
import type { Database } from './database.ts';

/**
 * `catalog_state`: one row (id 1) whose `version` every writer of catalog tables bumps in its own
 * transaction, so any reader (another server process too) can tell with one primary-key lookup
 * whether what it computed earlier still holds.
 */
export interface CatalogStateTable {
  /** Always 1. */
  id: number;
  /** Grows by one with every committed catalog write. */
  version: number;
  /** ISO 8601 time of the last bump. */
  updated_at: string;
}

/** The row id of the single catalog_state row. */
const STATE_ID = 1;

function withState(db: Kysely<Database>) {
  return db.withTables<{ catalog_state: CatalogStateTable }>();
}

/**
 * The current catalog version (0 for a catalog never written since migration 0003).
 *
 * @example
 * const version = await readCatalogVersion(store.db); // same answer in every process
 */
export async function readCatalogVersion(db: Kysely<Database>): Promise<number> {
  const row = await withState(db)
    .selectFrom('catalog_state')
    .select('version')
    .where('id', '=', STATE_ID)
    .executeTakeFirst();
  return row === undefined ? 0 : Number(row.version);
}

/**
 * Bumps the catalog version; call it inside the transaction of every write to catalog tables so the
 * bump commits (or rolls back) with the write.
 *
 * @example
 * await db.transaction().execute(async (trx) => { await write(trx); await bumpCatalogVersion(trx); });
 */
export async function bumpCatalogVersion(db: Kysely<Database>): Promise<void> {
  await withState(db)
    .updateTable('catalog_state')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: new Date().toISOString() }))
    .where('id', '=', STATE_ID)
    .execute();
}
