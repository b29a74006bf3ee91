/** How many failed authentications an address may make in a window. */
export interface FailedAuthenticationLimits {
  /** Failures allowed per address per window; the next attempt is refused until the window ends. */
  max: number;
  windowMs: number;
  /** Addresses remembered at most; the oldest window is forgotten first (bounds memory under a flood). */
  maxAddresses?: number;
}

/** Ten failures per address in ten minutes: a team mistyping its token is not stopped, a guesser is. */
export const DEFAULT_FAILED_AUTHENTICATION_LIMITS: FailedAuthenticationLimits = {
  max: 10,
  windowMs: 10 * 60_000,
  maxAddresses: 100_000,
};

interface Window {
  startedAt: number;
  failures: number;
}

/**
 * Failed authentications (team tokens and the admin token alike) per client address, in fixed windows.
 * An address over the limit is refused before its credentials are even checked, so a right guess looks
 * like a wrong one and guessing costs a window per `max` tries. Kept apart from the per-token request
 * limits (@fastify/rate-limit), which count every request and cannot be asked without counting one.
 * Process-local, like those limits' default store.
 *
 * @example
 * const failed = new FailedAuthentications({ max: 10, windowMs: 600_000 });
 * if (failed.retryAfterMs(request.ip) > 0) refuse(429);
 * else if (!valid(token)) failed.record(request.ip);
 */
export class FailedAuthentications {
  private readonly windows = new Map<string, Window>();
  private readonly maxAddresses: number;

  constructor(
    private readonly limits: FailedAuthenticationLimits,
    private readonly now: () => number = Date.now,
  ) {
    this.maxAddresses = limits.maxAddresses ?? DEFAULT_FAILED_AUTHENTICATION_LIMITS.maxAddresses!;
  }

  /** Milliseconds until `address` may try again, or 0 when it may try now. */
  retryAfterMs(address: string): number {
    const window = this.current(address);
    if (!window || window.failures < this.limits.max) return 0;
    return window.startedAt + this.limits.windowMs - this.now();
  }

  /** Counts one failed authentication of `address`. */
  record(address: string): void {
    const window = this.current(address);
    if (window) {
      window.failures++;
      return;
    }
    if (this.windows.size >= this.maxAddresses) {
      // Maps iterate in insertion order: the first key is the oldest window.
      this.windows.delete(this.windows.keys().next().value!);
    }
    this.windows.set(address, { startedAt: this.now(), failures: 1 });
  }

  /** The live window of `address`; an expired one is dropped. */
  private current(address: string): Window | undefined {
    const window = this.windows.get(address);
    if (window && this.now() >= window.startedAt + this.limits.windowMs) {
      this.windows.delete(address);
      return undefined;
    }
    return window;
  }
}
