import { describe, expect, it } from 'vitest';
import { runChecks } from '../checks/index.ts';
import { collectEvidence, memoryPack } from '../scan/index.ts';
import { POLICY_SPEC } from '../spec/index.ts';
import { buildProfile } from './build-profile.ts';
import { evaluatePolicy, meetsClass } from './evaluate-policy.ts';

const WEIGHTS = 'not really weights, but bytes';

function manifest(components: string, extra = ''): string {
  return `spec: aperture.dev/release-pack/v1
model:
  name: Tiny
  organization: Example Lab
licenses:
  distribution: Apache-2.0
components:
${components}
${extra}`;
}

async function profileOf(files: Record<string, string>, asOf = '2026-01-01') {
  const evidence = await collectEvidence(memoryPack(files), { asOf });
  const outcomes = runChecks(evidence);
  return { profile: buildProfile(evidence, outcomes), outcomes };
}

describe('buildProfile', () => {
  it('rates released, restricted, withheld and missing components', async () => {
    const { profile } = await profileOf({
      'release-pack.yaml': manifest(`  final-parameters:
    status: released
    location: model.safetensors
  training-code:
    status: released
    location: train/
    license: llama3.1
  training-datasets:
    status: described
  evaluation-data:
    status: restricted
    location: https://example.org/gated
    reason: privacy
  model-card:
    status: released
    location: MODEL_CARD.md
  sample-outputs:
    status: not-applicable
  model-architecture:
    status: not-applicable`),
      'model.safetensors': WEIGHTS,
      'train/train.py': 'print("train")',
    });
    const rating = (id: string) => profile.components.find((component) => component.id === id)!;
    expect(rating('final-parameters')).toMatchObject({ rating: 'open', maxPoints: 15 });
    expect(rating('training-code')).toMatchObject({ rating: 'partial' });
    expect(rating('training-code').reason).toContain('llama3.1');
    expect(rating('training-datasets')).toMatchObject({ rating: 'partial' });
    expect(rating('evaluation-data')).toMatchObject({ rating: 'partial' });
    expect(rating('model-card')).toMatchObject({ rating: 'closed' });
    expect(rating('model-card').reason).toContain('not found');
    expect(rating('sample-outputs')).toMatchObject({ rating: 'not-applicable', maxPoints: 0, points: 0 });
    // MOF requires the architecture, so "not applicable" cannot excuse it.
    expect(rating('model-architecture')).toMatchObject({ rating: 'closed' });
    expect(rating('intermediate-checkpoints')).toMatchObject({ rating: 'closed', status: 'withheld' });
    expect(profile.inferred).toBe(false);
  });

  it('computes the score from component points, and every point traces to a component', async () => {
    const { profile } = await profileOf({
      'release-pack.yaml': manifest(`  final-parameters:
    status: released
    location: model.safetensors`),
      'model.safetensors': WEIGHTS,
    });
    const earned = profile.components.reduce((sum, component) => sum + component.points, 0);
    const available = profile.components.reduce((sum, component) => sum + component.maxPoints, 0);
    expect(available).toBe(100);
    expect(profile.score).toBe(Math.round(earned));
    expect(profile.score).toBeGreaterThan(0);
    expect(profile.mof.class).toBeNull();
    expect(profile.osaid.verdict).toBe('not-open-source-ai');
    expect(profile.osaid.parameters.met).toBe(true);
  });

  it('marks a release without a manifest as inferred', async () => {
    const { profile } = await profileOf({ 'README.md': '# A model\n' });
    expect(profile.inferred).toBe(true);
    expect(profile.components.every((component) => component.inferred)).toBe(true);
  });

  it('judges stages on the asOf day', async () => {
    const files = {
      'release-pack.yaml': manifest(
        `  model-card:
    status: withheld
    reason: other`,
        `stages:
  preprint:
    planned: 2025-01-01
    released: 2025-02-01
  weights:
    planned: 2025-06-01
    released: null`,
      ),
    };
    const before = await profileOf(files, '2025-05-01');
    expect(before.profile.stages.map((stage) => stage.state)).toEqual(['released-late', 'pending']);
    const after = await profileOf(files, '2025-06-11');
    expect(after.profile.stages[1]).toMatchObject({ state: 'overdue', daysLate: 10 });
  });
});

describe('evaluatePolicy', () => {
  it('names each unmet rule', async () => {
    const { profile, outcomes } = await profileOf({
      'release-pack.yaml': manifest(
        `  final-parameters:
    status: released
    location: model.safetensors
    license: llama3.1`,
        `stages:
  weights:
    planned: 2025-01-01
    released: null`,
      ),
      'model.safetensors': WEIGHTS,
    });
    const outcome = evaluatePolicy(
      {
        policy: POLICY_SPEC,
        name: 'grant',
        minScore: 50,
        minClass: 'II',
        requireOsaid: true,
        requireComponents: ['final-parameters', { component: 'evaluation-code', rating: 'open' }],
        allowedLicenseClasses: ['open'],
        requireStages: [
          { stage: 'weights', by: '2025-03-01' },
          { stage: 'code', by: '2030-01-01' },
        ],
        requireChecks: [{ check: 'manifest-valid', minScore: 10 }],
      },
      profile,
      outcomes,
    );
    expect(outcome.passed).toBe(false);
    const failed = outcome.rules.filter((rule) => !rule.passed).map((rule) => rule.rule);
    expect(failed).toEqual([
      'minScore',
      'minClass',
      'requireOsaid',
      'requireComponents.evaluation-code',
      'allowedLicenseClasses',
      'requireStages.weights',
    ]);
    const passed = outcome.rules.filter((rule) => rule.passed).map((rule) => rule.rule);
    expect(passed).toEqual([
      'requireComponents.final-parameters',
      'requireStages.code',
      'requireChecks.manifest-valid',
    ]);
    expect(outcome.rules.find((rule) => rule.rule === 'allowedLicenseClasses')!.message).toContain(
      'final-parameters (restricted)',
    );
  });

  it('orders MOF classes from I (most open) to III', () => {
    expect(meetsClass('I', 'III')).toBe(true);
    expect(meetsClass('III', 'II')).toBe(false);
    expect(meetsClass('II', 'II')).toBe(true);
    expect(meetsClass(null, 'III')).toBe(false);
  });
});
