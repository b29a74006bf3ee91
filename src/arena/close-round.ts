import { createHash } from 'node:crypto';
import { ApertureError } from '../errors.ts';
import type { Withholding } from '../spec/index.ts';
import {
  type ArenaDb,
  type BenchmarkRecord,
  inTransaction,
  isoNow,
  lockArena,
  requireBenchmark,
  requireRound,
  roundTaskName,
  roundTruth,
  type TaskRecord,
} from './arena-records.ts';
import { BOOTSTRAP_DEFAULTS, bootstrapInterval } from './bootstrap.ts';
import { insertEntry, readLastEntry } from './log-rows.ts';
import type { AnyMetric, Prediction, Truth } from './metrics/metric.ts';
import { rankEntries } from './rank-entries.ts';
import { readLoggedSubmissions } from './read-logged-submissions.ts';
import type { Resampler } from './resampler.ts';
import { roundPhase } from './round-phase.ts';
import { closeDigests, newSalt, scoredSubmissionOf } from './score-commitments.ts';
import { appendEntry } from './transparency-log.ts';
import { privateWithholding, type WithholdingLookup } from './withhold-private-results.ts';

/** One team on a round's private leaderboard, as stored at close. */
export interface PrivateResult {
  rank: number;
  team: string;
  score: number;
  lower: number;
  upper: number;
  /** The submission scored: the team's public best under the Ladder. */
  submissionId: number;
  digest: string;
  receivedAt: string;
  submissions: number;
}

/** The private leaderboard of one task of a closed round. */
export interface TaskResults {
  task: string;
  metric: string;
  higherIsBetter: boolean;
  bootstrap: { resamples: number; confidence: number; seed: number };
  items: number;
  entries: PrivateResult[];
}

/**
 * The private leaderboards of a closed round, one per task (primary task first). The top-level bootstrap,
 * items and entries are the primary task's, which a single-task benchmark has alone.
 */
export interface RoundResults {
  closedAt: string;
  bootstrap: TaskResults['bootstrap'];
  items: number;
  entries: PrivateResult[];
  tasks: TaskResults[];
}

/**
 * What closeRound answers: the stored results, except that the private leaderboard of a task whose results
 * are withheld (another round still scores the same private items) has no entries and says why in
 * `withheld`. The top level is the primary task's, as in RoundResults.
 */
export interface ClosedRoundResults extends RoundResults {
  /** The round's scheduled close; `closedAt`, when the close really happened, is earlier if it was forced. */
  closesAt: string;
  withheld: Withholding | null;
  tasks: (TaskResults & { withheld: Withholding | null })[];
}

/** The results as closeRound may show them: withheld tasks keep their counts but lose their entries. */
function showableResults(
  results: RoundResults,
  round: { id: number; closes_at: string },
  withheld: WithholdingLookup,
): ClosedRoundResults {
  const tasks = results.tasks.map((task) => {
    const reason = withheld(round.id, task.task);
    return { ...task, entries: reason === null ? task.entries : [], withheld: reason };
  });
  const primary = tasks[0]!;
  return {
    ...results,
    closesAt: round.closes_at,
    entries: primary.entries,
    withheld: primary.withheld,
    tasks,
  };
}

/**
 * Reads a round's stored results. Rounds closed before tasks existed stored the top-level board alone:
 * it is the primary task's.
 */
export function parseRoundResults(text: string, primary: TaskRecord): RoundResults {
  const stored = JSON.parse(text) as Omit<RoundResults, 'tasks'> & { tasks?: TaskResults[] };
  return {
    ...stored,
    tasks: stored.tasks ?? [
      {
        task: primary.name,
        metric: primary.metric.id,
        higherIsBetter: primary.metric.higherIsBetter,
        bootstrap: stored.bootstrap,
        items: stored.items,
        entries: stored.entries,
      },
    ],
  };
}

/**
 * Item draws one bootstrap may make for an O(n) resampler (RMSE with many distinct errors, AUC-ROC):
 * the resample count drops to fit (never below 200) on very large private splits. Categorical metrics
 * (accuracy, macro-F1, exact match, pass@k) always get the full 1,000, as a resample costs O(categories).
 */
