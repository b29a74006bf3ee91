import { type Kysely, type Migration, sql } from 'kysely';

/** Why the repaired rows have no score, as their `unscored` column says. */
export const UNSCORED_REPAIR_REASON =
  'its scores were not finite numbers (predictions beyond the range a metric can score); it counts for nothing';

/**
 * `submissions.unscored`: why a stored submission has no score, or null for a scored one. Before this
 * version a submission whose scores overflowed (every prediction 1e308 on an RMSE task) was stored with
 * infinite scores; this migration marks those rows unscored and no longer their team's best, so that
 * leaderboards, histories, closes and the daily cap pass over them. Their transparency-log entries stay:
 * the chain records what was received. New submissions are refused before they are stored instead.
 */
export function unscoredSubmissionsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('submissions').addColumn('unscored', 'text').execute();
      // ±Infinity (and PostgreSQL's NaN, which sorts above every number) exceed 1e308; SQLite keeps no NaN.
      const beyond = (column: string) => sql`abs(${sql.ref(column)}) > cast('1e308' as double precision)`;
      await sql`update submissions set unscored = ${UNSCORED_REPAIR_REASON}, improved = 0
        where ${beyond('public_released')} or ${beyond('public_released_loss')}
          or (private_score is not null and ${beyond('private_score')})`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('submissions').dropColumn('unscored').execute();
    },
  };
}
