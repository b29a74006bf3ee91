import { describe, expect, it } from 'vitest';
import type { Stage } from '../spec/index.ts';
import { runChecks } from './run-checks.ts';
import { stagedReleaseOnSchedule } from './staged-release-on-schedule.ts';
import { buildEvidence } from './test-support/evidence-builder.ts';

function plan(stages: Record<string, Stage>, asOf = '2025-06-01') {
  return buildEvidence({ stages, asOf });
}

describe('staged-release-on-schedule', () => {
  it('passes stages released on time or not yet due', () => {
    const result = stagedReleaseOnSchedule.run(
      plan({
        preprint: { planned: '2025-01-01', released: '2024-12-20' },
        code: { planned: '2025-03-01', released: '2025-03-01' },
        weights: { planned: '2025-09-01', released: null },
      }),
    );
    expect(result.score).toBe(10);
    expect(result.reason).toBe('all 3 stage(s) on schedule as of 2025-06-01');
    expect(result.remediation).toBeNull();
  });

  it('flags overdue stages with the days late', () => {
    const result = stagedReleaseOnSchedule.run(
      plan({
        preprint: { planned: '2025-01-01', released: '2025-01-01' },
        weights: { planned: '2025-05-02', released: null, reason: 'red-teaming' },
      }),
    );
    expect(result.score).toBe(5);
    expect(result.reason).toBe('1 of 2 stage(s) overdue as of 2025-06-01: weights (30 days late)');
    expect(result.details?.[0]).toBe(
      'overdue: weights was planned for 2025-05-02 and is 30 day(s) late (reason given: red-teaming)',
    );
    expect(result.evidence).toContainEqual({
      file: 'release-pack.yaml',
      note: 'stages.weights: overdue (30 days late)',
    });
  });

  it('notes stages released late with half credit', () => {
    const result = stagedReleaseOnSchedule.run(
      plan({
        code: { planned: '2025-01-01', released: '2025-01-11' },
        evals: { planned: '2025-02-01', released: '2025-02-01' },
      }),
    );
    expect(result.score).toBe(8);
    expect(result.details).toContain('released late: code came out 2025-01-11, 10 day(s) after 2025-01-01');
  });

  it('judges on the evidence date, not today', () => {
    const stages = { weights: { planned: '2030-01-01', released: null } };
    expect(stagedReleaseOnSchedule.run(plan(stages, '2029-12-31')).score).toBe(10);
    expect(stagedReleaseOnSchedule.run(plan(stages, '2030-01-31')).score).toBe(0);
  });

  it('asks for a plan when parts are unreleased and none is declared', () => {
    const result = stagedReleaseOnSchedule.run(
      buildEvidence({ components: { 'training-code': { files: ['train.py'] } } }),
    );
    expect(result.score).toBe(3);
    expect(result.reason).toContain('evaluation-code, final-parameters are not released');
    expect(result.remediation).toContain('preprint → code → evals → weights');
  });

  it('does not apply when code, evals and weights are all released', () => {
    const evidence = buildEvidence({
      components: {
        'training-code': { files: ['train.py'] },
        'evaluation-code': { files: ['eval.py'] },
        'final-parameters': { files: ['model.safetensors'] },
      },
    });
    expect(stagedReleaseOnSchedule.run(evidence).score).toBeNull();
  });

  it('fails on invalid dates instead of throwing', () => {
    const [outcome] = runChecks(
      buildEvidence({
        stages: {
          weights: { planned: 'soon', released: null } as Stage,
          code: { planned: '2025-13-45' } as Stage,
          evals: null as unknown as Stage,
        },
      }),
      [stagedReleaseOnSchedule],
    );
    expect(outcome!.reason).not.toContain('unexpectedly');
    expect(outcome!.score).toBe(0);
    expect(outcome!.details).toContain('invalid: weights: planned "soon" is not a YYYY-MM-DD date');
    const badDay = stagedReleaseOnSchedule.run(plan({ code: { planned: '2025-01-01' } }, 'yesterday'));
    expect(badDay).toMatchObject({
      score: 0,
      reason: expect.stringContaining('"yesterday" is not a YYYY-MM-DD date'),
    });
  });
});
