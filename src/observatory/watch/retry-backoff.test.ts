import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY, retryDelayMs } from './retry-backoff.ts';

describe('retryDelayMs', () => {
  it('doubles after each failure, half fixed and half jittered, up to the cap', () => {
    const policy = { maxAttempts: 10, baseDelayMs: 1_000, maxDelayMs: 10_000 };
    expect([1, 2, 3, 4, 5, 6].map((failures) => retryDelayMs(failures, policy, () => 0))).toEqual([
      500, 1_000, 2_000, 4_000, 5_000, 5_000,
    ]);
    expect([1, 2, 3, 4, 5].map((failures) => retryDelayMs(failures, policy, () => 0.999_999))).toEqual([
      1_000, 2_000, 4_000, 8_000, 10_000,
    ]);
  });

  it('spreads receivers that failed together (different random draws, different waits)', () => {
    const waits = [0.1, 0.4, 0.7].map((draw) => retryDelayMs(3, DEFAULT_RETRY_POLICY, () => draw));
    expect(new Set(waits).size).toBe(3);
    expect(Math.min(...waits)).toBeGreaterThanOrEqual(60_000);
    expect(Math.max(...waits)).toBeLessThanOrEqual(120_000);
  });

  it('never overflows after very many failures', () => {
    expect(retryDelayMs(10_000, DEFAULT_RETRY_POLICY, () => 0.5)).toBe(2_700_000);
  });
});