export const BOOTSTRAP_DRAW_BUDGET = 200_000_000;

/** The resamples used for `resampler` on `n` items (see BOOTSTRAP_DRAW_BUDGET). */
export function resamplesFor(resampler: Resampler, n: number): number {
  if (resampler.kind === 'categorical') return BOOTSTRAP_DEFAULTS.resamples;
  return Math.max(
    200,
    Math.min(BOOTSTRAP_DEFAULTS.resamples, Math.floor(BOOTSTRAP_DRAW_BUDGET / Math.max(1, n))),
  );
}

/**
 * The bootstrap seed of a round's task: the first 32 bits of sha256 of its name as the transparency log
 * writes it (roundTaskName: "benchmark/round", or "benchmark/round/task" for a task other than the
 * first), so anyone can recompute it.
 */
export function roundSeed(roundTaskName: string): number {
  return createHash('sha256').update(roundTaskName, 'utf8').digest().readUInt32BE(0);
}

function resamplerOf(
  metric: AnyMetric,
  truth: readonly unknown[],
  predictions: readonly unknown[],
): Resampler {
  return (
    metric as { resampler(t: readonly Truth<never>[], p: readonly Prediction<never>[]): Resampler }
  ).resampler(truth as never[], predictions as never[]);
}

/**
 * Closes a round: for each task, each team's public best (its last submission the Ladder released as an
 * improvement on that task) is scored on the task's private split with a seeded percentile bootstrap interval, teams are ranked by rankEntries
 * (overlapping intervals share a rank), and the leaderboard is stored and revealed, except for a task
 * whose private items another round not yet closed still scores (a database made before private items were
 * tied to one round): its board is stored but answered empty, with the reason (see privateWithholding), and
 * shows once that round closes. In the same transaction the transparency log gains one close entry per task,
 * committing every logged submission's scored fields and the stored leaderboard (see logClose). Refused before
 * the round's close time unless `force`; closing twice is refused. `closedAt` is when the close took hold
 * (after the arena lock, unless `now` is given), and the answer names the scheduled `closesAt` beside it,
 * which a forced close comes before.
 *
 * @example
 * const results = await closeRound(db, 'demo-sentiment', 'round-1');
 */
export async function closeRound(
  db: ArenaDb,
  benchmarkSlug: string,
  roundName: string,
  options: { now?: Date; force?: boolean } = {},
): Promise<ClosedRoundResults> {
  return inTransaction(db, async (trx) => {
    // Under the arena lock, no submission can commit between this close's read and its write.
    await lockArena(trx);
    // The close takes hold here, not when it was asked for: a submission the lock held back was stored
    // before it, so the round's close time comes after that submission's.
    const now = options.now ?? new Date();
    const benchmark = await requireBenchmark(trx, benchmarkSlug);
    const round = await requireRound(trx, benchmark, roundName);
    const phase = roundPhase(round, now);
    if (phase === 'closed') throw new ApertureError('ERR_CONFLICT', `round ${roundName} is already closed`);
    if (phase !== 'ended' && !options.force)
      throw new ApertureError(
        'ERR_CONFLICT',
        `round ${roundName} closes at ${round.closes_at}; wait, or pass --force to close it early`,
      );
    const tasks: TaskResults[] = [];
    for (const task of benchmark.tasks) tasks.push(await closeTask(trx, benchmark, task, round));
    const primary = tasks[0]!;
    const results: RoundResults = {
      closedAt: isoNow(now),
      bootstrap: primary.bootstrap,
      items: primary.items,
      entries: primary.entries,
      tasks,
    };
    await trx
      .updateTable('rounds')
      // The top level keeps the shape rounds closed before tasks existed have (the primary task's board).
      .set({ status: 'closed', closed_at: results.closedAt, results: JSON.stringify(results) })
      .where('id', '=', round.id)
      .execute();
    await logClose(trx, benchmark, round, results);
    return showableResults(results, round, await privateWithholding(trx, benchmark));
  });
}

/**
 * Appends one close entry per task to the transparency log: salted digests of every logged submission of the
 * round's task with its scored fields, and of the task's private leaderboard as stored (see
 * score-commitments.ts), so that an edit of either after the close no longer matches the log.
 */
