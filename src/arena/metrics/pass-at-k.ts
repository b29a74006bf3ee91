import { ApertureError } from '../../errors.ts';
import { meanResampler } from '../resampler.ts';
import { checkAligned, meanOf } from './check-inputs.ts';
import { normaliseAnswer } from './exact-match.ts';
import type { Metric } from './metric.ts';

/**
 * The unbiased pass@k estimate for one problem with `n` samples of which `c` are correct (Chen et al. 2021,
 * "Evaluating Large Language Models Trained on Code", eq. 1): 1 − C(n−c, k) / C(n, k), computed as the
 * paper's numpy snippet does, 1 − ∏_{i=n−c+1..n} (1 − k/i), which never forms a large binomial coefficient.
 *
 * @example
 * passAtKEstimate(10, 3, 1); // 0.3
 */
export function passAtKEstimate(n: number, c: number, k: number): number {
  if (
    !(Number.isInteger(n) && Number.isInteger(c) && Number.isInteger(k)) ||
    k < 1 ||
    c < 0 ||
    c > n ||
    n < k
  )
    throw new ApertureError(
      'ERR_METRIC_INPUT',
      `pass@${k}: needs integers 0 ≤ c ≤ n and n ≥ k ≥ 1 (n=${n}, c=${c})`,
    );
  if (n - c < k) return 1;
  let product = 1;
  for (let i = n - c + 1; i <= n; i++) product *= 1 - k / i;
  return 1 - product;
}

function passAtKLosses(k: number) {
  return (truth: readonly string[], predictions: readonly (readonly string[])[]): Float64Array => {
    checkAligned(`pass@${k}`, truth, predictions);
    const losses = new Float64Array(truth.length);
    for (let i = 0; i < truth.length; i++) {
      const samples = predictions[i]!;
      if (samples.length < k)
        throw new ApertureError(
          'ERR_METRIC_INPUT',
          `pass@${k}: item ${i} has ${samples.length} samples; at least ${k} are needed`,
        );
      const reference = normaliseAnswer(truth[i]!);
      let correct = 0;
      for (const sample of samples) if (normaliseAnswer(sample) === reference) correct++;
      losses[i] = 1 - passAtKEstimate(samples.length, correct, k);
    }
    return losses;
  };
}

/**
 * pass@k for problems with n ≥ k sampled answers each: a sample is correct when it equals the reference after
 * {@link normaliseAnswer} (no code is run here), and the unbiased estimator {@link passAtKEstimate} is
 * averaged over problems. Per-item loss: 1 − the problem's estimate.
 *
 * @example
 * passAtK(1).score(['4'], [['4', '5']]); // 0.5
 */
export function passAtK(k: number): Metric<'samples'> {
  if (!Number.isInteger(k) || k < 1)
    throw new ApertureError('ERR_METRIC_INPUT', `pass@k needs an integer k ≥ 1, got ${k}`);
  const losses = passAtKLosses(k);
  return {
    id: `pass@${k}`,
    title: `pass@${k}`,
    summary: `Unbiased estimate of the chance that at least one of ${k} samples is correct (Chen et al. 2021), averaged over problems; a sample is correct when it equals the reference after trimming.`,
    docs: {
      definition: `For problems with n ≥ ${k} sampled answers each: a sample is correct when it equals the reference after trimming leading and trailing white space (no code is run), and the unbiased estimator of Chen et al. 2021 ("Evaluating Large Language Models Trained on Code", eq. 1), 1 − C(n−c, ${k}) / C(n, ${k}) for c correct samples, is averaged over the problems. A problem with fewer than ${k} samples is refused. Benchmarks may name pass@<k> for any k from 1 to 999999.`,
      itemLoss: "1 − the problem's estimate; pass@k is 1 − the mean loss.",
    },
    higherIsBetter: true,
    input: 'samples',
    score: (truth, predictions) => 1 - meanOf(losses(truth, predictions)),
    itemLosses: losses,
    fromMeanLoss: (meanLoss) => 1 - meanLoss,
    resampler: (truth, predictions) => meanResampler(losses(truth, predictions), (mean) => 1 - mean),
  };
}
