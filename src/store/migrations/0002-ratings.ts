import { type Kysely, type Migration, sql } from 'kysely';
import { OPENNESS_SCHEMES } from '../../spec/index.ts';
import { addIdColumn, jsonType } from '../column-types.ts';
import type { DialectName } from '../open-database.ts';

/**
 * Ratings beside the catalog: openness ratings (MOF from the Model Openness Tool, the Open Source AI
 * Index, Aperture's own score), transparency index scores (FMTI), and organization aliases (a Hub
 * author → the organization behind it). Natural unique keys keep re-imports from duplicating rows.
 */
export function ratingsMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      const json = jsonType(dialect);

      await addIdColumn(db.schema.createTable('openness_ratings'), dialect)
        .addColumn('scheme', 'text', (column) => column.notNull())
        .addColumn('subject', 'text', (column) => column.notNull())
        .addColumn('organization', 'text')
        .addColumn('model_id', 'integer', (column) => column.references('models.id').onDelete('set null'))
        .addColumn('rating_class', 'text')
        .addColumn('score', 'double precision')
        .addColumn('details', json)
        .addColumn('source', 'text', (column) => column.notNull())
        .addColumn('source_file', 'text')
        .addUniqueConstraint('openness_ratings_scheme_subject_unique', ['scheme', 'subject'])
        .addCheckConstraint(
          'openness_ratings_scheme_check',
          sql`scheme in (${sql.join(OPENNESS_SCHEMES.map((scheme) => sql.lit(scheme)))})`,
        )
        .addCheckConstraint(
          'openness_ratings_score_check',
          sql`score is null or (score >= 0 and score <= 100)`,
        )
        .execute();
      await db.schema
        .createIndex('openness_ratings_model_idx')
        .on('openness_ratings')
        .column('model_id')
        .execute();

      await addIdColumn(db.schema.createTable('transparency_scores'), dialect)
        .addColumn('index_name', 'text', (column) => column.notNull())
        .addColumn('edition', 'text', (column) => column.notNull())
        .addColumn('developer', 'text', (column) => column.notNull())
        .addColumn('total', 'double precision', (column) => column.notNull())
        .addColumn('max_total', 'double precision', (column) => column.notNull())
        .addColumn('indicators', json, (column) => column.notNull())
        .addColumn('source_file', 'text')
        .addUniqueConstraint('transparency_scores_edition_developer_unique', [
          'index_name',
          'edition',
          'developer',
        ])
        .execute();

      await addIdColumn(db.schema.createTable('organization_aliases'), dialect)
        .addColumn('alias', 'text', (column) => column.notNull())
        .addColumn('organization_id', 'integer', (column) =>
          column.notNull().references('organizations.id').onDelete('cascade'),
        )
        .addUniqueConstraint('organization_aliases_alias_unique', ['alias'])
        .execute();
    },

    async down(db: Kysely<unknown>) {
      for (const table of ['organization_aliases', 'transparency_scores', 'openness_ratings']) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}
