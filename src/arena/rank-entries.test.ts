import { describe, expect, it } from 'vitest';
import { rankEntries } from './rank-entries.ts';

describe('rankEntries', () => {
  const entries = [
    { id: 'c', score: 0.7, lower: 0.65, upper: 0.75 },
    { id: 'a', score: 0.9, lower: 0.88, upper: 0.92 },
    { id: 'b', score: 0.86, lower: 0.8, upper: 0.89 },
    { id: 'd', score: 0.66, lower: 0.6, upper: 0.72 },
  ];

  it('ranks 1 + entries whose lower bound is above this upper bound (higher is better)', () => {
    const ranked = rankEntries(entries, true);
    expect(ranked.map((entry) => [entry.id, entry.rank])).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 3],
      ['d', 3],
    ]);
  });

  it('mirrors the rule for lower-is-better metrics', () => {
    const errors = [
      { id: 'x', score: 1.0, lower: 0.9, upper: 1.1 },
      { id: 'y', score: 1.05, lower: 0.95, upper: 1.15 },
      { id: 'z', score: 2.0, lower: 1.9, upper: 2.1 },
    ];
    expect(rankEntries(errors, false).map((entry) => [entry.id, entry.rank])).toEqual([
      ['x', 1],
      ['y', 1],
      ['z', 3],
    ]);
  });

  it('gives equal entries the same rank and handles an empty board', () => {
    const same = [
      { id: 'p', score: 0.5, lower: 0.5, upper: 0.5 },
      { id: 'q', score: 0.5, lower: 0.5, upper: 0.5 },
    ];
    expect(rankEntries(same, true).map((entry) => entry.rank)).toEqual([1, 1]);
    expect(rankEntries([], true)).toEqual([]);
  });
});
