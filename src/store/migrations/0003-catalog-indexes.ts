import { type Kysely, type Migration, sql } from 'kysely';
import type { DialectName } from '../open-database.ts';

/** Indexes that 0003 replaces by wider ones (each new one starts with the old column). */
const REPLACED = [
  { name: 'models_date_idx', table: 'models', columns: ['date'] },
  { name: 'models_organization_idx', table: 'models', columns: ['organization_id'] },
  { name: 'model_countries_country_idx', table: 'model_countries', columns: ['country'] },
] as const;

/** The indexes 0003 adds, named after what they serve. */
const ADDED = [
  // The default model list (newest first, ties by id) reads the index in order and stops at the page.
  { name: 'models_date_id_idx', table: 'models', columns: ['date', 'id'] },
  // Per-organization model and open-model counts without touching the table.
  {
    name: 'models_organization_accessibility_idx',
    table: 'models',
    columns: ['organization_id', 'accessibility'],
  },
  // Country filters and per-country counts: the model ids of a country straight from the index.
  { name: 'model_countries_country_model_idx', table: 'model_countries', columns: ['country', 'model_id'] },
  { name: 'models_accessibility_date_idx', table: 'models', columns: ['accessibility', 'date', 'id'] },
] as const;

/**
 * Read performance of the catalog at a million models: composite indexes for the API's list, filter
 * and count queries (replacing the single-column ones they extend), and `catalog_state`, the one-row
 * catalog version that writers bump and the API keys its response cache and ETags on.
 */
export function catalogIndexesMigration(_dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('catalog_state')
        .addColumn('id', 'integer', (column) => column.primaryKey().check(sql`id = 1`))
        .addColumn('version', 'integer', (column) => column.notNull().defaultTo(0))
        .addColumn('updated_at', 'text', (column) => column.notNull())
        .execute();
      await db
        .insertInto('catalog_state' as never)
        .values({ id: 1, version: 0, updated_at: new Date().toISOString() } as never)
        .execute();
      for (const index of ADDED) {
        await db.schema
          .createIndex(index.name)
          .on(index.table)
          .columns([...index.columns])
          .execute();
      }
      for (const index of REPLACED) await db.schema.dropIndex(index.name).execute();
    },

    async down(db: Kysely<unknown>) {
      for (const index of REPLACED) {
        await db.schema
          .createIndex(index.name)
          .on(index.table)
          .columns([...index.columns])
          .execute();
      }
      for (const index of ADDED) await db.schema.dropIndex(index.name).execute();
      await db.schema.dropTable('catalog_state').execute();
    },
  };
}
