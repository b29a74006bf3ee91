import type { Kysely, Migration } from 'kysely';

/**
 * `catalog_sources`: one row per public data source the catalog holds (the bundled snapshot's sources
 * and those `aperture sync` refreshed): its license, attribution and URL, the snapshot date and checksum of
 * the loaded data, and the validators (ETag, Last-Modified) of the last download, so a repeated start or
 * sync can tell the data is already loaded.
 */
export function catalogSourcesMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('catalog_sources')
        .ifNotExists()
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('title', 'text', (column) => column.notNull())
        .addColumn('license', 'text')
        .addColumn('attribution', 'text')
        .addColumn('url', 'text')
        .addColumn('snapshot_date', 'text')
        .addColumn('imported_at', 'text', (column) => column.notNull())
        .addColumn('origin', 'text', (column) => column.notNull())
        .addColumn('sha256', 'text', (column) => column.notNull())
        .addColumn('etag', 'text')
        .addColumn('last_modified', 'text')
        .addColumn('upstream', 'text')
        .addColumn('run_id', 'integer')
        .addColumn('records', 'integer', (column) => column.notNull().defaultTo(0))
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('catalog_sources').ifExists().execute();
    },
  };
}
