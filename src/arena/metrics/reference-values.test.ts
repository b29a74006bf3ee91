import { describe, expect, it } from 'vitest';
import { accuracy } from './accuracy.ts';
import { aucRoc } from './auc-roc.ts';
import { exactMatch } from './exact-match.ts';
import { macroF1 } from './macro-f1.ts';
import { passAtK, passAtKEstimate } from './pass-at-k.ts';
import { rmse } from './rmse.ts';

/*
 * Reference values, produced with Debian's scikit-learn 1.2.1 (`/usr/bin/python3`, python3-sklearn) by:
 *
 *   from sklearn.metrics import accuracy_score, f1_score, roc_auc_score, mean_squared_error
 *   yt = ['cat','dog','cat','bird','dog','cat','fish','dog']
 *   yp = ['cat','cat','cat','dog','dog','bird','cat','dog']
 *   accuracy_score(yt, yp)                        # 0.5
 *   f1_score(yt, yp, average='macro')             # 0.30952380952380953
 *   yp2 = ['cat','cat','cat','cat','dog','cat','cat','dog']
 *   f1_score(yt, yp2, average='macro')            # 0.3666666666666667  (bird and fish never predicted)
 *   f1_score(['a','a','b'], ['a','c','b'], average='macro')   # 0.5555555555555555 (label only predicted)
 *   ya = [0,0,1,1,0,1,0,1,1,0]; sa = [0.1,0.4,0.35,0.8,0.5,0.5,0.2,0.9,0.2,0.7]
 *   roc_auc_score(ya, sa)                         # 0.68 (ties across classes at 0.5 and 0.2)
 *   roc_auc_score([0,0,1,1], [0.1,0.4,0.35,0.8])  # 0.75
 *   roc_auc_score([0,1,0,1], [3,3,3,3])           # 0.5
 *   mean_squared_error([3.0,-0.5,2.0,7.0,4.25], [2.5,0.0,2.0,8.0,-1.5], squared=False)  # 2.6291633650269812
 *
 * pass@k references from the formula with exact integers (Python 3 math.comb):
 *   pass_at_k = lambda n, c, k: 1.0 if n - c < k else 1 - math.comb(n - c, k) / math.comb(n, k)
 */
const yt = ['cat', 'dog', 'cat', 'bird', 'dog', 'cat', 'fish', 'dog'];
const yp = ['cat', 'cat', 'cat', 'dog', 'dog', 'bird', 'cat', 'dog'];
const yp2 = ['cat', 'cat', 'cat', 'cat', 'dog', 'cat', 'cat', 'dog'];
const ya: (0 | 1)[] = [0, 0, 1, 1, 0, 1, 0, 1, 1, 0];
const sa = [0.1, 0.4, 0.35, 0.8, 0.5, 0.5, 0.2, 0.9, 0.2, 0.7];
const rt = [3.0, -0.5, 2.0, 7.0, 4.25];
const rp = [2.5, 0.0, 2.0, 8.0, -1.5];

function mean(values: Float64Array): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

describe('metric reference values (scikit-learn 1.2.1)', () => {
  it('accuracy', () => {
    expect(accuracy.score(yt, yp)).toBeCloseTo(0.5, 14);
  });

  it('macro-F1, including labels never predicted and labels only predicted', () => {
    expect(macroF1.score(yt, yp)).toBeCloseTo(0.30952380952380953, 14);
    expect(macroF1.score(yt, yp2)).toBeCloseTo(0.3666666666666667, 14);
    expect(macroF1.score(['a', 'a', 'b'], ['a', 'c', 'b'])).toBeCloseTo(0.5555555555555555, 14);
  });

  it('AUC-ROC with ties', () => {
    expect(aucRoc.score(ya, sa)).toBeCloseTo(0.68, 14);
    expect(aucRoc.score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toBeCloseTo(0.75, 14);
    expect(aucRoc.score([0, 1, 0, 1], [3, 3, 3, 3])).toBeCloseTo(0.5, 14);
  });

  it('RMSE', () => {
    expect(rmse.score(rt, rp)).toBeCloseTo(2.6291633650269812, 14);
  });

  it('pass@k estimator against exact binomial coefficients', () => {
    const cases: [number, number, number, number][] = [
      [10, 3, 1, 0.30000000000000004],
      [10, 3, 5, 0.9166666666666666],
      [20, 0, 5, 0.0],
      [200, 13, 10, 0.4975511147306061],
      [200, 13, 100, 0.9999194971988055],
      [5, 5, 5, 1.0],
      [7, 2, 6, 1.0],
    ];
    for (const [n, c, k, expected] of cases)
      expect(passAtKEstimate(n, c, k), `n=${n} c=${c} k=${k}`).toBeCloseTo(expected, 12);
  });

  it('per-item losses average exactly to the metric', () => {
    expect(accuracy.fromMeanLoss(mean(accuracy.itemLosses(yt, yp)))).toBeCloseTo(accuracy.score(yt, yp), 14);
    expect(macroF1.fromMeanLoss(mean(macroF1.itemLosses(yt, yp)))).toBeCloseTo(macroF1.score(yt, yp), 14);
    expect(macroF1.fromMeanLoss(mean(macroF1.itemLosses(yt, yp2)))).toBeCloseTo(0.3666666666666667, 14);
    expect(aucRoc.fromMeanLoss(mean(aucRoc.itemLosses(ya, sa)))).toBeCloseTo(0.68, 14);
    expect(rmse.fromMeanLoss(mean(rmse.itemLosses(rt, rp)))).toBeCloseTo(2.6291633650269812, 14);
    const pass = passAtK(2);
    const truth = ['4', 'x'];
    const samples = [
      ['4', '5', ' 4 '],
      ['y', 'z', 'x'],
    ];
    expect(pass.fromMeanLoss(mean(pass.itemLosses(truth, samples)))).toBeCloseTo(
      pass.score(truth, samples),
      14,
    );
  });
});

describe('metric edge cases', () => {
  it('exact match trims only', () => {
    expect(exactMatch.score(['Paris', '42', 'a b'], [' Paris\n', '42.0', 'a  b'])).toBeCloseTo(1 / 3, 14);
    expect(exactMatch.score(['Paris'], ['paris'])).toBe(0);
  });

  it('pass@k counts samples equal to the reference and needs n ≥ k', () => {
    expect(passAtK(1).score(['4'], [['4', '5']])).toBe(0.5);
    expect(() => passAtK(3).score(['4'], [['4', '5']])).toThrow(/at least 3/);
    expect(() => passAtK(0)).toThrow(/k ≥ 1/);
  });

  it('refuses misaligned, empty and undefined inputs', () => {
    expect(() => accuracy.score(['a'], ['a', 'b'])).toThrow(/align/);
    expect(() => accuracy.score([], [])).toThrow(/no items/);
    expect(() => aucRoc.score([1, 1], [0.2, 0.3])).toThrow(/one class/);
    expect(() => aucRoc.score([0, 1], [Number.NaN, 0.3])).toThrow(/finite/);
    expect(() => rmse.score([1], [Number.POSITIVE_INFINITY])).toThrow(/finite/);
    // Finite values whose squared error is not: refused, never Infinity.
    expect(() => rmse.score([0], [1e308])).toThrow(/squared error of item 0 overflows/);
    expect(() => rmse.itemLosses([0, 0], [1, -1e200])).toThrow(/item 1 overflows/);
  });

  it('AUC treats −0 and 0 as a tie', () => {
    expect(aucRoc.score([0, 1], [-0, 0])).toBe(0.5);
  });
});
