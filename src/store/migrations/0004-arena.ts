import { type Kysely, type Migration, sql } from 'kysely';
import { ITEM_SPLITS, LADDER_KINDS, ROUND_STATUSES, TOKEN_SCOPES } from '../../spec/index.ts';
import { addIdColumn, jsonType } from '../column-types.ts';
import type { DialectName } from '../open-database.ts';

/** `column in ('a', 'b', …)` for a check constraint. */
function oneOf(column: string, values: readonly string[]) {
  return sql`${sql.ref(column)} in (${sql.join(values.map((value) => sql.lit(value)))})`;
}

/**
 * The arena of DESIGN.md section 3: benchmarks, their items (private labels stay here), rounds, teams and
 * their hashed tokens, submissions, the hash-chained transparency log (one row per entry, its index unique
 * so the chain can never fork), prize tracks and prize claims.
 */
export function arenaMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      const json = jsonType(dialect);

      await addIdColumn(db.schema.createTable('benchmarks'), dialect)
        .addColumn('slug', 'text', (column) => column.notNull())
        .addColumn('title', 'text', (column) => column.notNull())
        .addColumn('description', 'text', (column) => column.notNull())
        .addColumn('metric', 'text', (column) => column.notNull())
        .addColumn('higher_is_better', 'integer', (column) => column.notNull())
        .addColumn('ladder_kind', 'text', (column) => column.notNull())
        .addColumn('ladder_step', 'double precision')
        .addColumn('daily_cap', 'integer', (column) => column.notNull())
        .addColumn('label_set', json)
        .addColumn('demo', 'integer', (column) => column.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (column) => column.notNull())
        .addUniqueConstraint('benchmarks_slug_unique', ['slug'])
        .addCheckConstraint('benchmarks_ladder_kind_check', oneOf('ladder_kind', LADDER_KINDS))
        .addCheckConstraint('benchmarks_daily_cap_check', sql`daily_cap >= 1`)
        .addCheckConstraint(
          'benchmarks_ladder_step_check',
          sql`(ladder_kind = 'fixed' and ladder_step > 0) or (ladder_kind = 'parameter-free' and ladder_step is null)`,
        )
        .execute();

      await addIdColumn(db.schema.createTable('rounds'), dialect)
        .addColumn('benchmark_id', 'integer', (column) =>
          column.notNull().references('benchmarks.id').onDelete('cascade'),
        )
        .addColumn('name', 'text', (column) => column.notNull())
        .addColumn('opens_at', 'text', (column) => column.notNull())
        .addColumn('freezes_at', 'text', (column) => column.notNull())
        .addColumn('closes_at', 'text', (column) => column.notNull())
        .addColumn('status', 'text', (column) => column.notNull().defaultTo('open'))
        .addColumn('closed_at', 'text')
        .addColumn('results', json)
        .addUniqueConstraint('rounds_benchmark_name_unique', ['benchmark_id', 'name'])
        .addCheckConstraint('rounds_status_check', oneOf('status', ROUND_STATUSES))
        .addCheckConstraint('rounds_times_check', sql`opens_at <= freezes_at and freezes_at < closes_at`)
        .execute();

      await addIdColumn(db.schema.createTable('arena_items'), dialect)
        .addColumn('benchmark_id', 'integer', (column) =>
          column.notNull().references('benchmarks.id').onDelete('cascade'),
        )
        .addColumn('split', 'text', (column) => column.notNull())
        .addColumn('external_id', 'text', (column) => column.notNull())
        .addColumn('label', json, (column) => column.notNull())
        .addColumn('round_id', 'integer', (column) => column.references('rounds.id').onDelete('cascade'))
        .addColumn('created_at', 'text', (column) => column.notNull())
        .addUniqueConstraint('arena_items_benchmark_external_id_unique', ['benchmark_id', 'external_id'])
        .addCheckConstraint('arena_items_split_check', oneOf('split', ITEM_SPLITS))
        .execute();
      await db.schema
        .createIndex('arena_items_benchmark_round_idx')
        .on('arena_items')
        .columns(['benchmark_id', 'round_id', 'split'])
        .execute();

      await addIdColumn(db.schema.createTable('teams'), dialect)
        .addColumn('slug', 'text', (column) => column.notNull())
        .addColumn('name', 'text', (column) => column.notNull())
        .addColumn('created_at', 'text', (column) => column.notNull())
        .addUniqueConstraint('teams_slug_unique', ['slug'])
        .execute();

      await addIdColumn(db.schema.createTable('team_tokens'), dialect)
        .addColumn('team_id', 'integer', (column) =>
          column.notNull().references('teams.id').onDelete('cascade'),
        )
        .addColumn('token_hash', 'text', (column) => column.notNull())
        .addColumn('scope', 'text', (column) => column.notNull())
        .addColumn('created_at', 'text', (column) => column.notNull())
        .addColumn('revoked_at', 'text')
        .addCheckConstraint('team_tokens_scope_check', oneOf('scope', TOKEN_SCOPES))
        .addCheckConstraint('team_tokens_hash_check', sql`length(token_hash) = 64`)
        .execute();

      await addIdColumn(db.schema.createTable('submissions'), dialect)
        .addColumn('team_id', 'integer', (column) => column.notNull().references('teams.id'))
        .addColumn('round_id', 'integer', (column) => column.notNull().references('rounds.id'))
        .addColumn('digest', 'text', (column) => column.notNull())
        .addColumn('received_at', 'text', (column) => column.notNull())
        .addColumn('public_released', 'double precision', (column) => column.notNull())
        .addColumn('public_released_loss', 'double precision', (column) => column.notNull())
        .addColumn('improved', 'integer', (column) => column.notNull())
        .addColumn('private_score', 'double precision')
        .addColumn('results', json, (column) => column.notNull())
        .addColumn('predictions', json, (column) => column.notNull())
        .execute();
      await db.schema
        .createIndex('submissions_team_round_idx')
        .on('submissions')
        .columns(['team_id', 'round_id', 'received_at'])
        .execute();
      await db.schema.createIndex('submissions_round_idx').on('submissions').column('round_id').execute();

      await addIdColumn(db.schema.createTable('transparency_log'), dialect)
        .addColumn('entry_index', 'integer', (column) => column.notNull())
        .addColumn('previous_hash', 'text', (column) => column.notNull())
        .addColumn('hash', 'text', (column) => column.notNull())
        .addColumn('submission_id', 'integer', (column) => column.notNull().references('submissions.id'))
        .addColumn('entry', json, (column) => column.notNull())
        .addUniqueConstraint('transparency_log_index_unique', ['entry_index'])
        .addUniqueConstraint('transparency_log_previous_unique', ['previous_hash'])
        .addUniqueConstraint('transparency_log_submission_unique', ['submission_id'])
        .execute();

      await addIdColumn(db.schema.createTable('prize_tracks'), dialect)
        .addColumn('benchmark_id', 'integer', (column) =>
          column.notNull().references('benchmarks.id').onDelete('cascade'),
        )
        .addColumn('name', 'text', (column) => column.notNull())
        .addColumn('description', 'text', (column) => column.notNull())
        .addColumn('min_score', 'double precision')
        .addColumn('min_class', 'text')
        .addColumn('policy', json)
        .addUniqueConstraint('prize_tracks_benchmark_name_unique', ['benchmark_id', 'name'])
        .execute();

      await addIdColumn(db.schema.createTable('prize_claims'), dialect)
        .addColumn('team_id', 'integer', (column) =>
          column.notNull().references('teams.id').onDelete('cascade'),
        )
        .addColumn('track_id', 'integer', (column) =>
          column.notNull().references('prize_tracks.id').onDelete('cascade'),
        )
        .addColumn('source', 'text', (column) => column.notNull())
        .addColumn('checked_at', 'text', (column) => column.notNull())
        .addColumn('eligible', 'integer', (column) => column.notNull())
        .addColumn('score', 'double precision')
        .addColumn('mof_class', 'text')
        .addColumn('result', json, (column) => column.notNull())
        .addUniqueConstraint('prize_claims_team_track_unique', ['team_id', 'track_id'])
        .execute();
    },

    async down(db: Kysely<unknown>) {
      for (const table of [
        'prize_claims',
        'prize_tracks',
        'transparency_log',
        'submissions',
        'team_tokens',
        'teams',
        'arena_items',
        'rounds',
        'benchmarks',
      ]) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}
