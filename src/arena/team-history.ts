import type { TeamHistory } from '../spec/index.ts';
import { type ArenaDb, requireBenchmark, requireTeam } from './arena-records.ts';
import { privateWithholding } from './withhold-private-results.ts';

/**
 * Every submission of a team to a benchmark (all its tasks), oldest first: what the public leaderboard showed after each,
 * and the private score once its round is closed, unless it is withheld (see privateWithholding) because a
 * round still running scores the same private items, in which case the entry says why and until when.
 *
 * @example
 * const history = await teamHistory(db, 'demo-sentiment', 'owls');
 */
export async function teamHistory(
  db: ArenaDb,
  benchmarkSlug: string,
  teamSlug: string,
): Promise<TeamHistory> {
  const benchmark = await requireBenchmark(db, benchmarkSlug);
  const team = await requireTeam(db, teamSlug);
  const rows = await db
    .selectFrom('submissions')
    .innerJoin('rounds', 'rounds.id', 'submissions.round_id')
    .select([
      'rounds.id as round_id',
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
  const withheld = await privateWithholding(db, benchmark);
  return {
    benchmark: benchmark.row.slug,
    team: team.slug,
    submissions: rows.map((row) => {
      const privateWithheld = withheld(row.round_id, row.task);
      return {
        round: row.name,
        task: row.task,
        receivedAt: row.received_at,
        digest: row.digest,
        publicScore: row.public_released,
        improved: row.improved === 1,
        privateScore: row.status === 'closed' && privateWithheld === null ? row.private_score : null,
        privateWithheld,
      };
    }),
  };
}
