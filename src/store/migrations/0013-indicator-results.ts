import type { Kysely, Migration } from 'kysely';

/**
 * `indicator_results`: indicators computed once an import commits, so the first request of a new
 * catalog version reads rows instead of aggregating a million models. One row per indicator and
 * parameter set, replaced at every import; a row counts only while its catalog version is the current
 * one and its tool version the running one.
 */
export function indicatorResultsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('indicator_results')
        .addColumn('name', 'text', (column) => column.notNull())
        .addColumn('params', 'text', (column) => column.notNull())
        .addColumn('catalog_version', 'integer', (column) => column.notNull())
        .addColumn('tool_version', 'text', (column) => column.notNull())
        .addColumn('rows', 'text', (column) => column.notNull())
        .addColumn('computed_at', 'text', (column) => column.notNull())
        .addPrimaryKeyConstraint('indicator_results_pkey', ['name', 'params'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('indicator_results').execute();
    },
  };
}
