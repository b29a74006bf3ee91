import { describe, expect, it } from 'vitest';
import { fixedStepLadder, parameterFreeLadder, roundToMultiple } from './ladder.ts';

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
