import type { Kysely } from 'kysely';
import { type CatalogSourcesTable, type Database, withCatalogSources } from '../../store/index.ts';

/** Writes (inserts or replaces) the `catalog_sources` row of one source. */
export async function recordCatalogSource(db: Kysely<Database>, row: CatalogSourcesTable): Promise<void> {
  const { id, ...rest } = row;
  await withCatalogSources(db)
    .insertInto('catalog_sources')
    .values(row)
    .onConflict((conflict) => conflict.column('id').doUpdateSet(rest))
    .execute();
}
