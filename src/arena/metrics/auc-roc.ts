import { ApertureError } from '../../errors.ts';
import type { Resampler } from '../resampler.ts';
import { checkAligned } from './check-inputs.ts';
import type { Metric } from './metric.ts';

/** Scores split by class and sorted ascending; −0 is folded into 0 so ties are ties. */
interface SortedScores {
  positives: Float64Array;
  negatives: Float64Array;
}

function sortScores(truth: readonly (0 | 1)[], predictions: readonly number[]): SortedScores {
  checkAligned('auc-roc', truth, predictions);
  let p = 0;
  for (let i = 0; i < truth.length; i++) {
    if (truth[i] !== 0 && truth[i] !== 1)
      throw new ApertureError('ERR_METRIC_INPUT', `auc-roc: truth of item ${i} is not 0 or 1`);
    if (!Number.isFinite(predictions[i]))
      throw new ApertureError('ERR_METRIC_INPUT', `auc-roc: score of item ${i} is not a finite number`);
    if (truth[i] === 1) p++;
  }
  if (p === 0 || p === truth.length)
    throw new ApertureError(
      'ERR_METRIC_INPUT',
      'auc-roc: undefined when only one class is present in the truth',
    );
  const positives = new Float64Array(p);
  const negatives = new Float64Array(truth.length - p);
  let ip = 0;
  let ineg = 0;
  for (let i = 0; i < truth.length; i++) {
    if (truth[i] === 1) positives[ip++] = predictions[i]! + 0;
    else negatives[ineg++] = predictions[i]! + 0;
  }
  return { positives: positives.sort(), negatives: negatives.sort() };
}

/** Index of the first element ≥ value (or > value when `strict`) in ascending `sorted`. */
function bound(sorted: Float64Array, value: number, strict: boolean): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! < value || (strict && sorted[mid] === value)) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Tie groups in ascending score order: group g holds positives [posEnd[g−1], posEnd[g]) and negatives
 * [negEnd[g−1], negEnd[g]) of the sorted arrays.
 */
function tieGroups({ positives, negatives }: SortedScores): { posEnd: Uint32Array; negEnd: Uint32Array } {
  const posEnd: number[] = [];
  const negEnd: number[] = [];
  let i = 0;
  let j = 0;
  while (i < positives.length || j < negatives.length) {
    const value = Math.min(
      positives[i] ?? Number.POSITIVE_INFINITY,
      negatives[j] ?? Number.POSITIVE_INFINITY,
    );
    while (i < positives.length && positives[i] === value) i++;
    while (j < negatives.length && negatives[j] === value) j++;
    posEnd.push(i);
    negEnd.push(j);
  }
  return { posEnd: Uint32Array.from(posEnd), negEnd: Uint32Array.from(negEnd) };
}

/** AUC with positive item k weighted `posWeight(k)` and negative item k `negWeight(k)`; NaN if a class weighs 0. */
function weightedAuc(
  groups: { posEnd: Uint32Array; negEnd: Uint32Array },
  weights: Uint32Array,
  negativeOffset: number,
): number {
  let numerator = 0;
  let negativesBelow = 0;
  let positivesTotal = 0;
  let p = 0;
  let q = 0;
  for (let g = 0; g < groups.posEnd.length; g++) {
    let wp = 0;
    let wn = 0;
    for (const end = groups.posEnd[g]!; p < end; p++) wp += weights[p]!;
    for (const end = groups.negEnd[g]!; q < end; q++) wn += weights[negativeOffset + q]!;
    // Mann–Whitney with ties counted one half: the average-rank rule of scikit-learn's roc_auc_score.
    numerator += wp * (negativesBelow + 0.5 * wn);
    negativesBelow += wn;
    positivesTotal += wp;
  }
  if (positivesTotal === 0 || negativesBelow === 0) return Number.NaN;
  return numerator / (positivesTotal * negativesBelow);
}

function aucLosses(truth: readonly (0 | 1)[], predictions: readonly number[]): Float64Array {
  const sorted = sortScores(truth, predictions);
  const pCount = sorted.positives.length;
  const nCount = sorted.negatives.length;
  const n = truth.length;
  const losses = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const score = predictions[i]! + 0;
    let discordant: number;
    if (truth[i] === 1) {
      const below = bound(sorted.negatives, score, false);
      const atOrBelow = bound(sorted.negatives, score, true);
      discordant = nCount - atOrBelow + 0.5 * (atOrBelow - below);
    } else {
      const below = bound(sorted.positives, score, false);
      const atOrBelow = bound(sorted.positives, score, true);
      discordant = below + 0.5 * (atOrBelow - below);
    }
    losses[i] = (n * discordant) / (2 * pCount * nCount);
  }
  return losses;
}

/**
 * Area under the ROC curve for a binary truth (1 = positive) and real scores, as scikit-learn's
 * `roc_auc_score`: the probability that a random positive scores above a random negative, ties counting
 * one half (the Mann–Whitney statistic with average ranks). Undefined (`ERR_METRIC_INPUT`) when only one
 * class is present.
 * Per-item loss: each misordered positive–negative pair is split half to each item, scaled so the mean loss
 * is exactly 1 − AUC (the DeLong placement values).
 * The bootstrap recomputes the weighted AUC on each resample from one sort done up front: O(n) per resample;
 * a resample with one class only is undefined and left out (counted in `undefinedResamples`).
 *
 * @example
 * aucRoc.score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]); // 0.75
 */
export const aucRoc: Metric<'score'> = {
  id: 'auc-roc',
  title: 'AUC-ROC',
  summary:
    "Area under the ROC curve for binary labels and real scores, ties counted one half; matches scikit-learn's roc_auc_score.",
  docs: {
    definition:
      "Area under the ROC curve for a binary truth (1 = positive) and real-valued scores (higher = more likely positive), as scikit-learn's `roc_auc_score`: the probability that a random positive scores above a random negative, ties counting one half (the Mann–Whitney statistic with average ranks). Undefined, and refused, when the truth holds only one class.",
    itemLoss:
      'Each misordered positive–negative pair is split half to each of its two items, scaled so that the mean loss is exactly 1 − AUC (the DeLong placement values). A bootstrap resample with one class only is undefined and left out.',
  },
  higherIsBetter: true,
  input: 'score',
  score: (truth, predictions) => {
    const sorted = sortScores(truth, predictions);
    const weights = new Uint32Array(truth.length).fill(1);
    return weightedAuc(tieGroups(sorted), weights, sorted.positives.length);
  },
  itemLosses: aucLosses,
  fromMeanLoss: (meanLoss) => 1 - meanLoss,
  resampler: (truth, predictions): Resampler => {
    const sorted = sortScores(truth, predictions);
    const groups = tieGroups(sorted);
    // Items are resampled in sorted order (positives, then negatives): uniform resampling is order-blind.
    return {
      kind: 'weighted',
      n: truth.length,
      statistic: (weights) => weightedAuc(groups, weights, sorted.positives.length),
    };
  },
};
