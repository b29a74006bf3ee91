import { ApertureError } from '../../errors.ts';

/** Throws `ERR_METRIC_INPUT` unless truth and predictions are non-empty and of equal length. */
export function checkAligned(
  metric: string,
  truth: ArrayLike<unknown>,
  predictions: ArrayLike<unknown>,
): void {
  if (truth.length !== predictions.length)
    throw new ApertureError(
      'ERR_METRIC_INPUT',
      `${metric}: ${truth.length} truth values but ${predictions.length} predictions (align them by id first)`,
    );
  if (truth.length === 0) throw new ApertureError('ERR_METRIC_INPUT', `${metric}: no items to score`);
}

/** The mean of `values`. */
export function meanOf(values: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return sum / values.length;
}

/**
 * The largest magnitude a truth value or a prediction of a `number` metric may have. Within ±1e150 a
 * squared error is below 4e300, and the sum of ten million of them (the scale of the largest rounds) stays
 * below the largest double (1.8e308), so RMSE and its per-item losses are always finite numbers. No real
 * regression target comes near this bound; a value beyond it is refused when it is read, with its line.
 */
export const NUMBER_MAGNITUDE_LIMIT = 1e150;

/**
 * Why a value cannot be a truth or a prediction of a `number` metric, or null when it can.
 *
 * @example
 * numberDomainProblem(1e308) // 'is out of range: numbers must lie within ±1e150'
 */
export function numberDomainProblem(value: number): string | null {
  if (!Number.isFinite(value)) return 'is not a finite number';
  if (Math.abs(value) > NUMBER_MAGNITUDE_LIMIT)
    return `is out of range: numbers must lie within ±${NUMBER_MAGNITUDE_LIMIT.toExponential()}`;
  return null;
}
