import { describe, expect, it } from 'vitest';
import { renderProgram } from './render-program.ts';

describe('renderProgram', () => {
  it('prints the program, its requirements, then its awards with an empty cell for a missing country', () => {
    const text = renderProgram({
      id: 'oaf',
      name: 'Open Artifacts',
      kind: 'fellowship',
      demo: false,
      funder: 'Funder',
      totalBudget: 100,
      currency: 'EUR',
      computeBudgetGpuHours: 50,
      requirements: [
        { id: 'open-release', kind: 'release-pack', title: 'An open release' },
        { id: 'bench', kind: 'benchmark-contribution' },
      ],
      awards: [
        {
          id: 'a-1',
          recipient: 'Ada',
          country: null,
          money: 10,
          computeGpuHours: 5,
          endDate: '2026-12-31',
          status: { pass: 1, pending: 1 },
        },
      ],
    });
    expect(text).toBe(
      [
        'Open Artifacts (oaf): fellowship',
        'Funder: Funder; budget 100 EUR and 50 GPU-hours',
        '',
        'Requirements:',
        '  open-release (release-pack): An open release',
        '  bench (benchmark-contribution)',
        '',
        '┌───────┬───────────┬─────────┬───────┬───────────┬────────────┬───────────────────┐',
        '│ Award │ Recipient │ Country │ Money │ GPU-hours │ Ends       │ Deliverables      │',
        '│ a-1   │ Ada       │         │ 10    │ 5         │ 2026-12-31 │ 1 pass, 1 pending │',
        '└───────┴───────────┴─────────┴───────┴───────────┴────────────┴───────────────────┘',
        '',
      ].join('\n'),
    );
  });
});
