import type { ArenaDb } from './arena-records.ts';
import type { ScoredSubmissionRow } from './score-commitments.ts';

/** A submission with its team's slug and, when it has one, its log entry's index and salt. */
export interface LoggedSubmissionRow extends Omit<ScoredSubmissionRow, 'entry_index'> {
  id: number;
  round_id: number;
  task: string;
  /** Its log entry's index, or null for a submission the log does not record. */
  entry_index: number | null;
  /** Its log entry's salt (null for an entry of the earlier format, or no entry). */
  salt: string | null;
}

/**
 * The submissions of one round's task, or a page of every submission by id (`afterId`, `limit`), with their
 * team and log entry: the scored fields the log commits, never the predictions. Ordered by id.
 *
 * @example
 * const rows = await readLoggedSubmissions(db, { roundId: 3, task: 'main' });
 */
export async function readLoggedSubmissions(
  db: ArenaDb,
  where: { roundId: number; task: string } | { afterId: number; limit: number },
): Promise<LoggedSubmissionRow[]> {
  let query = db
    .selectFrom('submissions')
    .innerJoin('teams', 'teams.id', 'submissions.team_id')
    .leftJoin('transparency_log', 'transparency_log.submission_id', 'submissions.id')
    .select([
      'submissions.id',
      'submissions.round_id',
      'submissions.task',
      'submissions.digest',
      'submissions.received_at',
      'submissions.public_released',
      'submissions.public_released_loss',
      'submissions.improved',
      'submissions.private_score',
      'submissions.unscored',
      'teams.slug as team',
      'transparency_log.entry_index',
      'transparency_log.salt',
    ])
    .orderBy('submissions.id');
  if ('roundId' in where)
    query = query
      .where('submissions.round_id', '=', where.roundId)
      .where('submissions.task', '=', where.task);
  else query = query.where('submissions.id', '>', where.afterId).limit(where.limit);
  return query.execute();
}
