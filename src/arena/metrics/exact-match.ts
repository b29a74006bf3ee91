import { meanResampler } from '../resampler.ts';
import { checkAligned, meanOf } from './check-inputs.ts';
import type { Metric } from './metric.ts';

/**
 * The one normalisation of exact match (and of pass@k's sample check): leading and trailing white space
 * is removed (`String.prototype.trim`, i.e. Unicode White_Space and line terminators); nothing else
 * changes: case, inner white space, punctuation and Unicode normal form all count.
 */
export function normaliseAnswer(text: string): string {
  return text.trim();
}

function exactMatchLosses(truth: readonly string[], predictions: readonly string[]): Float64Array {
  checkAligned('exact-match', truth, predictions);
  const losses = new Float64Array(truth.length);
  for (let i = 0; i < truth.length; i++)
    losses[i] = normaliseAnswer(truth[i]!) === normaliseAnswer(predictions[i]!) ? 0 : 1;
  return losses;
}

/**
 * Exact match: the share of items whose predicted text equals the reference after
 * {@link normaliseAnswer} (trimming only). Per-item loss: 0 on a match, 1 otherwise.
 *
 * @example
 * exactMatch.score(['Paris', '42'], [' Paris\n', '42.0']); // 0.5
 */
export const exactMatch: Metric<'text'> = {
  id: 'exact-match',
  title: 'Exact match',
  summary:
    'Share of items whose prediction equals the reference after trimming leading and trailing white space; case, inner spaces and punctuation count.',
  docs: {
    definition:
      'The share of items whose predicted text equals the reference after trimming leading and trailing white space (Unicode white space and line ends); nothing else is normalised: case, inner white space, punctuation and Unicode normal form all count.',
    itemLoss: '0 on a match, 1 otherwise; exact match is 1 − the mean loss.',
  },
  higherIsBetter: true,
  input: 'text',
  score: (truth, predictions) => 1 - meanOf(exactMatchLosses(truth, predictions)),
  itemLosses: exactMatchLosses,
  fromMeanLoss: (meanLoss) => 1 - meanLoss,
  resampler: (truth, predictions) => meanResampler(exactMatchLosses(truth, predictions), (mean) => 1 - mean),
};
