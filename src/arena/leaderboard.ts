import { ApertureError } from '../errors.ts';
import type { Leaderboard, PrizeStanding } from '../spec/index.ts';
import { type ArenaDb, requireBenchmark, requireRound, requireTask } from './arena-records.ts';
import { parseRoundResults } from './close-round.ts';
import { rankEntries } from './rank-entries.ts';
import { roundPhase } from './round-phase.ts';
import { privateWithholding } from './withhold-private-results.ts';

/**
 * The leaderboard of a round's task (the latest round when `round` is omitted, the primary task when
 * `options.task` is). While the round runs, each
 * team's current public score is its Ladder release and teams with equal releases share a rank; after
 * closeRound, the private scores with bootstrap intervals and LMArena ranks, or, while another round still
 * scores the same private items, the public board with the reason (see privateWithholding). Prize
 * eligibility of each team on the benchmark's tracks is attached.
 *
 * @example
 * const board = await leaderboard(db, 'demo-sentiment');
 */
export async function leaderboard(
  db: ArenaDb,
  benchmarkSlug: string,
  roundName?: string,
  options: { now?: Date; task?: string } = {},
): Promise<Leaderboard> {
  const benchmark = await requireBenchmark(db, benchmarkSlug);
  const task = requireTask(benchmark, options.task);
  const round =
    roundName !== undefined
      ? await requireRound(db, benchmark, roundName)
      : await db
          .selectFrom('rounds')
          .selectAll()
          .where('benchmark_id', '=', benchmark.row.id)
          .orderBy('opens_at', 'desc')
          .orderBy('id', 'desc')
          .limit(1)
          .executeTakeFirst();
  if (!round) throw new ApertureError('ERR_NOT_FOUND', `benchmark ${benchmarkSlug} has no round yet`);
  const claims = await db
    .selectFrom('prize_claims')
    .innerJoin('prize_tracks', 'prize_tracks.id', 'prize_claims.track_id')
    .innerJoin('teams', 'teams.id', 'prize_claims.team_id')
    .select([
      'teams.slug as team',
      'prize_tracks.name as track',
      'prize_claims.eligible',
      'prize_claims.checked_at',
    ])
    .where('prize_tracks.benchmark_id', '=', benchmark.row.id)
    .orderBy('prize_tracks.name')
    .execute();
  const prizesOf = (team: string): PrizeStanding[] =>
    claims
      .filter((claim) => claim.team === team)
      .map((claim) => ({ track: claim.track, eligible: claim.eligible === 1, checkedAt: claim.checked_at }));
  const head = {
    benchmark: {
      slug: benchmark.row.slug,
      title: benchmark.row.title,
      metric: task.metric.id,
      higherIsBetter: task.metric.higherIsBetter,
    },
    task: {
      id: task.name,
      title: task.title,
      metric: task.metric.id,
      higherIsBetter: task.metric.higherIsBetter,
    },
    tasks: benchmark.tasks.map((entry) => entry.name),
    round: {
      name: round.name,
      phase: roundPhase(round, options.now ?? new Date()),
      opensAt: round.opens_at,
      freezesAt: round.freezes_at,
      closesAt: round.closes_at,
      closedAt: round.closed_at,
    },
  };
  const withheld =
    round.status === 'closed' ? (await privateWithholding(db, benchmark))(round.id, task.name) : null;
  if (round.status === 'closed' && round.results !== null && withheld === null) {
    const results = parseRoundResults(round.results, benchmark.tasks[0]!).tasks.find(
      (entry) => entry.task === task.name,
    );
    // Every task is scored at close; were one missing, its board would show empty rather than fail.
    return {
      ...head,
      kind: 'private',
      bootstrap: results?.bootstrap ?? null,
      withheld: null,
      entries: (results?.entries ?? []).map((entry) => ({
        rank: entry.rank,
        team: entry.team,
        score: entry.score,
        lower: entry.lower,
        upper: entry.upper,
        submissions: entry.submissions,
        lastSubmissionAt: entry.receivedAt,
        prizes: prizesOf(entry.team),
      })),
    };
  }
  const rows = await db
    .selectFrom('submissions')
    .innerJoin('teams', 'teams.id', 'submissions.team_id')
    .select(['teams.slug as team', 'submissions.public_released', 'submissions.received_at'])
    .where('submissions.round_id', '=', round.id)
    .where('submissions.task', '=', task.name)
    .where('submissions.unscored', 'is', null)
    .orderBy('submissions.id')
    .execute();
  const byTeam = new Map<string, { score: number; count: number; last: string }>();
  for (const row of rows) {
    // A value no metric should give (stored by another version) is passed over, never shown or ranked.
    if (!Number.isFinite(row.public_released)) continue;
    const seen = byTeam.get(row.team);
    // The latest submission carries the release currently shown (a non-improving one repeats it).
    byTeam.set(row.team, {
      score: row.public_released,
      count: (seen?.count ?? 0) + 1,
      last: row.received_at,
    });
  }
  const ranked = rankEntries(
    [...byTeam.entries()].map(([team, { score }]) => ({ id: team, score, lower: score, upper: score })),
    task.metric.higherIsBetter,
  );
  return {
    ...head,
    kind: 'public',
    bootstrap: null,
    withheld,
    entries: ranked.map((entry) => {
      const team = byTeam.get(entry.id)!;
      return {
        rank: entry.rank,
        team: entry.id,
        score: entry.score,
        lower: null,
        upper: null,
        submissions: team.count,
        lastSubmissionAt: team.last,
        prizes: prizesOf(entry.id),
      };
    }),
  };
}
