import type { Kysely, Migration } from 'kysely';
import { addIdColumn } from '../column-types.ts';
import type { DialectName } from '../open-database.ts';

/**
 * What the university-labs and chinese-baselines indicators read:
 * - `models.organization_kinds`: the distinct kinds of a model's organisations as its source lists them
 *   (Epoch's `Organization categorization`), sorted and comma-joined (`academia,industry`); null when the
 *   source says nothing. The store kept only each organisation's type, and a multi-organisation model's
 *   kinds are not aligned with its organisations, so a model's own combination was lost.
 * - `works`: scholarly works (OpenAlex) by (source, external id), with their year and title only; no
 *   abstract is stored.
 * - `work_model_mentions`: the model families a work names as a baseline or base model, with the
 *   family's country of origin and the rule that matched; replaced as a whole when the work is imported
 *   again.
 * Existing models keep a null `organization_kinds` until their source is imported again.
 */
export function researchSignalsMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('models').addColumn('organization_kinds', 'text').execute();

      await addIdColumn(db.schema.createTable('works'), dialect)
        .addColumn('source', 'text', (column) => column.notNull())
        .addColumn('external_id', 'text', (column) => column.notNull())
        .addColumn('title', 'text')
        .addColumn('year', 'integer')
        .addColumn('source_url', 'text')
        .addUniqueConstraint('works_source_external_id_unique', ['source', 'external_id'])
        .execute();
      await db.schema.createIndex('works_year_idx').on('works').columns(['year', 'id']).execute();

      await addIdColumn(db.schema.createTable('work_model_mentions'), dialect)
        .addColumn('work_id', 'integer', (column) =>
          column.notNull().references('works.id').onDelete('cascade'),
        )
        .addColumn('family', 'text', (column) => column.notNull())
        .addColumn('origin', 'text', (column) => column.notNull())
        .addColumn('rule', 'text', (column) => column.notNull())
        .addUniqueConstraint('work_model_mentions_work_family_unique', ['work_id', 'family'])
        .execute();
      await db.schema
        .createIndex('work_model_mentions_origin_idx')
        .on('work_model_mentions')
        .columns(['origin', 'work_id'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('work_model_mentions').execute();
      await db.schema.dropTable('works').execute();
      await db.schema.alterTable('models').dropColumn('organization_kinds').execute();
    },
  };
}
