import { describe, expect, it } from 'vitest';
import { renderProgramList } from './render-program-list.ts';

describe('renderProgramList', () => {
  it('prints one row per program, marking demos and counting deliverables by status', () => {
    expect(
      renderProgramList([
        {
          id: 'oaf',
          demo: true,
          kind: 'fellowship',
          funder: 'Demo Funder',
          totalBudget: 1000,
          currency: 'EUR',
          awardCount: 2,
          status: { pass: 1, fail: 0, unchecked: 3 },
        },
        {
          id: 'grant',
          demo: false,
          kind: 'grant',
          funder: 'F',
          totalBudget: 5,
          currency: 'USD',
          awardCount: 0,
          status: { pass: 0 },
        },
      ]),
    ).toBe(
      [
        '┌────────────┬────────────┬─────────────┬──────────┬────────┬─────────────────────┐',
        '│ Program    │ Kind       │ Funder      │ Budget   │ Awards │ Deliverables        │',
        '│ oaf (demo) │ fellowship │ Demo Funder │ 1000 EUR │ 2      │ 1 pass, 3 unchecked │',
        '│ grant      │ grant      │ F           │ 5 USD    │ 0      │ none                │',
        '└────────────┴────────────┴─────────────┴──────────┴────────┴─────────────────────┘',
        '',
      ].join('\n'),
    );
  });

  it('says how to load programs when none are stored', () => {
    expect(renderProgramList([])).toBe(
      'no programs stored; load some with `aperture programs load programs/`\n',
    );
  });
});
