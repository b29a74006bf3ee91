import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CheckReport, checkRelease } from '../checker/index.ts';
import { type JudgeInput, judgeDeliverable } from './judge-deliverable.ts';
import type { Requirement } from './program-schema.ts';

const EXAMPLES = path.resolve(import.meta.dirname, '../../examples');
let open: CheckReport;
let weightsOnly: CheckReport;

beforeAll(async () => {
  open = await checkRelease(path.join(EXAMPLES, 'open-science-pack'), { asOf: '2026-06-01' });
  weightsOnly = await checkRelease(path.join(EXAMPLES, 'open-weights-only'), { asOf: '2026-06-01' });
});

function input(requirement: Requirement, overrides: Partial<JudgeInput> = {}): JudgeInput {
  return {
    definition: { requirement, attached: null },
    recipient: 'Team A',
    source: 'examples/x',
    due: '2026-04-30',
    asOf: '2026-06-01',
    outcome: { kind: 'none' },
    contributions: null,
    ...overrides,
  };
}

const releasePack: Requirement = { id: 'release', kind: 'release-pack', minClass: 'II' };
const staged: Requirement = {
  id: 'staged',
  kind: 'staged-release',
  milestones: [
    { stage: 'preprint', due: '2026-02-28' },
    { stage: 'weights', due: '2026-04-30' },
  ],
};

describe('judgeDeliverable: release-pack', () => {
  it('passes a release that meets the class and records score and class', () => {
    const verdict = judgeDeliverable(input(releasePack, { outcome: { kind: 'checked', report: open } }));
    expect(verdict).toMatchObject({ status: 'pass', score: 100, mofClass: 'I', missing: [] });
  });

  it('fails a delivered release that falls short before the due date, naming unmet rules and fixes', () => {
    const verdict = judgeDeliverable(
      input(releasePack, { asOf: '2026-04-01', outcome: { kind: 'checked', report: weightsOnly } }),
    );
    expect(verdict.status).toBe('fail');
    expect(verdict.mofClass).toBe('III');
    expect(verdict.missing[0]).toMatch(/^MOF class III does not meet class II/);
    expect(verdict.report.fixes!.length).toBeGreaterThan(0);
  });

  it('is overdue once the due day has passed (as-of after due), pending before when nothing is delivered', () => {
    const short = { outcome: { kind: 'checked', report: weightsOnly } as const };
    expect(judgeDeliverable(input(releasePack, { ...short, asOf: '2026-04-30' })).status).toBe('fail');
    expect(judgeDeliverable(input(releasePack, { ...short, asOf: '2026-05-01' })).status).toBe('overdue');
    expect(judgeDeliverable(input(releasePack, { source: null, asOf: '2026-04-01' })).status).toBe('pending');
    expect(judgeDeliverable(input(releasePack, { source: null, asOf: '2026-05-01' })).status).toBe('overdue');
  });

  it('applies minScore and an inline policy through the checker gate', () => {
    const strict: Requirement = {
      id: 'release',
      kind: 'release-pack',
      minScore: 50,
      policy: { policy: 'aperture.dev/policy/v1', requireComponents: ['training-logs'] },
    };
    const verdict = judgeDeliverable(input(strict, { outcome: { kind: 'checked', report: weightsOnly } }));
    expect(verdict.status).toBe('overdue');
    expect(verdict.missing.join('\n')).toMatch(/openness score 45 < 50/);
    expect(verdict.missing.join('\n')).toMatch(/training-logs must be released/);
  });

  it('is unverifiable, never a pass, when the source cannot be reached', () => {
    const verdict = judgeDeliverable(
      input(releasePack, { outcome: { kind: 'unreachable', message: 'offline' } }),
    );
    expect(verdict.status).toBe('unverifiable');
  });
});

