import { describe, expect, it } from 'vitest';
import {
  renderVerification,
  type VerificationView,
  type VerifiedDeliverableView,
} from './render-verification.ts';

const PASS: VerifiedDeliverableView = {
  program: 'oaf',
  award: 'a-1',
  requirement: 'open-release',
  due: '2026-06-30',
  status: 'pass',
  score: 81.25,
  mofClass: 'II',
  missing: [],
  fixes: [],
};

const RUN: VerificationView = {
  runId: 3,
  asOf: '2026-07-01',
  resumed: false,
  skipped: 0,
  results: [PASS],
  counts: { pass: 1, fail: 0 },
};

describe('renderVerification', () => {
  it('prints the run, a row per deliverable and the summary', () => {
    expect(renderVerification(RUN)).toBe(
      [
        'verification run 3 as of 2026-07-01',
        '',
        '┌─────────┬───────┬──────────────┬────────────┬────────┬───────┬───────┐',
        '│ Program │ Award │ Deliverable  │ Due        │ Status │ Score │ Class │',
        '│ oaf     │ a-1   │ open-release │ 2026-06-30 │ pass   │ 81.25 │ II    │',
        '└─────────┴───────┴──────────────┴────────────┴────────┴───────┴───────┘',
        '',
        'Summary: 1 pass',
        '',
      ].join('\n'),
    );
  });

  it('explains failing, overdue and unverifiable deliverables, and a resumed run', () => {
    const text = renderVerification({
      ...RUN,
      resumed: true,
      skipped: 2,
      results: [
        { ...PASS, status: 'fail', missing: ['training-code is closed'], fixes: ['publish the code'] },
        { ...PASS, requirement: 'staged', status: 'overdue', score: null, mofClass: null },
        { ...PASS, requirement: 'bench', status: 'unverifiable', missing: ['hf:org/x is unreachable'] },
      ],
      counts: { pass: 0, fail: 1, overdue: 1, unverifiable: 1 },
    });
    expect(text.split('\n')[0]).toBe(
      'verification run 3 as of 2026-07-01 (resumed; 2 deliverable(s) already recorded)',
    );
    expect(text).toContain(
      [
        'Failing and overdue deliverables:',
        '  a-1 / open-release: FAIL (due 2026-06-30)',
        '    - training-code is closed',
        '    fix: publish the code',
        '  a-1 / staged: OVERDUE (due 2026-06-30)',
        '',
        'Unverifiable (not counted as passing): 1; e.g. hf:org/x is unreachable',
        '',
        'Summary: 1 fail, 1 overdue, 1 unverifiable',
        '',
      ].join('\n'),
    );
  });

  it('says when there was nothing to verify', () => {
    expect(renderVerification({ ...RUN, results: [], counts: { pass: 0 } })).toMatch(
      /\nSummary: no deliverables\n$/,
    );
  });
});
