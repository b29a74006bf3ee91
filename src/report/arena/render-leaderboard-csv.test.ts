import { describe, expect, it } from 'vitest';
import { renderLeaderboardCsv } from './render-leaderboard-csv.ts';

describe('renderLeaderboardCsv', () => {
  it('writes the header and one row per team, eligible tracks separated by spaces', () => {
    const csv = renderLeaderboardCsv([
      {
        rank: 1,
        team: 'owls',
        score: 0.75,
        lower: 0.5,
        upper: 1,
        submissions: 2,
        lastSubmissionAt: '2025-01-02T00:00:00Z',
        prizes: [
          { track: 'open-model', eligible: true },
          { track: 'open-data', eligible: false },
          { track: 'open-science', eligible: true },
        ],
      },
      {
        rank: 2,
        team: 'foxes',
        score: 0.5,
        lower: null,
        upper: null,
        submissions: 1,
        lastSubmissionAt: '2025-01-03T00:00:00Z',
        prizes: [],
      },
    ]);
    expect(csv).toBe(
      [
        'rank,team,score,lower,upper,submissions,lastSubmissionAt,prizes',
        '1,owls,0.75,0.5,1,2,2025-01-02T00:00:00Z,open-model open-science',
        '2,foxes,0.5,,,1,2025-01-03T00:00:00Z,',
        '',
      ].join('\n'),
    );
  });

  it('neutralises a team name that a spreadsheet would run as a formula', () => {
    const csv = renderLeaderboardCsv([
      {
        rank: 1,
        team: '=HYPERLINK("x")',
        score: 1,
        lower: null,
        upper: null,
        submissions: 1,
        lastSubmissionAt: '2025-01-02T00:00:00Z',
        prizes: [],
      },
    ]);
    expect(csv.split('\n')[1]).not.toMatch(/^1,=/);
  });
});