describe('judgeDeliverable: staged-release', () => {
  it('passes milestones released with evidence by their due dates', () => {
    const verdict = judgeDeliverable(input(staged, { outcome: { kind: 'checked', report: open } }));
    expect(verdict.status).toBe('pass');
    expect(verdict.report.timeline!.map((item) => item.state)).toEqual(['met', 'met']);
  });

  it('is overdue when a milestone due date passed unreleased, pending before it', () => {
    const report = { kind: 'checked', report: weightsOnly } as const;
    const after = judgeDeliverable(input(staged, { outcome: report, asOf: '2026-03-01' }));
    expect(after.status).toBe('overdue');
    expect(after.missing).toContain('stage preprint was due 2026-02-28 and is not released');
    const before = judgeDeliverable(input(staged, { outcome: report, asOf: '2026-02-01' }));
    expect(before.status).toBe('pending');
  });

  it('fails a milestone released after its due date', () => {
    const early: Requirement = {
      id: 'staged',
      kind: 'staged-release',
      milestones: [{ stage: 'weights', due: '2026-03-01' }],
    };
    const verdict = judgeDeliverable(input(early, { outcome: { kind: 'checked', report: open } }));
    expect(verdict.status).toBe('fail');
    expect(verdict.missing[0]).toMatch(/released 2026-03-16, after its due date 2026-03-01/);
  });
});

describe('judgeDeliverable: benchmark-contribution', () => {
  const benchmark: Requirement = { id: 'bench', kind: 'benchmark-contribution', benchmark: 'qa' };

  it('is unverifiable without an arena lookup', () => {
    const verdict = judgeDeliverable(input(benchmark));
    expect(verdict.status).toBe('unverifiable');
    expect(verdict.missing[0]).toMatch(/no ArenaContributionLookup configured/);
  });

  it('passes an accepted contribution by the due date, fails a late one, is overdue with none', () => {
    const on = [{ benchmark: 'qa', team: 'Team A', submittedAt: '2026-04-01T10:00:00Z', accepted: true }];
    expect(judgeDeliverable(input(benchmark, { contributions: on })).status).toBe('pass');
    const late = [{ ...on[0]!, submittedAt: '2026-05-10T10:00:00Z' }];
    expect(judgeDeliverable(input(benchmark, { contributions: late })).status).toBe('fail');
    const rejected = [{ ...on[0]!, accepted: false }];
    expect(judgeDeliverable(input(benchmark, { contributions: rejected })).status).toBe('overdue');
    const other = [{ ...on[0]!, benchmark: 'other' }];
    expect(judgeDeliverable(input(benchmark, { contributions: other, asOf: '2026-04-02' })).status).toBe(
      'pending',
    );
  });
});

describe('judgeDeliverable: knowledge-transfer', () => {
  const transfer: Requirement = {
    id: 'kt',
    kind: 'knowledge-transfer',
    goals: { talks: 2, coauthoredPreprints: 1 },
  };

  it('counts evidence links (duplicates once) and passes when every goal is met', () => {
    const evidence = {
      talks: ['https://example.org/talk-1', 'https://example.org/talk-2'],
      coauthoredPreprints: ['https://arxiv.org/abs/2601.00001'],
    };
    const verdict = judgeDeliverable({
      ...input(transfer),
      definition: { requirement: transfer, attached: { requirement: 'kt', evidence } },
    });
    expect(verdict.status).toBe('pass');
    expect(verdict.report.counts).toEqual({
      talks: { needed: 2, found: 2 },
      coauthoredPreprints: { needed: 1, found: 1 },
    });
  });

  it('is pending before the due date and overdue after it when a goal is short', () => {
    const attached = {
      requirement: 'kt',
      evidence: { talks: ['https://example.org/t', 'https://example.org/t'] },
    };
    const base = { ...input(transfer), definition: { requirement: transfer, attached } };
    const early = judgeDeliverable({ ...base, asOf: '2026-04-01' });
    expect(early.status).toBe('pending');
    expect(early.missing).toContain('1 more talk(s) with an evidence link (1 of 2)');
    expect(judgeDeliverable({ ...base, asOf: '2026-05-01' }).status).toBe('overdue');
  });
});
