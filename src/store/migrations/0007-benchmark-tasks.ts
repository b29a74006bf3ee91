import { type Kysely, type Migration, sql } from 'kysely';
import { addIdColumn } from '../column-types.ts';
import type { DialectName } from '../open-database.ts';

/** The task every benchmark created before tasks existed gets, and the task of a definition without `tasks`. */
export const DEFAULT_TASK_ID = 'main';

/**
 * Tasks of arena benchmarks: each task has its own metric and label set, items, Ladder state and private
 * leaderboard. Every existing benchmark gets one task, `main`, with the benchmark's metric and labels; its
 * items and submissions are that task's. `benchmarks.metric`/`label_set` stay as the primary (first) task's.
 */
export function benchmarkTasksMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await addIdColumn(db.schema.createTable('benchmark_tasks'), dialect)
        .addColumn('benchmark_id', 'integer', (column) =>
          column.notNull().references('benchmarks.id').onDelete('cascade'),
        )
        .addColumn('name', 'text', (column) => column.notNull())
        .addColumn('title', 'text', (column) => column.notNull())
        .addColumn('description', 'text', (column) => column.notNull())
        .addColumn('metric', 'text', (column) => column.notNull())
        .addColumn('higher_is_better', 'integer', (column) => column.notNull())
        .addColumn('label_set', dialect === 'postgres' ? sql`jsonb` : sql`text`)
        .addColumn('position', 'integer', (column) => column.notNull())
        .addUniqueConstraint('benchmark_tasks_benchmark_name_unique', ['benchmark_id', 'name'])
        .addUniqueConstraint('benchmark_tasks_benchmark_position_unique', ['benchmark_id', 'position'])
        .execute();
      await sql`insert into benchmark_tasks (benchmark_id, name, title, description, metric, higher_is_better, label_set, position)
        select id, ${DEFAULT_TASK_ID}, title, '', metric, higher_is_better, label_set, 0 from benchmarks`.execute(
        db,
      );

      for (const table of ['arena_items', 'submissions'] as const)
        await db.schema
          .alterTable(table)
          .addColumn('task', 'text', (column) => column.notNull().defaultTo(DEFAULT_TASK_ID))
          .execute();
      await db.schema
        .createIndex('arena_items_benchmark_task_round_idx')
        .on('arena_items')
        .columns(['benchmark_id', 'task', 'round_id', 'split'])
        .execute();
      await db.schema
        .createIndex('submissions_team_round_task_idx')
        .on('submissions')
        .columns(['team_id', 'round_id', 'task', 'id'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('submissions_team_round_task_idx').execute();
      await db.schema.dropIndex('arena_items_benchmark_task_round_idx').execute();
      for (const table of ['arena_items', 'submissions'] as const)
        await db.schema.alterTable(table).dropColumn('task').execute();
      await db.schema.dropTable('benchmark_tasks').execute();
    },
  };
}
