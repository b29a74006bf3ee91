import { meanResampler } from '../resampler.ts';
import { checkAligned, meanOf } from './check-inputs.ts';
import type { Metric } from './metric.ts';

function zeroOneLosses(truth: readonly string[], predictions: readonly string[]): Float64Array {
  checkAligned('accuracy', truth, predictions);
  const losses = new Float64Array(truth.length);
  for (let i = 0; i < truth.length; i++) losses[i] = truth[i] === predictions[i] ? 0 : 1;
  return losses;
}

/**
 * Accuracy: the share of items whose predicted label equals the true label (scikit-learn's
 * `accuracy_score`). Per-item loss: 0 if right, 1 if wrong.
 *
 * @example
 * accuracy.score(['a', 'b'], ['a', 'a']); // 0.5
 */
export const accuracy: Metric<'label'> = {
  id: 'accuracy',
  title: 'Accuracy',
  summary:
    "Share of items whose predicted label equals the true label; matches scikit-learn's accuracy_score.",
  docs: {
    definition:
      "The share of items whose predicted label equals the true label, as scikit-learn's `accuracy_score`. Labels compare exactly as written; a prediction must be one of the benchmark's labels.",
    itemLoss: '0 when the item is right, 1 when it is wrong; accuracy is 1 − the mean loss.',
  },
  higherIsBetter: true,
  input: 'label',
  score: (truth, predictions) => 1 - meanOf(zeroOneLosses(truth, predictions)),
  itemLosses: zeroOneLosses,
  fromMeanLoss: (meanLoss) => 1 - meanLoss,
  resampler: (truth, predictions) => meanResampler(zeroOneLosses(truth, predictions), (mean) => 1 - mean),
};
