import type { Resampler } from '../resampler.ts';

/** What the truth and a prediction are for each input kind of metric. */
export interface MetricInputs {
  /** A class label; the prediction must be one of the benchmark's labels. */
  label: { truth: string; prediction: string };
  /** A binary outcome (1 = positive) and a real-valued score, higher meaning more likely positive. */
  score: { truth: 0 | 1; prediction: number };
  /** A real target and a real prediction. */
  number: { truth: number; prediction: number };
  /** A reference string and a predicted string. */
  text: { truth: string; prediction: string };
  /** A reference answer and n sampled answers for one problem (pass@k). */
  samples: { truth: string; prediction: readonly string[] };
}

/** The kind of predictions a metric reads. */
export type InputKind = keyof MetricInputs;

/** Every input kind, in documentation order. */
export const INPUT_KINDS = [
  'label',
  'score',
  'number',
  'text',
  'samples',
] as const satisfies readonly InputKind[];

/** The ground truth of one item for inputs of kind K. */
export type Truth<K extends InputKind> = MetricInputs[K]['truth'];
/** The prediction for one item for inputs of kind K. */
export type Prediction<K extends InputKind> = MetricInputs[K]['prediction'];

/**
 * A benchmark metric: a plain object that documents itself (docs/metrics.md is generated from it), pure over its inputs (truth and predictions aligned by index).
 * Every metric also gives per-item losses whose mean `m` maps back to the metric by `fromMeanLoss(m)`
 * (exactly, not approximately); the Ladder compares those losses and the bootstrap resamples the metric.
 */
export interface Metric<K extends InputKind = InputKind> {
  /** Stable id, as benchmarks name it, e.g. `accuracy`, `pass@10`; the file name (`pass-at-k` for pass@k). */
  readonly id: string;
  /** Human name for leaderboards. */
  readonly title: string;
  /** One sentence: what it measures, and what it matches (e.g. scikit-learn's function). */
  readonly summary: string;
  readonly docs: {
    /** How the metric is computed, edge cases included, for docs/metrics.md. */
    readonly definition: string;
    /** The per-item loss the Ladder and the bootstrap use, and how its mean maps back to the metric. */
    readonly itemLoss: string;
  };
  readonly higherIsBetter: boolean;
  readonly input: K;
  /** The metric over all items. Throws ApertureError `ERR_METRIC_INPUT` when it is undefined. */
  score(truth: readonly Truth<K>[], predictions: readonly Prediction<K>[]): number;
  /** Per-item losses (lower is better) with `fromMeanLoss(mean(losses)) === score(...)`. */
  itemLosses(truth: readonly Truth<K>[], predictions: readonly Prediction<K>[]): Float64Array;
  /** The metric value for a mean per-item loss. */
  fromMeanLoss(meanLoss: number): number;
  /** How the bootstrap recomputes this metric on a resample. */
  resampler(truth: readonly Truth<K>[], predictions: readonly Prediction<K>[]): Resampler;
}

/** A metric of any input kind (narrow on `input` to call it). */
export type AnyMetric = { [K in InputKind]: Metric<K> }[InputKind];
