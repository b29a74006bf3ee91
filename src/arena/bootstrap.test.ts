import { describe, expect, it } from 'vitest';
import { bootstrapInterval, quantile, resampleMetric } from './bootstrap.ts';
import { accuracy } from './metrics/accuracy.ts';
import { aucRoc } from './metrics/auc-roc.ts';
import { macroF1 } from './metrics/macro-f1.ts';
import { rmse } from './metrics/rmse.ts';
import { meanResampler } from './resampler.ts';
import { sampleBinomial } from './sample-binomial.ts';
import { createRandom } from './seeded-random.ts';

function labels(n: number, rightShare: number, seed: number): { truth: string[]; predictions: string[] } {
  const random = createRandom(seed);
  const truth = Array.from({ length: n }, () =>
    random.nextIndex(3) === 0 ? 'a' : random.nextIndex(2) ? 'b' : 'c',
  );
  const predictions = truth.map((label) =>
    random.nextOpenUnit() < rightShare ? label : label === 'a' ? 'b' : 'a',
  );
  return { truth, predictions };
}

describe('seeded random', () => {
  it('is deterministic per seed and differs across seeds', () => {
    const a = createRandom(1);
    const b = createRandom(1);
    const c = createRandom(2);
    const first = [a.nextUint32(), a.nextUint32()];
    expect([b.nextUint32(), b.nextUint32()]).toEqual(first);
    expect([c.nextUint32(), c.nextUint32()]).not.toEqual(first);
  });

  it('draws indices uniformly in range', () => {
    const random = createRandom(3);
    const counts = new Array(5).fill(0);
    for (let i = 0; i < 50_000; i++) counts[random.nextIndex(5)]++;
    for (const count of counts) expect(Math.abs(count - 10_000)).toBeLessThan(400);
    expect(() => random.nextIndex(0)).toThrow();
    const big = random.nextIndex(3 * 2 ** 21);
    expect(big).toBeGreaterThanOrEqual(0);
    expect(big).toBeLessThan(3 * 2 ** 21);
  });
});

describe('binomial sampler', () => {
  it.each([
    [1_000_000, 0.7],
    [50, 0.1],
    [200, 0.5],
    [30, 0.9],
  ])('Binomial(%i, %f) has the right mean and variance', (n, p) => {
    const random = createRandom(11);
    const draws = 20_000;
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < draws; i++) {
      const x = sampleBinomial(n, p, random);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(n);
      sum += x;
      squares += x * x;
    }
    const mean = sum / draws;
    const variance = squares / draws - mean * mean;
    const expectedVariance = n * p * (1 - p);
    expect(Math.abs(mean - n * p)).toBeLessThan(5 * Math.sqrt(expectedVariance / draws));
    expect(variance / expectedVariance).toBeGreaterThan(0.94);
    expect(variance / expectedVariance).toBeLessThan(1.06);
  });

  it('handles the edges', () => {
    const random = createRandom(0);
    expect(sampleBinomial(10, 0, random)).toBe(0);
    expect(sampleBinomial(10, 1, random)).toBe(10);
    expect(sampleBinomial(0, 0.5, random)).toBe(0);
  });
});

describe('bootstrapInterval', () => {
  const { truth, predictions } = labels(2000, 0.8, 5);

  it('brackets the metric and is deterministic for a seed', () => {
    const score = accuracy.score(truth, predictions);
    const interval = bootstrapInterval(accuracy.resampler(truth, predictions), { seed: 9 });
    expect(interval.lower).toBeLessThan(score);
    expect(interval.upper).toBeGreaterThan(score);
    // Binomial standard error √(p(1−p)/n) ≈ 0.009: the 95% interval spans about ±1.96 of it.
    expect(interval.upper - interval.lower).toBeGreaterThan(0.025);
    expect(interval.upper - interval.lower).toBeLessThan(0.045);
    expect(bootstrapInterval(accuracy.resampler(truth, predictions), { seed: 9 })).toEqual(interval);
    expect(bootstrapInterval(accuracy.resampler(truth, predictions), { seed: 10 })).not.toEqual(interval);
    expect(interval).toMatchObject({ resamples: 1000, confidence: 0.95, seed: 9, undefinedResamples: 0 });
  });

  it('categorical and index resampling agree in distribution', () => {
    const losses = accuracy.itemLosses(truth, predictions);
    const viaCounts = bootstrapInterval(
      meanResampler(losses, (m) => 1 - m),
      { resamples: 2000, seed: 1 },
    );
    const viaIndices = bootstrapInterval(
      { kind: 'mean', values: losses, transform: (m) => 1 - m },
      { resamples: 2000, seed: 1 },
    );
    expect(Math.abs(viaCounts.lower - viaIndices.lower)).toBeLessThan(0.004);
    expect(Math.abs(viaCounts.upper - viaIndices.upper)).toBeLessThan(0.004);
  });

  it('works for macro-F1, AUC-ROC (weighted) and RMSE (index resampling)', () => {
    const f1 = macroF1.score(truth, predictions);
    const f1Interval = bootstrapInterval(macroF1.resampler(truth, predictions), { resamples: 300, seed: 2 });
    expect(f1Interval.lower).toBeLessThan(f1);
    expect(f1Interval.upper).toBeGreaterThan(f1);

    const random = createRandom(4);
    const outcome = Array.from({ length: 500 }, () => (random.nextOpenUnit() < 0.4 ? 1 : 0) as 0 | 1);
    const scores = outcome.map((y) => y + 2 * random.nextOpenUnit());
    const auc = aucRoc.score(outcome, scores);
    const aucInterval = bootstrapInterval(aucRoc.resampler(outcome, scores), { resamples: 300, seed: 2 });
    expect(aucInterval.lower).toBeLessThan(auc);
    expect(aucInterval.upper).toBeGreaterThan(auc);

    const target = Array.from({ length: 500 }, () => random.nextOpenUnit() * 10);
    const guess = target.map((t) => t + random.nextOpenUnit() - 0.5);
    const resampler = rmse.resampler(target, guess);
    expect(resampler.kind).toBe('mean');
    const interval = bootstrapInterval(resampler, { resamples: 300, seed: 2 });
    expect(interval.lower).toBeLessThan(rmse.score(target, guess));
    expect(interval.upper).toBeGreaterThan(rmse.score(target, guess));
  });

  it('counts resamples on which AUC is undefined and leaves them out', () => {
    const interval = bootstrapInterval(aucRoc.resampler([0, 1], [0.2, 0.9]), { resamples: 200, seed: 3 });
    expect(interval.undefinedResamples).toBeGreaterThan(50);
    expect(interval.lower).toBe(1);
    expect(resampleMetric(aucRoc.resampler([0, 1], [0.2, 0.9]), 10, 3)).toHaveLength(10);
  });

  it('refuses bad options', () => {
    const resampler = accuracy.resampler(['a'], ['a']);
    expect(() => bootstrapInterval(resampler, { resamples: 0 })).toThrow();
    expect(() => bootstrapInterval(resampler, { confidence: 1 })).toThrow();
  });

  it("quantile matches numpy's linear interpolation", () => {
    // numpy.quantile([1, 2, 3, 4], [0.025, 0.5, 0.975]) == [1.075, 2.5, 3.925]
    expect(quantile([1, 2, 3, 4], 0.025)).toBeCloseTo(1.075, 12);
    expect(quantile([1, 2, 3, 4], 0.5)).toBeCloseTo(2.5, 12);
    expect(quantile([1, 2, 3, 4], 0.975)).toBeCloseTo(3.925, 12);
  });
});
