import { ApertureError } from '../../errors.ts';
import { meanResampler } from '../resampler.ts';
import { checkAligned, meanOf } from './check-inputs.ts';
import type { Metric } from './metric.ts';

function squaredErrors(truth: readonly number[], predictions: readonly number[]): Float64Array {
  checkAligned('rmse', truth, predictions);
  const losses = new Float64Array(truth.length);
  for (let i = 0; i < truth.length; i++) {
    const error = predictions[i]! - truth[i]!;
    if (!Number.isFinite(error))
      throw new ApertureError('ERR_METRIC_INPUT', `rmse: item ${i} is not a finite number`);
    const squared = error * error;
    // Values read through the number domain never get here; a direct caller may pass anything.
    if (!Number.isFinite(squared))
      throw new ApertureError(
        'ERR_METRIC_INPUT',
        `rmse: the squared error of item ${i} overflows (values must lie within ±1e150)`,
      );
    losses[i] = squared;
  }
  return losses;
}

/**
 * Root mean squared error: √(mean((prediction − truth)²)), scikit-learn's
 * `mean_squared_error(squared=False)`. Lower is better. Per-item loss: the squared error, so the mean loss
 * is the MSE and `fromMeanLoss` takes its square root.
 *
 * @example
 * rmse.score([1, 2], [1, 4]); // √2
 */
export const rmse: Metric<'number'> = {
  id: 'rmse',
  title: 'RMSE',
  summary:
    "Root mean squared error √(mean((prediction − truth)²)); matches scikit-learn's mean_squared_error(squared=False).",
  docs: {
    definition:
      "Root mean squared error √(mean((prediction − truth)²)), as scikit-learn's `mean_squared_error(squared=False)`; lower is better. Truth values and predictions must lie within ±1e150, so every sum stays a finite number.",
    itemLoss: 'The squared error of the item: the mean loss is the MSE, and RMSE its square root.',
  },
  higherIsBetter: false,
  input: 'number',
  score: (truth, predictions) => Math.sqrt(meanOf(squaredErrors(truth, predictions))),
  itemLosses: squaredErrors,
  fromMeanLoss: (meanLoss) => Math.sqrt(meanLoss),
  resampler: (truth, predictions) => meanResampler(squaredErrors(truth, predictions), Math.sqrt),
};
