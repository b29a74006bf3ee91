import { accuracy } from './accuracy.ts';
import { aucRoc } from './auc-roc.ts';
import { exactMatch } from './exact-match.ts';
import { macroF1 } from './macro-f1.ts';
import type { AnyMetric } from './metric.ts';
import { passAtK } from './pass-at-k.ts';
import { rmse } from './rmse.ts';

/**
 * Every metric a benchmark can name, in documentation order. pass@k is listed for the usual k (1, 10, 100);
 * {@link findMetric} builds it for any k. A test asserts each metric file is registered here.
 */
export const METRICS: readonly AnyMetric[] = [
  accuracy,
  macroF1,
  aucRoc,
  rmse,
  exactMatch,
  passAtK(1),
  passAtK(10),
  passAtK(100),
];

/**
 * The metric named `name` (`accuracy`, `macro-f1`, `auc-roc`, `rmse`, `exact-match`, `pass@<k>`), if any.
 *
 * @example
 * findMetric('pass@5')?.higherIsBetter; // true
 */
export function findMetric(name: string): AnyMetric | undefined {
  const listed = METRICS.find((metric) => metric.id === name);
  if (listed) return listed;
  const match = /^pass@([1-9][0-9]{0,5})$/.exec(name);
  return match ? passAtK(Number(match[1])) : undefined;
}
