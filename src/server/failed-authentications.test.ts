import { describe, expect, it } from 'vitest';
import { FailedAuthentications } from './failed-authentications.ts';

describe('FailedAuthentications', () => {
  it('lets an address fail max times, then refuses it until its window ends', () => {
    let now = 1_000;
    const failed = new FailedAuthentications({ max: 3, windowMs: 60_000 }, () => now);
    for (let i = 0; i < 3; i++) {
      expect(failed.retryAfterMs('a')).toBe(0);
      failed.record('a');
    }
    expect(failed.retryAfterMs('a')).toBe(60_000);
    expect(failed.retryAfterMs('b')).toBe(0);
    now += 59_000;
    expect(failed.retryAfterMs('a')).toBe(1_000);
    now += 1_000;
    expect(failed.retryAfterMs('a')).toBe(0);
    failed.record('a');
    expect(failed.retryAfterMs('a')).toBe(0);
  });

  it('remembers at most maxAddresses, forgetting the oldest window first', () => {
    const failed = new FailedAuthentications({ max: 1, windowMs: 60_000, maxAddresses: 2 }, () => 0);
    failed.record('a');
    failed.record('b');
    failed.record('c');
    expect(failed.retryAfterMs('a')).toBe(0);
    expect(failed.retryAfterMs('b')).toBe(60_000);
    expect(failed.retryAfterMs('c')).toBe(60_000);
  });
});
