/**
 * How a metric is recomputed on a bootstrap resample (n items drawn with replacement). Three shapes, from
 * fastest to most general, so the bootstrap never does more work than the metric needs:
 * - `categorical`: the metric depends only on how many items fall in each of a few categories (right/wrong,
 *   a confusion-matrix cell, a pass@k value). A resample is one multinomial draw: O(categories), not O(n).
 * - `mean`: the metric is `transform(mean of per-item values)` with many distinct values (RMSE). A resample
 *   draws n indices and sums: O(n).
 * - `weighted`: anything else (AUC-ROC). A resample draws n indices into multiplicity counts and the metric
 *   is recomputed from them: O(n) plus the metric's own pass.
 */
export type Resampler =
  | {
      kind: 'categorical';
      /** Items per category in the observed data (sums to n). */
      counts: Float64Array;
      /** The metric from resampled category counts (same length as `counts`). */
      statistic: (counts: Float64Array) => number;
    }
  | {
      kind: 'mean';
      values: Float64Array;
      /** The metric from the mean of the resampled values (identity for a plain mean). */
      transform: (mean: number) => number;
    }
  | {
      kind: 'weighted';
      n: number;
      /** The metric with item i counted `weights[i]` times; NaN when undefined on this resample. */
      statistic: (weights: Uint32Array) => number;
    };

/**
 * A resampler for `transform(mean(values))`: categorical when the values take few distinct values (so a
 * resample costs O(distinct) instead of O(n)), otherwise index resampling.
 */
export function meanResampler(values: Float64Array, transform: (mean: number) => number): Resampler {
  const n = values.length;
  const tally = new Map<number, number>();
  const limit = Math.max(2, Math.floor(n / 64));
  for (let i = 0; i < n; i++) {
    const value = values[i]!;
    tally.set(value, (tally.get(value) ?? 0) + 1);
    if (tally.size > limit) return { kind: 'mean', values, transform };
  }
  const distinct = Float64Array.from(tally.keys());
  const counts = Float64Array.from(tally.values());
  return {
    kind: 'categorical',
    counts,
    statistic: (resampled) => {
      let sum = 0;
      for (let i = 0; i < distinct.length; i++) sum += distinct[i]! * resampled[i]!;
      return transform(sum / n);
    },
  };
}
