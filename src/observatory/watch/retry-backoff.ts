/** How deliveries are retried. */
export interface RetryPolicy {
  /** Attempts before a delivery goes to the dead-letter list, the first included. */
  maxAttempts: number;
  /** The wait after the first failure; each further failure doubles it. */
  baseDelayMs: number;
  /** The longest wait between two attempts. */
  maxDelayMs: number;
}

/** Defaults: 8 attempts within about an hour (waits of 30 s, 1, 2, 4, 8, 16 and 32 min, each jittered down to half). */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 8,
  baseDelayMs: 30_000,
  maxDelayMs: 3_600_000,
};

/**
 * The wait before the next attempt after `failures` failed attempts: exponential (base × 2^(failures−1),
 * capped) with "equal jitter", half fixed and half random, so receivers that failed together are not
 * retried together. `random` returns [0, 1) (tests inject one).
 *
 * @example
 * retryDelayMs(3, DEFAULT_RETRY_POLICY, () => 0.5) // 90_000: 120 s halved, plus half of the other half
 */
export function retryDelayMs(
  failures: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  const exponent = Math.min(Math.max(failures - 1, 0), 30);
  const delay = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
  return Math.round(delay / 2 + random() * (delay / 2));
}
