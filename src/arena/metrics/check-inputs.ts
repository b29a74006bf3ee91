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
