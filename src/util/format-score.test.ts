import { describe, expect, it } from 'vitest';
import { formatScore } from './format-score.ts';

describe('formatScore', () => {
  it.each([
    [0.32999999999999996, '0.33'],
    [1 - 0.7000000000000001, '0.3'],
    [0.6666666666666667, '0.6667'],
    [72, '72'],
    [0, '0'],
    [-0.00001, '0'],
    [1234.56789, '1234.5679'],
    [0.5, '0.5'],
  ])('%s prints as %s', (value, text) => {
    expect(formatScore(value)).toBe(text);
  });

  it('takes fewer decimals when asked', () => {
    expect(formatScore(0.6666666666666667, 2)).toBe('0.67');
  });

  it('prints what is not a finite number as it is', () => {
    expect(formatScore(Number.NaN)).toBe('NaN');
  });
});
