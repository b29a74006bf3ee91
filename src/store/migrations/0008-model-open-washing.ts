import { type Kysely, type Migration, sql } from 'kysely';

/**
 * `models.open_washing` and `models.open_washing_reason`: whether a checked release calls itself open
 * source while withholding what that takes (1 flagged, 0 not flagged, null never checked, as rows of
 * Epoch, the Model Openness Tool or the AI Index are), and the flag's one-line reason. Existing rows
 * stay unassessed (null) until their release is checked again. An index serves the filter in the
 * default order (newest first), as `models_accessibility_date_idx` does for access.
 */
export function modelOpenWashingMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('models')
        .addColumn('open_washing', 'integer', (column) =>
          column.check(sql`open_washing is null or open_washing in (0, 1)`),
        )
        .execute();
      await db.schema.alterTable('models').addColumn('open_washing_reason', 'text').execute();
      await db.schema
        .createIndex('models_open_washing_date_idx')
        .on('models')
        .columns(['open_washing', 'date', 'id'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('models_open_washing_date_idx').execute();
      await db.schema.alterTable('models').dropColumn('open_washing_reason').execute();
      await db.schema.alterTable('models').dropColumn('open_washing').execute();
    },
  };
}
