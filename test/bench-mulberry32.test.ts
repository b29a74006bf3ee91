import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../bench/support/mulberry32.ts';

describe('mulberry32', () => {
  it('gives the same numbers in [0, 1) for the same seed, other numbers for another seed', () => {
    const first = Array.from({ length: 100 }, mulberry32(42));
    const again = Array.from({ length: 100 }, mulberry32(42));
    const other = Array.from({ length: 100 }, mulberry32(43));
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
    for (const value of first) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
    expect(new Set(first).size).toBe(100);
  });
});
