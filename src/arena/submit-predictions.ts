import { ApertureError } from '../errors.ts';
import type { RoundPhase, SubmissionOutcome } from '../spec/index.ts';
import { sha256HexInSlices, stringifyJsonInSlices } from '../util/index.ts';
import {
  type ArenaDb,
  type BenchmarkRecord,
  inTransaction,
  lockArena,
  requireBenchmark,
  requireRound,
  requireTask,
  roundTaskName,
  roundTruth,
  type TaskRecord,
} from './arena-records.ts';
import { closeTimeText } from './close-time-text.ts';
import { fixedStepLadder, parameterFreeLadder } from './ladder.ts';
import { insertEntry, readLastEntry } from './log-rows.ts';
import type { AnyMetric, Prediction, Truth } from './metrics/metric.ts';
import type { PredictionsFormat, PredictionsLimits } from './parse-predictions.ts';
import { readPredictions } from './read-predictions.ts';
import { roundPhase } from './round-phase.ts';
import { newSalt, submissionScoresDigest } from './score-commitments.ts';
import { authenticateToken } from './team-tokens.ts';
import { appendEntry } from './transparency-log.ts';

/** A submission as a team sends it. */
export type SubmitInput = SubmissionTarget & PredictionsFile;

/** Where a submission goes, with which token, in which format. */
export interface SubmissionTarget {
  benchmark: string;
  round: string;
  /** The task the predictions are for; the benchmark's primary task when omitted. */
  task?: string;
  /** The team token (`apt_…`); its scope must be submit or admin. */
  token: string | undefined;
  format: PredictionsFormat;
}

/**
 * The predictions file, for every public and private item of the round's task: its bytes, or its text when
 * it arrived decoded (the API's JSON body). Its digest is that of its UTF-8 bytes either way.
 */
export type PredictionsFile = { bytes: Uint8Array; text?: never } | { text: string; bytes?: never };

/** Start of the UTC day of `time`. */
function utcDayStart(time: string): string {
  return `${time.slice(0, 10)}T00:00:00.000Z`;
}

/** Per-item losses of predictions, through the metric's typed entry point. */
function lossesOf(
  metric: AnyMetric,
  truth: readonly unknown[],
  predictions: readonly unknown[],
): Float64Array {
  return (
    metric as { itemLosses(t: readonly Truth<never>[], p: readonly Prediction<never>[]): Float64Array }
  ).itemLosses(truth as never[], predictions as never[]);
}

function scoreOf(metric: AnyMetric, truth: readonly unknown[], predictions: readonly unknown[]): number {
  return (metric as { score(t: readonly Truth<never>[], p: readonly Prediction<never>[]): number }).score(
    truth as never[],
    predictions as never[],
  );
}

