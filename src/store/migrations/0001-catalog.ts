import { type Kysely, type Migration, sql } from 'kysely';
import { ACCESSIBILITY_VALUES } from '../../spec/index.ts';
import { addIdColumn, jsonType } from '../column-types.ts';
import type { DialectName } from '../open-database.ts';

/** `column in ('a', 'b', …)` for a check constraint. */
function oneOf(column: string, values: readonly string[]) {
  return sql`${sql.ref(column)} in (${sql.join(values.map((value) => sql.lit(value)))})`;
}

/** The import run statuses this migration allows (0011 adds `interrupted`); frozen, as shipped. */
const STATUSES_OF_0001 = ['running', 'finished', 'failed'] as const;

/**
 * The observatory catalog of DESIGN.md section 2: organizations, models and their countries, lineage,
 * adoption snapshots, people and affiliations, funding programs, import runs and rejected rows.
 * Natural unique keys make re-imports update rows instead of duplicating them.
 */
export function catalogMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      const json = jsonType(dialect);

      await addIdColumn(db.schema.createTable('organizations'), dialect)
        .addColumn('name', 'text', (column) => column.notNull())
        .addColumn('country', 'text')
        .addColumn('country_name', 'text')
        .addColumn('region', 'text')
        .addColumn('type', 'text')
        .addColumn('parent_id', 'integer', (column) =>
          column.references('organizations.id').onDelete('set null'),
        )
        .addColumn('source', 'text', (column) => column.notNull())
        .addColumn('source_url', 'text')
        .addUniqueConstraint('organizations_name_unique', ['name'])
        .execute();
      await db.schema
        .createIndex('organizations_country_idx')
        .on('organizations')
        .column('country')
        .execute();

      await addIdColumn(db.schema.createTable('models'), dialect)
        .addColumn('source', 'text', (column) => column.notNull())
        .addColumn('external_id', 'text', (column) => column.notNull())
        .addColumn('organization_id', 'integer', (column) =>
          column.references('organizations.id').onDelete('set null'),
        )
        .addColumn('name', 'text', (column) => column.notNull())
        .addColumn('date', 'text')
        .addColumn('domain', 'text')
        .addColumn('parameters', 'double precision')
        .addColumn('training_compute_flop', 'double precision')
        .addColumn('accessibility', 'text', (column) => column.notNull().defaultTo('unknown'))
        .addColumn('openness_score', 'double precision')
        .addColumn('mof_class', 'text')
        .addColumn('profile', json)
        .addColumn('source_url', 'text')
        .addColumn('external_ids', json)
        .addUniqueConstraint('models_source_external_id_unique', ['source', 'external_id'])
        .addCheckConstraint('models_accessibility_check', oneOf('accessibility', ACCESSIBILITY_VALUES))
        .addCheckConstraint(
          'models_openness_score_check',
          sql`openness_score is null or (openness_score >= 0 and openness_score <= 100)`,
        )
        .execute();
      await db.schema.createIndex('models_date_idx').on('models').column('date').execute();
      await db.schema.createIndex('models_organization_idx').on('models').column('organization_id').execute();
      await db.schema.createIndex('models_accessibility_idx').on('models').column('accessibility').execute();
      await db.schema.createIndex('models_name_idx').on('models').column('name').execute();

      await addIdColumn(db.schema.createTable('model_countries'), dialect)
        .addColumn('model_id', 'integer', (column) =>
          column.notNull().references('models.id').onDelete('cascade'),
        )
        .addColumn('country', 'text', (column) => column.notNull())
        .addUniqueConstraint('model_countries_model_country_unique', ['model_id', 'country'])
        .execute();
      await db.schema
        .createIndex('model_countries_country_idx')
        .on('model_countries')
        .column('country')
        .execute();

      await addIdColumn(db.schema.createTable('lineage'), dialect)
        .addColumn('child_model_id', 'integer', (column) =>
          column.notNull().references('models.id').onDelete('cascade'),
        )
        .addColumn('parent_model_id', 'integer', (column) =>
          column.notNull().references('models.id').onDelete('cascade'),
        )
        .addColumn('relation', 'text', (column) => column.notNull())
        .addColumn('source', 'text')
        .addUniqueConstraint('lineage_edge_unique', ['child_model_id', 'parent_model_id', 'relation'])
        .execute();
      await db.schema.createIndex('lineage_parent_idx').on('lineage').column('parent_model_id').execute();

      await addIdColumn(db.schema.createTable('adoption_snapshots'), dialect)
        .addColumn('model_id', 'integer', (column) =>
          column.notNull().references('models.id').onDelete('cascade'),
        )
        .addColumn('date', 'text', (column) => column.notNull())
        .addColumn('downloads', 'bigint')
        .addColumn('likes', 'bigint')
        .addColumn('derivatives', 'bigint')
        .addColumn('source', 'text')
        .addUniqueConstraint('adoption_snapshots_model_date_unique', ['model_id', 'date'])
        .execute();
      await db.schema
        .createIndex('adoption_snapshots_date_idx')
        .on('adoption_snapshots')
        .column('date')
        .execute();

      await addIdColumn(db.schema.createTable('people'), dialect)
        .addColumn('source', 'text', (column) => column.notNull())
        .addColumn('external_id', 'text', (column) => column.notNull())
        .addColumn('name', 'text', (column) => column.notNull())
        .addColumn('orcid', 'text')
        .addUniqueConstraint('people_source_external_id_unique', ['source', 'external_id'])
        .execute();

      await addIdColumn(db.schema.createTable('affiliations'), dialect)
        .addColumn('person_id', 'integer', (column) =>
          column.notNull().references('people.id').onDelete('cascade'),
        )
        .addColumn('institution', 'text', (column) => column.notNull())
        .addColumn('institution_external_id', 'text')
        .addColumn('institution_type', 'text')
        .addColumn('country', 'text')
        .addColumn('start_year', 'integer')
        .addColumn('end_year', 'integer')
        .addUniqueConstraint('affiliations_person_institution_unique', ['person_id', 'institution'])
        .execute();
      await db.schema.createIndex('affiliations_country_idx').on('affiliations').column('country').execute();

      await addIdColumn(db.schema.createTable('funding_programs'), dialect)
        .addColumn('source', 'text', (column) => column.notNull())
        .addColumn('name', 'text', (column) => column.notNull())
        .addColumn('funder', 'text')
        .addColumn('country', 'text')
        .addColumn('currency', 'text')
        .addColumn('total_amount', 'double precision')
        .addColumn('open_amount', 'double precision')
        .addColumn('start_year', 'integer')
        .addColumn('source_url', 'text')
        .addUniqueConstraint('funding_programs_source_name_unique', ['source', 'name'])
        .execute();

      await addIdColumn(db.schema.createTable('import_runs'), dialect)
        .addColumn('kind', 'text', (column) => column.notNull())
        .addColumn('source', 'text', (column) => column.notNull())
        .addColumn('started_at', 'text', (column) => column.notNull())
        .addColumn('finished_at', 'text')
        .addColumn('status', 'text', (column) => column.notNull().defaultTo('running'))
        .addColumn('inserted', 'integer', (column) => column.notNull().defaultTo(0))
        .addColumn('updated', 'integer', (column) => column.notNull().defaultTo(0))
        .addColumn('rejected', 'integer', (column) => column.notNull().defaultTo(0))
        .addCheckConstraint('import_runs_status_check', oneOf('status', STATUSES_OF_0001))
        .execute();

      await addIdColumn(db.schema.createTable('rejected_rows'), dialect)
        .addColumn('run_id', 'integer', (column) =>
          column.notNull().references('import_runs.id').onDelete('cascade'),
        )
        .addColumn('file', 'text', (column) => column.notNull())
        .addColumn('line', 'integer')
        .addColumn('reason', 'text', (column) => column.notNull())
        .execute();
      await db.schema.createIndex('rejected_rows_run_idx').on('rejected_rows').column('run_id').execute();
    },

    async down(db: Kysely<unknown>) {
      for (const table of [
        'rejected_rows',
        'import_runs',
        'funding_programs',
        'affiliations',
        'people',
        'adoption_snapshots',
        'lineage',
        'model_countries',
        'models',
        'organizations',
      ]) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}
