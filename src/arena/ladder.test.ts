import { describe, expect, it } from 'vitest';
import { fixedStepLadder, parameterFreeLadder, roundToMultiple } from './ladder.ts';
import { createRandom } from './seeded-random.ts';

const losses = (...values: number[]) => Float64Array.from(values);

describe('fixed-step Ladder (Blum & Hardt 2015, Algorithm 1)', () => {
  it('releases the first submission rounded to the step', () => {
    const step = fixedStepLadder({ previousReleased: undefined, newLosses: losses(0, 1, 0, 0), step: 0.1 });
    expect(step.improved).toBe(true);
    expect(step.releasedLoss).toBeCloseTo(0.3, 12);
  });

  it('keeps the previous release unless the loss beats it by more than the step', () => {
    expect(fixedStepLadder({ previousReleased: 0.3, newLosses: losses(0.25, 0.25), step: 0.1 })).toEqual({
      improved: false,
      releasedLoss: 0.3,
    });
    expect(fixedStepLadder({ previousReleased: 0.3, newLosses: losses(0.2, 0.2), step: 0.1 }).improved).toBe(
      false,
    );
    const better = fixedStepLadder({ previousReleased: 0.3, newLosses: losses(0.1, 0.2), step: 0.1 });
    expect(better.improved).toBe(true);
    expect(better.releasedLoss).toBeCloseTo(0.2, 12);
  });

  it('rounds to the nearest multiple and refuses a non-positive step', () => {
    expect(roundToMultiple(0.1712, 0.01)).toBeCloseTo(0.17, 12);
    expect(roundToMultiple(0.176, 0.01)).toBeCloseTo(0.18, 12);
    expect(() => fixedStepLadder({ previousReleased: 1, newLosses: losses(0), step: 0 })).toThrow();
  });
});

describe('parameter-free Ladder (Blum & Hardt 2015, Algorithm 2)', () => {
  it('always releases the first submission, rounded to 1/n', () => {
    const step = parameterFreeLadder({
      previousReleased: undefined,
      bestLosses: undefined,
      newLosses: losses(1, 0, 0),
    });
    expect(step.improved).toBe(true);
    expect(step.releasedLoss).toBeCloseTo(1 / 3, 12);
  });

  it('needs an improvement beyond one standard error of the paired difference', () => {
    const best = losses(1, 1, 0, 0, 1, 0, 1, 0, 0, 1);
    // Flips one wrong item to right: difference mean −0.1, sd 0.316, SE 0.1 — not beyond one SE.
    const oneBetter = losses(0, 1, 0, 0, 1, 0, 1, 0, 0, 1);
    expect(parameterFreeLadder({ previousReleased: 0.5, bestLosses: best, newLosses: oneBetter })).toEqual({
      improved: false,
      releasedLoss: 0.5,
    });
    // Fixes three items: mean −0.3, SE ≈ 0.153, so 0.2 < 0.5 − 0.153 is a new best.
    const threeBetter = losses(0, 0, 0, 0, 0, 0, 1, 0, 0, 1);
    const step = parameterFreeLadder({ previousReleased: 0.5, bestLosses: best, newLosses: threeBetter });
    expect(step.improved).toBe(true);
    expect(step.releasedLoss).toBeCloseTo(0.2, 12);
  });

  it('identical resubmissions never move the board', () => {
    const best = losses(0, 1, 0, 1);
    expect(parameterFreeLadder({ previousReleased: 0.5, bestLosses: best, newLosses: best }).improved).toBe(
      false,
    );
  });

  it('refuses loss vectors of different lengths', () => {
    expect(() =>
      parameterFreeLadder({ previousReleased: 1, bestLosses: losses(0), newLosses: losses(0, 1) }),
    ).toThrow();
  });
});

/**
 * The parameter-free Ladder's score! for FreeLadder in the authors' own Julia code (mrtzh/Ladder.jl,
 * src/Ladder.jl), transcribed independently: release the new empirical loss, unrounded, when it is below the
 * current one by more than std(new − leader)/√n (Julia's std: n − 1 denominator; before any leader, the std
 * of the new losses). The paper's Algorithm 2 also rounds the release to a multiple of 1/n, which changes
 * nothing for 0-1 losses, whose mean already is one.
 */
function ladderJlFree(submissions: readonly Float64Array[]): number[] {
  let current = Number.POSITIVE_INFINITY;
  let leader: Float64Array | undefined;
  const released: number[] = [];
  for (const losses of submissions) {
    const n = losses.length;
    const differences = losses.map((value, i) => value - (leader ? leader[i]! : 0));
    const mean = differences.reduce((sum, value) => sum + value, 0) / n;
    const std = Math.sqrt(differences.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (n - 1));
    const loss = losses.reduce((sum, value) => sum + value, 0) / n;
    if (loss < current - std / Math.sqrt(n)) {
      current = loss;
      leader = losses;
    }
    released.push(current);
  }
  return released;
}

describe('parameter-free Ladder against the authors’ Ladder.jl', () => {
  it('does not release a 0-1 loss that ties the standard error exactly', () => {
    // 7 errors, then 4 errors with paired differences of variance 9/26: one standard error is exactly 3/26.
    const first = Float64Array.from('00000001010010000010010101', Number);
    const second = Float64Array.from('10000000000100000000001100', Number);
    const step = parameterFreeLadder({
      previousReleased: undefined,
      bestLosses: undefined,
      newLosses: first,
    });
    expect(step.releasedLoss).toBe(7 / 26);
    expect(
      parameterFreeLadder({ previousReleased: step.releasedLoss, bestLosses: first, newLosses: second }),
    ).toEqual({ improved: false, releasedLoss: 7 / 26 });
  });

  it('releases the same losses for 0-1 losses over 200 random submission sequences', () => {
    const random = createRandom(1502_04585);
    for (let sequence = 0; sequence < 200; sequence++) {
      const n = 20 + random.nextIndex(200);
      const submissions = Array.from({ length: 12 }, () => {
        const errorRate = 0.1 + 0.4 * random.nextOpenUnit();
        return Float64Array.from({ length: n }, () => (random.nextOpenUnit() < errorRate ? 1 : 0));
      });
      const expected = ladderJlFree(submissions);
      let previousReleased: number | undefined;
      let bestLosses: Float64Array | undefined;
      const actual = submissions.map((newLosses) => {
        const step = parameterFreeLadder({ previousReleased, bestLosses, newLosses });
        if (step.improved) bestLosses = newLosses;
        previousReleased = step.releasedLoss;
        return step.releasedLoss;
      });
      expect(actual).toEqual(expected);
    }
  });
});