async function logClose(
  trx: ArenaDb,
  benchmark: BenchmarkRecord,
  round: { id: number; name: string },
  results: RoundResults,
): Promise<void> {
  let last = await readLastEntry(trx);
  for (const [index, task] of benchmark.tasks.entries()) {
    const logged = (await readLoggedSubmissions(trx, { roundId: round.id, task: task.name })).flatMap(
      (row) =>
        row.entry_index === null ? [] : [scoredSubmissionOf({ ...row, entry_index: row.entry_index })],
    );
    const salt = newSalt();
    const entry = appendEntry(last, {
      kind: 'close',
      // The log's times never go backwards, even for a close dated before the last submission.
      time: last && last.time > results.closedAt ? last.time : results.closedAt,
      round: roundTaskName(benchmark.row.slug, round.name, task),
      ...closeDigests(salt, logged, results.tasks[index]),
    });
    await insertEntry(trx, entry, { roundId: round.id }, salt);
    last = entry;
  }
}

/** Scores each team's public best on a task's private split, with intervals and ranks. */
async function closeTask(
  trx: ArenaDb,
  benchmark: BenchmarkRecord,
  task: TaskRecord,
  round: { id: number; name: string },
): Promise<TaskResults> {
  const { metric } = task;
  const truth = await roundTruth(trx, benchmark.row.id, round.id, task.name);
  const submissions = await trx
    .selectFrom('submissions')
    .innerJoin('teams', 'teams.id', 'submissions.team_id')
    .select([
      'submissions.id',
      'submissions.digest',
      'submissions.received_at',
      'submissions.improved',
      'submissions.private_score',
      'submissions.predictions',
      'teams.slug',
    ])
    .where('submissions.round_id', '=', round.id)
    .where('submissions.task', '=', task.name)
    .where('submissions.unscored', 'is', null)
    .orderBy('submissions.id')
    .execute();
  const seed = roundSeed(roundTaskName(benchmark.row.slug, round.name, task));
  const byTeam = new Map<string, { best: (typeof submissions)[number]; count: number }>();
  for (const submission of submissions) {
    const seen = byTeam.get(submission.slug);
    if (!seen) byTeam.set(submission.slug, { best: submission, count: 1 });
    else {
      seen.count++;
      if (submission.improved === 1) seen.best = submission;
    }
  }
  let resamples: number = BOOTSTRAP_DEFAULTS.resamples;
  const scored = [...byTeam.entries()].map(([team, { best, count }]) => {
    const predictions = (JSON.parse(best.predictions) as unknown[]).slice(truth.public.ids.length);
    const resampler = resamplerOf(metric, truth.private.truth, predictions);
    resamples = Math.min(resamples, resamplesFor(resampler, predictions.length));
    return { team, best, count, resampler, predictions };
  });
  const entries = scored.map(({ team, best, count, resampler, predictions }) => {
    // Scored on the private split at submission (its items are fixed once a round has submissions);
    // recomputed only where it was not stored (NaN is stored as NULL on SQLite).
    const score =
      best.private_score ??
      (metric as { score(t: readonly never[], p: readonly never[]): number }).score(
        truth.private.truth as never[],
        predictions as never[],
      );
    const interval = bootstrapInterval(resampler, { resamples, seed });
    const defined = !Number.isNaN(interval.lower);
    return {
      id: team,
      score,
      lower: defined ? interval.lower : score,
      upper: defined ? interval.upper : score,
      best,
      count,
    };
  });
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const ranked = rankEntries(entries, metric.higherIsBetter).map((entry): PrivateResult => {
    const { best, count } = byId.get(entry.id)!;
    return {
      rank: entry.rank,
      team: entry.id,
      score: entry.score,
      lower: entry.lower,
      upper: entry.upper,
      submissionId: best.id,
      digest: best.digest,
      receivedAt: best.received_at,
      submissions: count,
    };
  });
  return {
    task: task.name,
    metric: metric.id,
    higherIsBetter: metric.higherIsBetter,
    bootstrap: { resamples, confidence: BOOTSTRAP_DEFAULTS.confidence, seed },
    items: truth.private.ids.length,
    entries: ranked,
  };
}