function meanOf(values: Float64Array): number {
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

/**
 * Refuses predictions whose scores are not finite numbers (a metric undefined on them, or one that
 * overflows), before the transaction, so such a submission is neither stored nor counted nor logged.
 */
function requireFiniteScores(metric: AnyMetric, scores: Record<string, number>): void {
  for (const [split, score] of Object.entries(scores))
    if (!Number.isFinite(score))
      throw new ApertureError(
        'ERR_METRIC_INPUT',
        `${metric.id} of these predictions on the ${split} is ${score}, not a finite number; nothing was stored`,
      );
}

/** What submissions.results holds (server-side only). */
interface StoredResults {
  public: { items: number; score: number; loss: number; losses?: number[] };
  private: { items: number; score: number };
}

/**
 * Refuses unless the round is taking predictions (frozen: after its freeze, before its close). A closed
 * round names when it really closed, which a forced close puts before its scheduled time.
 */
function requireTakingPredictions(
  round: { name: string; freezes_at: string; closes_at: string; closed_at: string | null },
  phase: RoundPhase,
): void {
  if (phase !== 'frozen')
    throw new ApertureError(
      'ERR_CONFLICT',
      phase === 'upcoming' || phase === 'open'
        ? `round ${round.name} takes predictions from its freeze at ${round.freezes_at}`
        : `round ${round.name} closed ${closeTimeText(round.closed_at ?? round.closes_at, round.closes_at)}; it takes no more predictions`,
    );
}

/**
 * Accepts a predictions file for one task from a team: authenticates the token, checks the round is taking
 * predictions (between its freeze and its close), validates the file against the public and private item
 * ids of the round's task, scores it with the task's metric, and then in ONE transaction checks the team's
 * daily cap (shared by all the benchmark's tasks), applies the benchmark's Ladder to the task's public split
 * (each team has its own Ladder per round and task), inserts the submission and appends it to the transparency log, so an accepted
 * submission and its log entry are never apart. Refusals are ApertureErrors: ERR_UNAUTHORIZED,
 * ERR_CONFLICT (round not taking predictions), ERR_INVALID_INPUT (the file), ERR_LIMIT_REACHED (daily cap).
 *
 * @example
 * const outcome = await submitPredictions(db, { benchmark: 'demo-sentiment', round: 'round-1', token, bytes, format: 'csv' });
 * outcome.publicScore; // what the public leaderboard now shows for the team
 */
export async function submitPredictions(
  db: ArenaDb,
  input: SubmitInput,
  options: {
    now?: Date;
    limits?: Partial<PredictionsLimits>;
    /** Test seam: runs after the checks and scoring, before the transaction starts (to race a close in). */
    beforeTransaction?: () => Promise<void>;
  } = {},
): Promise<SubmissionOutcome> {
  const team = await authenticateToken(db, input.token, 'submit');
  const benchmark = await requireBenchmark(db, input.benchmark);
  const task = requireTask(benchmark, input.task);
  const { metric } = task;
  const round = await requireRound(db, benchmark, input.round);
  // Checked early to refuse cheaply; checked again under the arena lock, where it counts.
  requireTakingPredictions(round, roundPhase(round, options.now ?? new Date()));
  const truth = await roundTruth(db, benchmark.row.id, round.id, task.name);
  if (truth.public.ids.length === 0 || truth.private.ids.length === 0)
    throw new ApertureError(
      'ERR_CONFLICT',
      `round ${round.name} has no public or no private items${task.primary ? '' : ` for task ${task.name}`} yet`,
    );
  const file = input.text ?? input.bytes;
  // In slices, yielding to the event loop: a maximum-size file must not stall the server.
  const parsed = await readPredictions(file, {
    format: input.format,
    kind: metric.input,
    expectedIds: [...truth.public.ids, ...truth.private.ids],
    labels: task.labels,
    limits: options.limits,
  });
  if (!parsed.ok) throw new ApertureError('ERR_INVALID_INPUT', parsed.summary);
  const split = truth.public.ids.length;
  const publicPredictions = parsed.predictions.slice(0, split);
  const privatePredictions = parsed.predictions.slice(split);
  const publicLosses = lossesOf(metric, truth.public.truth, publicPredictions);
  const publicScore = metric.fromMeanLoss(meanOf(publicLosses));
  const privateScore = scoreOf(metric, truth.private.truth, privatePredictions);
  // Nothing that is not a number may reach storage, a leaderboard or another team's page.
  requireFiniteScores(metric, { 'public split': publicScore, 'private split': privateScore });
  const digest = await sha256HexInSlices(file);
  const results: StoredResults = {
    public: { items: split, score: publicScore, loss: meanOf(publicLosses) },
    private: { items: truth.private.ids.length, score: privateScore },
  };
  // The parameter-free Ladder compares later submissions with this one's per-item losses: keep them, so
  // they are not recomputed from the predictions (JSON keeps finite doubles exactly; others are recomputed).
  if (benchmark.row.ladder_kind !== 'fixed' && publicLosses.every(Number.isFinite))
    results.public.losses = Array.from(publicLosses);
  // Serialised in slices before the transaction: a million predictions is tens of milliseconds of JSON.
  const storedResults = await stringifyJsonInSlices(results);
  const storedPredictions = await stringifyJsonInSlices(parsed.predictions);
  await options.beforeTransaction?.();

  return inTransaction(db, async (trx) => {
    await lockArena(trx);
    // A close may have committed since the check above; a submission it did not score must not be logged.
    const current = await requireRound(trx, benchmark, input.round);
    requireTakingPredictions(current, roundPhase(current, options.now ?? new Date()));
    const lastEntry = await readLastEntry(trx);
    const clock = (options.now ?? new Date()).toISOString();
    // The log's times never go backwards, even when a slower request committed first.
    const receivedAt = lastEntry && lastEntry.time > clock ? lastEntry.time : clock;

    const today = await trx
      .selectFrom('submissions')
      .innerJoin('rounds', 'rounds.id', 'submissions.round_id')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('submissions.team_id', '=', team.teamId)
      .where('rounds.benchmark_id', '=', benchmark.row.id)
      .where('submissions.received_at', '>=', utcDayStart(receivedAt))
      .where('submissions.unscored', 'is', null)
      .executeTakeFirstOrThrow();
    const submittedToday = Number(today.count);
    if (submittedToday >= benchmark.row.daily_cap)
      throw new ApertureError(
        'ERR_LIMIT_REACHED',
        `team ${team.team} has used its ${benchmark.row.daily_cap} submissions to ${benchmark.row.slug} for ${receivedAt.slice(0, 10)} (UTC); try again tomorrow`,
      );

    const step = await ladderStep(
      trx,
      benchmark,
      task,
      round.id,
      team.teamId,
      truth.public.truth,
      publicLosses,
    );
    const publicReleased = metric.fromMeanLoss(step.releasedLoss);
    const { id: submissionId } = await trx
      .insertInto('submissions')
      .values({
        team_id: team.teamId,
        round_id: round.id,
        digest,
        received_at: receivedAt,
        public_released: publicReleased,
        public_released_loss: step.releasedLoss,
        improved: step.improved ? 1 : 0,
        private_score: privateScore,
        results: storedResults,
        predictions: storedPredictions,
        task: task.name,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // The entry commits the team and public score in the clear, and the private score, the released loss,
    // the Ladder flag and the scored flag in a salted digest (the salt stays in the store).
    const salt = newSalt();
    const entry = appendEntry(lastEntry, {
      kind: 'submission',
      submission: digest,
      time: receivedAt,
      team: team.team,
      round: roundTaskName(benchmark.row.slug, round.name, task),
      public: publicReleased,
      scores: submissionScoresDigest(salt, {
        publicLoss: step.releasedLoss,
        improved: step.improved,
        private: privateScore,
        scored: true,
      }),
    });
    await insertEntry(trx, entry, { submissionId }, salt);
    return {
      submissionId,
      team: team.team,
      task: task.name,
      digest,
      receivedAt,
      publicScore: publicReleased,
      improved: step.improved,
      submissionsToday: submittedToday + 1,
      dailyCap: benchmark.row.daily_cap,
      log: { index: entry.index, hash: entry.hash },
    };
  });
}

/** The Ladder's step for a new submission, given the team's earlier submissions to the round's task. */
async function ladderStep(
  trx: ArenaDb,
  benchmark: BenchmarkRecord,
  task: TaskRecord,
  roundId: number,
  teamId: number,
  publicTruth: readonly unknown[],
  newLosses: Float64Array,
) {
  const best = await trx
    .selectFrom('submissions')
    .select(['id', 'public_released_loss', 'results'])
    .where('team_id', '=', teamId)
    .where('round_id', '=', roundId)
    .where('task', '=', task.name)
    .where('improved', '=', 1)
    .where('unscored', 'is', null)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (benchmark.row.ladder_kind === 'fixed')
    return fixedStepLadder({
      previousReleased: best?.public_released_loss,
      newLosses,
      step: benchmark.row.ladder_step!,
    });
  const bestLosses = best ? await bestPublicLosses(trx, task, best, publicTruth) : undefined;
  return parameterFreeLadder({ previousReleased: best?.public_released_loss, bestLosses, newLosses });
}

/** The per-item public losses of a team's best submission: stored with it, or recomputed from its predictions. */
async function bestPublicLosses(
  trx: ArenaDb,
  task: TaskRecord,
  best: { id: number; results: string },
  publicTruth: readonly unknown[],
): Promise<Float64Array> {
  const stored = (JSON.parse(best.results) as Partial<StoredResults>).public?.losses;
  if (stored && stored.length === publicTruth.length) return Float64Array.from(stored);
  // Submissions stored before the losses were kept (or with non-finite losses).
  const { predictions } = await trx
    .selectFrom('submissions')
    .select('predictions')
    .where('id', '=', best.id)
    .executeTakeFirstOrThrow();
  return lossesOf(
    task.metric,
    publicTruth,
    (JSON.parse(predictions) as unknown[]).slice(0, publicTruth.length),
  );
}
