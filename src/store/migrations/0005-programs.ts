import { type Kysely, type Migration, sql } from 'kysely';
import { PROGRAM_KINDS, VERIFICATION_STATUSES } from '../../spec/index.ts';
import { addIdColumn, jsonType } from '../column-types.ts';
import type { DialectName } from '../open-database.ts';
import { VERIFICATION_RUN_STATUSES } from '../program-tables.ts';

function inList(values: readonly string[]) {
  return sql.join(values.map((value) => sql.lit(value)));
}

/**
 * Programs of DESIGN.md section 4: programs, their awards, the deliverables attached to each award,
 * and verification runs with one result per deliverable per run (history is kept; a run's results are
 * keyed by (run, deliverable) so a resumed or retried run never writes one twice).
 */
export function programsMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      const json = jsonType(dialect);

      await addIdColumn(db.schema.createTable('programs'), dialect)
        .addColumn('slug', 'text', (column) => column.notNull())
        .addColumn('name', 'text', (column) => column.notNull())
        .addColumn('kind', 'text', (column) => column.notNull())
        .addColumn('funder', 'text', (column) => column.notNull())
        .addColumn('currency', 'text', (column) => column.notNull())
        .addColumn('total_budget', 'double precision', (column) => column.notNull())
        .addColumn('compute_budget_gpu_hours', 'double precision')
        .addColumn('start_date', 'text')
        .addColumn('end_date', 'text')
        .addColumn('demo', 'integer', (column) => column.notNull().defaultTo(0))
        .addColumn('definition', json, (column) => column.notNull())
        .addColumn('source_file', 'text')
        .addColumn('updated_at', 'text', (column) => column.notNull())
        .addUniqueConstraint('programs_slug_unique', ['slug'])
        .addCheckConstraint('programs_kind_check', sql`kind in (${inList(PROGRAM_KINDS)})`)
        .execute();

      await addIdColumn(db.schema.createTable('awards'), dialect)
        .addColumn('slug', 'text', (column) => column.notNull())
        .addColumn('program_id', 'integer', (column) =>
          column.notNull().references('programs.id').onDelete('cascade'),
        )
        .addColumn('recipient', 'text', (column) => column.notNull())
        .addColumn('recipient_type', 'text', (column) => column.notNull())
        .addColumn('institution', 'text')
        .addColumn('country', 'text')
        .addColumn('money_amount', 'double precision', (column) => column.notNull().defaultTo(0))
        .addColumn('compute_gpu_hours', 'double precision', (column) => column.notNull().defaultTo(0))
        .addColumn('start_date', 'text', (column) => column.notNull())
        .addColumn('end_date', 'text', (column) => column.notNull())
        .addColumn('definition', json, (column) => column.notNull())
        .addUniqueConstraint('awards_slug_unique', ['slug'])
        .addCheckConstraint('awards_recipient_type_check', sql`recipient_type in ('person', 'team')`)
        .execute();
      await db.schema.createIndex('awards_program_idx').on('awards').column('program_id').execute();

      await addIdColumn(db.schema.createTable('deliverables'), dialect)
        .addColumn('award_id', 'integer', (column) =>
          column.notNull().references('awards.id').onDelete('cascade'),
        )
        .addColumn('requirement', 'text', (column) => column.notNull())
        .addColumn('kind', 'text', (column) => column.notNull())
        .addColumn('source', 'text')
        .addColumn('due_date', 'text', (column) => column.notNull())
        .addColumn('definition', json, (column) => column.notNull())
        .addUniqueConstraint('deliverables_award_requirement_unique', ['award_id', 'requirement'])
        .execute();

      await addIdColumn(db.schema.createTable('verification_runs'), dialect)
        .addColumn('started_at', 'text', (column) => column.notNull())
        .addColumn('finished_at', 'text')
        .addColumn('status', 'text', (column) => column.notNull().defaultTo('running'))
        .addColumn('program_slug', 'text')
        .addColumn('as_of', 'text', (column) => column.notNull())
        .addCheckConstraint(
          'verification_runs_status_check',
          sql`status in (${inList(VERIFICATION_RUN_STATUSES)})`,
        )
        .execute();

      await addIdColumn(db.schema.createTable('verification_results'), dialect)
        .addColumn('run_id', 'integer', (column) =>
          column.notNull().references('verification_runs.id').onDelete('cascade'),
        )
        .addColumn('deliverable_id', 'integer', (column) =>
          column.notNull().references('deliverables.id').onDelete('cascade'),
        )
        .addColumn('checked_at', 'text', (column) => column.notNull())
        .addColumn('status', 'text', (column) => column.notNull())
        .addColumn('score', 'double precision')
        .addColumn('mof_class', 'text')
        .addColumn('missing', json, (column) => column.notNull())
        .addColumn('report', json, (column) => column.notNull())
        .addUniqueConstraint('verification_results_run_deliverable_unique', ['run_id', 'deliverable_id'])
        .addCheckConstraint(
          'verification_results_status_check',
          sql`status in (${inList(VERIFICATION_STATUSES)})`,
        )
        .execute();
      await db.schema
        .createIndex('verification_results_deliverable_idx')
        .on('verification_results')
        .columns(['deliverable_id', 'run_id'])
        .execute();
    },

    async down(db: Kysely<unknown>) {
      for (const table of [
        'verification_results',
        'verification_runs',
        'deliverables',
        'awards',
        'programs',
      ]) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}
