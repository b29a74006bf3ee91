import { describe, expect, it } from 'vitest';
import { statusCountsText } from './status-counts-text.ts';

describe('statusCountsText', () => {
  it('names the statuses counted at least once, in their order', () => {
    expect(statusCountsText({ pass: 2, fail: 0, overdue: 1 })).toBe('2 pass, 1 overdue');
  });

  it('is empty when nothing is counted', () => {
    expect(statusCountsText({ pass: 0 })).toBe('');
  });
});
