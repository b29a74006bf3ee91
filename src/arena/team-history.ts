import { type ArenaDb, requireBenchmark, requireTeam } from './arena-records.ts';

/** One submission in a team's history. */
export interface HistoryEntry {
  round: string;
  /** The task the predictions were for. */
  task: string;
  receivedAt: string;
  digest: string;
  /** The public score shown after this submission (the Ladder's release). */
  publicScore: number;
  improved: boolean;
  /** The private score, once the round is closed; null before. */
  privateScore: number | null;
}

/**
 * Every submission of a team to a benchmark (all its tasks), oldest first: what the public leaderboard showed after each,
 * and the private score once its round is closed.
 *
 * @example
 * const history = await teamHistory(db, 'demo-sentiment', 'owls');
 */
export async function teamHistory(
  db: ArenaDb,
  benchmarkSlug: string,
  teamSlug: string,
): Promise<{ benchmark: string; team: string; submissions: HistoryEntry[] }> {
  const benchmark = await requireBenchmark(db, benchmarkSlug);
  const team = await requireTeam(db, teamSlug);
  const rows = await db
    .selectFrom('submissions')
    .innerJoin('rounds', 'rounds.id', 'submissions.round_id')
    .select([
      'rounds.name',
      'rounds.status',
      'submissions.task',
      'submissions.received_at',
      'submissions.digest',
      'submissions.public_released',
      'submissions.improved',
      'submissions.private_score',
    ])
    .where('rounds.benchmark_id', '=', benchmark.row.id)
    .where('submissions.team_id', '=', team.id)
    .where('submissions.unscored', 'is', null)
    .orderBy('submissions.id')
    .execute();
  return {
    benchmark: benchmark.row.slug,
    team: team.slug,
    submissions: rows.map((row) => ({
      round: row.name,
      task: row.task,
      receivedAt: row.received_at,
      digest: row.digest,
      publicScore: row.public_released,
      improved: row.improved === 1,
      privateScore: row.status === 'closed' ? row.private_score : null,
    })),
  };
}
