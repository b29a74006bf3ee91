import { describe, expect, it } from 'vitest';
import type { LeaderboardView } from './leaderboard-view.ts';
import { renderLeaderboard } from './render-leaderboard.ts';

const PUBLIC: LeaderboardView = {
  benchmark: { title: 'Sentiment', metric: 'accuracy' },
  task: { id: 'sentiment', title: 'Sentiment' },
  tasks: ['sentiment'],
  round: { name: 'round-1', phase: 'open', closedAt: null },
  kind: 'public',
  bootstrap: null,
  withheld: null,
  entries: [
    {
      rank: 1,
      team: 'owls',
      score: 0.75,
      lower: null,
      upper: null,
      submissions: 2,
      lastSubmissionAt: '2025-01-02T00:00:00Z',
      prizes: [
        { track: 'open-model', eligible: true },
        { track: 'open-science', eligible: false },
      ],
    },
  ],
};

describe('renderLeaderboard', () => {
  it('prints a public board with the Ladder heading and the eligible prize tracks only', () => {
    expect(renderLeaderboard(PUBLIC)).toBe(
      [
        "Sentiment, round-1: public leaderboard (open; scores are the Ladder's releases)",
        '┌──────┬──────┬──────────┬─────────────┬────────────┐',
        '│ Rank │ Team │ accuracy │ Submissions │ Prizes     │',
        '│ 1    │ owls │ 0.7500   │ 2           │ open-model │',
        '└──────┴──────┴──────────┴─────────────┴────────────┘',
        '',
      ].join('\n'),
    );
  });

  it('prints a private board with its intervals and bootstrap, and names the task among several', () => {
    const text = renderLeaderboard({
      ...PUBLIC,
      tasks: ['sentiment', 'rating'],
      round: { name: 'round-1', phase: 'closed', closedAt: '2025-02-01T00:00:00Z' },
      kind: 'private',
      bootstrap: { resamples: 1000, seed: 7 },
      entries: [{ ...PUBLIC.entries[0]!, lower: 0.5, upper: 1, prizes: [] }],
    });
    expect(text.split('\n')[0]).toBe(
      'Sentiment, round-1, task sentiment (Sentiment; tasks: sentiment, rating): private leaderboard (closed 2025-02-01T00:00:00Z; bootstrap 1000 resamples, seed 7)',
    );
    expect(text).toContain('│ 1    │ owls │ 0.7500   │ 0.5000 – 1.0000 │ 2           │        │');
  });

  it('says why private results are withheld, and when nobody has submitted', () => {
    const text = renderLeaderboard({
      ...PUBLIC,
      withheld: { reason: 'round-2 still scores the same items' },
      entries: [],
    });
    expect(text).toBe(
      "Sentiment, round-1: public leaderboard (open; scores are the Ladder's releases; private results withheld: round-2 still scores the same items)\n(no submissions yet)\n",
    );
  });
});
