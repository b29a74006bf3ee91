/*
 * The Ladder mechanism for leaderboards: A. Blum and M. Hardt, "The Ladder: A Reliable Leaderboard for
 * Machine Learning Competitions", ICML 2015 (arXiv:1502.04585). Algorithm 1 (Ladder) releases a new score
 * only when a submission beats the best so far by more than a step η, rounded to a multiple of η;
 * Algorithm 2 (parameter-free Ladder) replaces η by one standard error of the paired loss difference
 * against the best submission so far and rounds to a multiple of 1/n. Both bound how much a team can learn
 * about the holdout by adaptive submissions. All quantities here are losses (lower is better); a metric's
 * `fromMeanLoss` turns a released loss into the score shown.
 */

/** What the Ladder shows after a submission. */
export interface LadderStep {
  /** True when this submission became the team's new best (and a new loss was released). */
  improved: boolean;
  /** The loss shown on the public leaderboard after this submission. */
  releasedLoss: number;
}

/** Rounds `value` to the nearest integer multiple of `step` (the paper's [x]_η). */
export function roundToMultiple(value: number, step: number): number {
  return Math.round(value / step) * step;
}

function meanOf(values: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return sum / values.length;
}

/**
 * Blum & Hardt's Ladder (Algorithm 1) with a fixed step η: the new submission's empirical loss is released,
 * rounded to the nearest multiple of η, only if it is below the previously released loss by more than η;
 * otherwise the previous release stands. The team's first submission compares against +∞.
 *
 * @example
 * fixedStepLadder({ previousReleased: 0.2, newLosses, step: 0.01 }); // { improved: true, releasedLoss: 0.17 } when mean(newLosses) = 0.1712
 */
export function fixedStepLadder(input: {
  /** The team's released loss so far, `Infinity` (or undefined) before its first submission. */
  previousReleased: number | undefined;
  newLosses: Float64Array;
  step: number;
}): LadderStep {
  if (!(input.step > 0)) throw new RangeError('the Ladder step must be positive');
  const previous = input.previousReleased ?? Number.POSITIVE_INFINITY;
  const loss = meanOf(input.newLosses);
  if (loss < previous - input.step)
    return { improved: true, releasedLoss: roundToMultiple(loss, input.step) };
  return { improved: false, releasedLoss: previous };
}

/**
 * Blum & Hardt's parameter-free Ladder (Algorithm 2): with s the sample standard deviation (n − 1
 * denominator) of the paired per-item differences newLosses − bestLosses, a submission becomes the new best
 * only if its empirical loss is below the previously released loss by more than s/√n; its loss is then
 * released rounded to the nearest multiple of 1/n. Before the first submission the best losses are all zero
 * and the released loss is +∞, as in the paper, so the first submission is always released. Checked against
 * the authors' own implementation (mrtzh/Ladder.jl), which decides the same way and does not round: for
 * 0-1 losses the two release identical values (ladder.test.ts).
 *
 * @example
 * parameterFreeLadder({ previousReleased: undefined, bestLosses: undefined, newLosses }); // improved: true
 */
export function parameterFreeLadder(input: {
  previousReleased: number | undefined;
  /** Per-item losses of the team's best submission so far (same items, same order), undefined before the first. */
  bestLosses: Float64Array | undefined;
  newLosses: Float64Array;
}): LadderStep {
  const { newLosses } = input;
  const n = newLosses.length;
  const best = input.bestLosses ?? new Float64Array(n);
  if (best.length !== n) throw new RangeError('the Ladder compares losses on the same items');
  const previous = input.previousReleased ?? Number.POSITIVE_INFINITY;
  const loss = meanOf(newLosses);
  let meanDifference = 0;
  for (let i = 0; i < n; i++) meanDifference += newLosses[i]! - best[i]!;
  meanDifference /= n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (newLosses[i]! - best[i]! - meanDifference) ** 2;
  const standardError = n > 1 ? Math.sqrt(squares / (n - 1)) / Math.sqrt(n) : 0;
  // k/n, not k·(1/n): the release of a 0-1 loss is then exactly its mean, so a later tie with one standard
  // error is not turned into an improvement by the rounding error of k·(1/n).
  if (loss < previous - standardError) return { improved: true, releasedLoss: Math.round(loss * n) / n };
  return { improved: false, releasedLoss: previous };
}
