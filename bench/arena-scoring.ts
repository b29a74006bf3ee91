import {
  type AnyMetric,
  accuracy,
  aucRoc,
  BOOTSTRAP_DEFAULTS,
  bootstrapInterval,
  type ConfidenceInterval,
  createRandom,
  macroF1,
  rankEntries,
  resamplesFor,
  rmse,
} from '../src/arena/index.ts';
import { type BenchResult, judge } from './support/bench-result.ts';
import { currentLoad } from './support/machine.ts';
import { fixed, median, pairedRatio, spread } from './support/stats.ts';

/** Options of the arena scoring benchmark. */
export interface ArenaScoringOptions {
  /** Interleaved runs of each side after one warm-up round; the median counts. At least 3. */
  runs?: number;
  /** Predictions scored (default 1,000,000). */
  rows?: number;
  log?: (line: string) => void;
}

const NAME = 'arena';
/** Issue 5's budget for scoring 1,000,000 predictions with 1,000 bootstrap resamples. */
const BUDGET_MS = 3000;
const WARM_UP_ROUNDS = 1;
const LABELS = ['anger', 'fear', 'joy', 'love', 'sadness', 'surprise'] as const;
/** The benchmark and round names the bootstrap seed would come from; any fixed seed times the same. */
const SEED = 20_250_601;

/** This benchmark makes no files: the data is generated in memory in about a second. */
export const ARENA_SUBDIRS: readonly string[] = [];

interface Dataset {
  labels: { truth: string[]; predictions: string[] };
  scores: { truth: (0 | 1)[]; predictions: number[] };
  numbers: { truth: number[]; predictions: number[] };
}

/**
 * Deterministic data: six labels with skewed frequencies and about 78% right answers (a confusion matrix
 * with every cell used), binary outcomes with noisy real scores (few ties), and real targets with Gaussian-ish
 * errors (every squared error distinct, so RMSE's resample is the O(n) kind, its slow case).
 */
function generate(n: number): Dataset {
  const random = createRandom(SEED);
  const labelTruth = new Array<string>(n);
  const labelPredictions = new Array<string>(n);
  const scoreTruth = new Array<0 | 1>(n);
  const scorePredictions = new Array<number>(n);
  const numberTruth = new Array<number>(n);
  const numberPredictions = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    // Squaring a uniform index skews the class frequencies (the first labels are common, the last rare).
    const t = Math.floor(random.nextOpenUnit() ** 2 * LABELS.length);
    labelTruth[i] = LABELS[t]!;
    labelPredictions[i] =
      random.nextOpenUnit() < 0.78 ? LABELS[t]! : LABELS[random.nextIndex(LABELS.length)]!;
    const positive = random.nextOpenUnit() < 0.4 ? 1 : 0;
    scoreTruth[i] = positive;
    scorePredictions[i] = positive * 0.8 + random.nextOpenUnit() + random.nextOpenUnit();
    const target = random.nextOpenUnit() * 100;
    numberTruth[i] = target;
    numberPredictions[i] =
      target + (random.nextOpenUnit() + random.nextOpenUnit() + random.nextOpenUnit() - 1.5) * 4;
  }
  return {
    labels: { truth: labelTruth, predictions: labelPredictions },
    scores: { truth: scoreTruth, predictions: scorePredictions },
    numbers: { truth: numberTruth, predictions: numberPredictions },
  };
}

/** The metric's own entry points, called the way the arena service calls them. */
interface Untyped {
  score(truth: readonly unknown[], predictions: readonly unknown[]): number;
  itemLosses(truth: readonly unknown[], predictions: readonly unknown[]): Float64Array;
  resampler(
    truth: readonly unknown[],
    predictions: readonly unknown[],
  ): Parameters<typeof bootstrapInterval>[0];
}

interface Scored {
  score: number;
  interval: ConfidenceInterval;
  rank: number;
}

/**
 * What the service does with one team's predictions between submission and round close: per-item losses
 * (submitPredictions, for the Ladder), the score, the resampler and the seeded bootstrap interval with the
 * resample count closeRound uses at this size, and the LMArena rank (closeRound).
 */
