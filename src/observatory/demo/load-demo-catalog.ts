import type { Kysely } from 'kysely';
import type { Database } from '../../store/index.ts';
import type { WriteCatalogOutcome } from '../catalog/catalog-batch.ts';
import { writeCatalog } from '../catalog/write-catalog.ts';
import { readDemoCatalog } from './read-demo-catalog.ts';

/** What loadDemoCatalog wrote: the writer's outcome and how many records of each kind the catalog holds. */
export interface LoadDemoCatalogOutcome extends WriteCatalogOutcome {
  /** The file that was loaded. */
  path: string;
  counts: { organizations: number; models: number; lineage: number; aliases: number };
}

/**
 * Loads the bundled demo catalog (or the catalog at `file`) into the store in one transaction. Loading it
 * again changes nothing: every record is matched by its natural key (models by source `demo` and name).
 *
 * @example
 * const store = await openDatabase({ file: ':memory:' });
 * await migrateToLatest(store);
 * const { counts } = await loadDemoCatalog(store.db);
 */
export async function loadDemoCatalog(
  db: Kysely<Database>,
  options: { file?: string } = {},
): Promise<LoadDemoCatalogOutcome> {
  const demo = await readDemoCatalog(options.file);
  const outcome = await writeCatalog(db, {
    organizations: demo.organizations,
    aliases: demo.aliases,
    models: demo.models,
    lineage: demo.lineage,
  });
  return {
    ...outcome,
    path: demo.path,
    counts: {
      organizations: demo.organizations.length,
      models: demo.models.length,
      lineage: demo.lineage.length,
      aliases: demo.aliases.length,
    },
  };
}
