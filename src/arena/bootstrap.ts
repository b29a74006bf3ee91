import type { Resampler } from './resampler.ts';
import { sampleMultinomial } from './sample-binomial.ts';
import { createRandom, type SeededRandom } from './seeded-random.ts';

/** Options of {@link bootstrapInterval}. */
export interface BootstrapOptions {
  /** Number of resamples; default 1000. */
  resamples?: number;
  /** Two-sided coverage of the interval; default 0.95. */
  confidence?: number;
  /** Seed of the generator; default 0. The same seed gives the same interval. */
  seed?: number;
}

/** A percentile bootstrap interval around a metric value. */
export interface ConfidenceInterval {
  lower: number;
  upper: number;
  confidence: number;
  resamples: number;
  seed: number;
  /** Resamples on which the metric was undefined (AUC-ROC with one class), left out of the percentiles. */
  undefinedResamples: number;
}

/** Defaults of the bootstrap, shown on leaderboards beside the intervals. */
export const BOOTSTRAP_DEFAULTS = { resamples: 1000, confidence: 0.95, seed: 0 } as const;

/**
 * The percentile bootstrap confidence interval (Efron) of a metric: the metric is recomputed on `resamples`
 * resamples of the n items drawn with replacement, and the interval is the (1 − c)/2 and (1 + c)/2
 * quantiles of those values, with numpy's default linear interpolation between order statistics.
 * Deterministic for a seed. See {@link Resampler} for how each metric keeps a resample cheap.
 *
 * @example
 * const interval = bootstrapInterval(accuracy.resampler(truth, predictions), { seed: 7 });
 * // { lower: 0.81, upper: 0.86, confidence: 0.95, resamples: 1000, seed: 7, undefinedResamples: 0 }
 */
export function bootstrapInterval(resampler: Resampler, options: BootstrapOptions = {}): ConfidenceInterval {
  const resamples = options.resamples ?? BOOTSTRAP_DEFAULTS.resamples;
  const confidence = options.confidence ?? BOOTSTRAP_DEFAULTS.confidence;
  const seed = options.seed ?? BOOTSTRAP_DEFAULTS.seed;
  if (!Number.isInteger(resamples) || resamples < 1)
    throw new RangeError('resamples must be a positive integer');
  if (!(confidence > 0 && confidence < 1)) throw new RangeError('confidence must be between 0 and 1');
  const values = resampleMetric(resampler, resamples, seed);
  const defined = values.filter((value) => !Number.isNaN(value)).sort();
  const undefinedResamples = values.length - defined.length;
  if (defined.length === 0)
    return { lower: Number.NaN, upper: Number.NaN, confidence, resamples, seed, undefinedResamples };
  return {
    lower: quantile(defined, (1 - confidence) / 2),
    upper: quantile(defined, (1 + confidence) / 2),
    confidence,
    resamples,
    seed,
    undefinedResamples,
  };
}

/** The metric on each of `resamples` bootstrap resamples (NaN where undefined), in draw order. */
export function resampleMetric(resampler: Resampler, resamples: number, seed: number): Float64Array {
  const random = createRandom(seed);
  const out = new Float64Array(resamples);
  if (resampler.kind === 'categorical') {
    let n = 0;
    for (const count of resampler.counts) n += count;
    const drawn = new Float64Array(resampler.counts.length);
    for (let r = 0; r < resamples; r++) {
      sampleMultinomial(n, resampler.counts, drawn, random);
      out[r] = resampler.statistic(drawn);
    }
  } else if (resampler.kind === 'mean') {
    const { values, transform } = resampler;
    const n = values.length;
    const blocks = new BlockedDraws(n);
    for (let r = 0; r < resamples; r++) {
      out[r] = transform(blocks.sumOfDraws(values, random) / n);
    }
  } else {
    const { n, statistic } = resampler;
    const weights = new Uint32Array(n);
    const blocks = new BlockedDraws(n);
    for (let r = 0; r < resamples; r++) {
      weights.fill(0);
      blocks.countDraws(weights, random);
      out[r] = statistic(weights);
    }
  }
  return out;
}

/** log2 of the items per block of {@link BlockedDraws}. */
const BLOCK_BITS = 12;
/** Items per block: 4,096 doubles (32 KiB) stay in the CPU cache while drawn from. */
const BLOCK_ITEMS = 1 << BLOCK_BITS;
/** A 32-bit draw shifted right by this keeps its top BLOCK_BITS bits. */
const BLOCK_SHIFT = 32 - BLOCK_BITS;

/**
 * n draws with replacement from n items, made cache-friendly: how many draws fall in each block of
 * BLOCK_ITEMS consecutive items is one multinomial draw (block sizes as weights), then each block's draws
 * are uniform within it. The joint distribution is the same as n independent uniform indices (a
 * multinomial split by blocks is multinomial), but the draws touch memory block by block instead of
 * at random, which is several times faster on a million items.
 */
class BlockedDraws {
  private readonly sizes: Float64Array;
  private readonly drawn: Float64Array;

  constructor(private readonly n: number) {
    const count = Math.ceil(n / BLOCK_ITEMS);
    this.sizes = Float64Array.from({ length: count }, (_, block) =>
      Math.min(BLOCK_ITEMS, n - block * BLOCK_ITEMS),
    );
    this.drawn = new Float64Array(count);
  }

  /** The sum of `values` at n indices drawn with replacement. */
  sumOfDraws(values: Float64Array, random: SeededRandom): number {
    sampleMultinomial(this.n, this.sizes, this.drawn, random);
    let sum = 0;
    for (let block = 0; block < this.sizes.length; block++) {
      const start = block * BLOCK_ITEMS;
      const size = this.sizes[block]!;
      // In a full block the top BLOCK_BITS bits of a uniform 32-bit draw are a uniform index, exactly.
      // (The loops are written out here and in countDraws: a callback per draw costs twice the time.)
      if (size === BLOCK_ITEMS)
        for (let k = this.drawn[block]!; k > 0; k--)
          sum += values[start + (random.nextUint32() >>> BLOCK_SHIFT)]!;
      else for (let k = this.drawn[block]!; k > 0; k--) sum += values[start + random.nextIndex(size)]!;
    }
    return sum;
  }

  /** Adds 1 to `weights` at each of n indices drawn with replacement. */
  countDraws(weights: Uint32Array, random: SeededRandom): void {
    sampleMultinomial(this.n, this.sizes, this.drawn, random);
    for (let block = 0; block < this.sizes.length; block++) {
      const start = block * BLOCK_ITEMS;
      const size = this.sizes[block]!;
      if (size === BLOCK_ITEMS)
        for (let k = this.drawn[block]!; k > 0; k--)
          weights[start + (random.nextUint32() >>> BLOCK_SHIFT)]!++;
      else for (let k = this.drawn[block]!; k > 0; k--) weights[start + random.nextIndex(size)]!++;
    }
  }
}

/** numpy's default ("linear", Hyndman & Fan type 7) quantile of ascending `sorted`. */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  const low = sorted[below]!;
  return low + (sorted[above]! - low) * (position - below);
}