function fullScoring(metric: AnyMetric, truth: readonly unknown[], predictions: readonly unknown[]): Scored {
  const untyped = metric as unknown as Untyped;
  const losses = untyped.itemLosses(truth, predictions);
  if (losses.length !== predictions.length) throw new Error('itemLosses returned the wrong length');
  const score = untyped.score(truth, predictions);
  const resampler = untyped.resampler(truth, predictions);
  const interval = bootstrapInterval(resampler, {
    resamples: resamplesFor(resampler, predictions.length),
    seed: SEED,
  });
  const [ranked] = rankEntries(
    [{ id: 'team', score, lower: interval.lower, upper: interval.upper }],
    metric.higherIsBetter,
  );
  return { score, interval, rank: ranked!.rank };
}

/** The baseline: the metric computed once over all items, as a plain scorer would. */
function singlePass(metric: AnyMetric, truth: readonly unknown[], predictions: readonly unknown[]): number {
  return (metric as unknown as Untyped).score(truth, predictions);
}

function timeSync<T>(run: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = run();
  return { ms: performance.now() - start, value };
}

interface Measured {
  single: number[];
  full: number[];
  resamples: number;
  scored: Scored;
}

/** Interleaved rounds of single-pass vs full scoring (the side that goes first alternates). */
function measure(
  metric: AnyMetric,
  truth: readonly unknown[],
  predictions: readonly unknown[],
  runs: number,
  loads: number[],
  warmUp = WARM_UP_ROUNDS,
): Measured {
  const single: number[] = [];
  const full: number[] = [];
  let scored: Scored | undefined;
  let baselineScore = Number.NaN;
  for (let round = 0; round < warmUp + runs; round++) {
    const counted = round >= warmUp;
    if (counted) loads.push(currentLoad());
    const sides = round % 2 === 0 ? (['single', 'full'] as const) : (['full', 'single'] as const);
    for (const side of sides) {
      if (side === 'single') {
        const { ms, value } = timeSync(() => singlePass(metric, truth, predictions));
        baselineScore = value;
        if (counted) single.push(ms);
      } else {
        const { ms, value } = timeSync(() => fullScoring(metric, truth, predictions));
        scored = value;
        if (counted) full.push(ms);
      }
    }
  }
  if (!scored || scored.score !== baselineScore)
    throw new Error(`${metric.id}: full scoring gave ${scored?.score}, the single pass ${baselineScore}`);
  if (!(scored.interval.lower <= scored.score && scored.score <= scored.interval.upper))
    throw new Error(`${metric.id}: the interval does not contain the score`);
  return { single, full, resamples: scored.interval.resamples, scored };
}

/**
 * Scoring 1,000,000 predictions the way the arena does at round close (per-item losses, score, bootstrap
 * interval with 1,000 resamples, rank) against the single-pass metric over the same predictions, for
 * accuracy (judged) and macro-F1 (judged); RMSE and AUC-ROC are timed for information with the resample
 * count the service uses at that size.
 *
 * @example
 * const result = await runArenaScoringBench({ runs: 5 });
 */
