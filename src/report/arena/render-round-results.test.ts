import { describe, expect, it } from 'vitest';
import { renderRoundResults } from './render-round-results.ts';

describe('renderRoundResults', () => {
  it('prints each team with its score and 95% interval, headed by the metric', () => {
    expect(
      renderRoundResults('rmse', [{ rank: 1, team: 'owls', score: 1.5, lower: 1, upper: 2, submissions: 3 }]),
    ).toBe(
      [
        '┌──────┬──────┬────────┬─────────────────┬─────────────┐',
        '│ Rank │ Team │ rmse   │ 95% interval    │ Submissions │',
        '│ 1    │ owls │ 1.5000 │ 1.0000 – 2.0000 │ 3           │',
        '└──────┴──────┴────────┴─────────────────┴─────────────┘',
      ].join('\n'),
    );
  });

  it('says so when nobody submitted', () => {
    expect(renderRoundResults('rmse', [])).toBe('(no submissions)');
  });
});