export async function runArenaScoringBench(options: ArenaScoringOptions = {}): Promise<BenchResult> {
  const log = options.log ?? console.log;
  const runs = Math.max(3, options.runs ?? 5);
  const n = options.rows ?? 1_000_000;
  const generated = timeSync(() => generate(n));
  log(`  generated ${n.toLocaleString('en')} items of each kind in ${fixed(generated.ms, 0)} ms`);
  const data = generated.value;
  const loads: number[] = [];

  const judged = [
    { metric: accuracy, truth: data.labels.truth, predictions: data.labels.predictions },
    { metric: macroF1, truth: data.labels.truth, predictions: data.labels.predictions },
  ] as const;
  const measured = judged.map(({ metric, truth, predictions }) => {
    log(`  ${metric.id}: ${runs} interleaved rounds (+${WARM_UP_ROUNDS} warm-up)`);
    return { metric, ...measure(metric, truth, predictions, runs, loads) };
  });
  // Information only, one round without warm-up: these resample O(n) per draw and take many seconds.
  const informational = [
    { metric: rmse as AnyMetric, truth: data.numbers.truth, predictions: data.numbers.predictions },
    { metric: aucRoc as AnyMetric, truth: data.scores.truth, predictions: data.scores.predictions },
  ].map(({ metric, truth, predictions }) => {
    log(`  ${metric.id} (information): 1 round`);
    return { metric, ...measure(metric, truth, predictions, 1, loads, 0) };
  });

  const [acc, f1] = measured;
  const accFull = median(acc!.full);
  const accSingle = median(acc!.single);
  const f1Full = median(f1!.full);
  const f1Single = median(f1!.single);
  // The headline is the slower judged metric (macro-F1); accuracy is judged beside it.
  const ratio = f1Full / f1Single;
  // The budget is absolute (issue 5); expressed as a ratio to this run's single pass so the figure stays a ratio.
  const target = BUDGET_MS / f1Single;
  const info: BenchResult['info'] = {
    items: n,
    'bootstrap resamples (accuracy, macro-F1)': `${acc!.resamples}, ${f1!.resamples} (seeded, ${BOOTSTRAP_DEFAULTS.confidence * 100}% percentile interval)`,
    'macro-F1: full scoring ms': fixed(f1Full, 1),
    'macro-F1: single pass ms': fixed(f1Single, 1),
    'macro-F1: full ÷ single (median of per-round ratios)': fixed(pairedRatio(f1!.full, f1!.single)),
    'macro-F1: score and interval': `${fixed(f1!.scored.score, 4)} [${fixed(f1!.scored.interval.lower, 4)}, ${fixed(f1!.scored.interval.upper, 4)}]`,
    'accuracy: full scoring ms': fixed(accFull, 1),
    'accuracy: single pass ms': fixed(accSingle, 1),
    'accuracy: full ÷ single': fixed(accFull / accSingle),
    'accuracy: score and interval': `${fixed(acc!.scored.score, 4)} [${fixed(acc!.scored.interval.lower, 4)}, ${fixed(acc!.scored.interval.upper, 4)}]`,
    'spread full / single (macro-F1; accuracy)': `${fixed(spread(f1!.full))} / ${fixed(spread(f1!.single))}; ${fixed(spread(acc!.full))} / ${fixed(spread(acc!.single))}`,
  };
  for (const item of informational) {
    const full = median(item.full);
    const single = median(item.single);
    info[`${item.metric.id} (information, 1 run): full scoring ms`] =
      `${fixed(full, 0)} with ${item.resamples} resamples (resamplesFor at ${n.toLocaleString('en')} items)`;
    info[`${item.metric.id} (information, 1 run): single pass ms`] = fixed(single, 1);
    info[`${item.metric.id} (information, 1 run): full ÷ single`] = fixed(full / single, 1);
  }
  info['load during runs'] = loads.map((load) => fixed(load)).join(' ');
  return {
    name: NAME,
    title: `arena scoring of ${n.toLocaleString('en')} predictions with ${f1!.resamples} bootstrap resamples`,
    baseline: {
      name: 'macroF1.score, one pass',
      runsMs: f1!.single,
      medianMs: f1Single,
    },
    ours: {
      name: 'losses + score + bootstrapInterval + rankEntries (macro-F1)',
      runsMs: f1!.full,
      medianMs: f1Full,
    },
    ratioLabel: 'macro-F1 full scoring time ÷ single-pass time',
    ratio,
    comparison: '<',
    target,
    pass: judge(ratio, '<', target),
    extraTargets: [
      {
        label: 'macro-F1, full scoring with 1,000 resamples',
        value: f1Full,
        unit: 'ms',
        comparison: '<',
        target: BUDGET_MS,
        pass: f1Full < BUDGET_MS,
      },
      {
        label: 'accuracy, full scoring with 1,000 resamples',
        value: accFull,
        unit: 'ms',
        comparison: '<',
        target: BUDGET_MS,
        pass: accFull < BUDGET_MS,
      },
    ],
    info,
    notes: [
      `the target is absolute: < ${BUDGET_MS / 1000} s for macro-F1 and for accuracy on this machine (issue 5); the ratio target ${fixed(target)}× is that budget divided by this run's macro-F1 single pass`,
      'RMSE and AUC-ROC resample O(n) per draw, so at 1,000,000 items the service uses fewer resamples (resamplesFor: BOOTSTRAP_DRAW_BUDGET ÷ n, at least 200); their times are information, not judged',
    ],
  };
}
