import { describe, expect, it } from 'vitest';
import { openWashedReport } from '../../test/fixtures/report-packs.ts';
import { checkPack } from '../checker/index.ts';
import { memoryPack } from '../scan/index.ts';
import { topFixes } from './top-fixes.ts';

const MANIFEST = `spec: aperture.dev/release-pack/v1
model: { name: Tiny, organization: Example Lab }
licenses: { distribution: Apache-2.0 }
components:
  final-parameters: { status: released, location: w.safetensors, license: llama3.1 }
  training-code: { status: restricted, location: train.py, reason: commercial }
  training-datasets: { status: described }
  model-card: { status: released, location: MISSING.md }
`;

describe('topFixes', () => {
  it('says what to do for each way a component falls short, most valuable first', async () => {
    const report = await checkPack(
      memoryPack({ 'release-pack.yaml': MANIFEST, 'w.safetensors': 'x', 'train.py': 'x' }),
      'm',
    );
    const fixes = topFixes(report.profile, report.checks, 50);
    const byFrom = (from: string) => fixes.find((fix) => fix.from === from)!.action;
    expect(byFrom('final-parameters')).toBe('Put the final parameters (weights) under an open license');
    expect(byFrom('training-code')).toBe('Lift the access restrictions on the training code');
    expect(byFrom('training-datasets')).toBe('Release the training datasets under an open license');
    expect(byFrom('model-card')).toMatch(
      /^Ship the model card where release-pack.yaml says it is \(declared released but not found/,
    );
    expect(byFrom('evaluation-code')).toBe(
      'Release the evaluation code (eval harness) under an open license',
    );
    // Failing critical and high checks come first.
    expect(fixes[0]!.risk === 'critical' || fixes[0]!.risk === 'high').toBe(true);
    const points = fixes.filter((fix) => fix.points !== null).map((fix) => fix.points!);
    expect(points).toEqual([...points].sort((a, b) => b - a));
  });

  it('keeps advice from not-applicable checks, after everything that moves points', async () => {
    const report = await checkPack(
      memoryPack({
        'release-pack.yaml': MANIFEST.replace('license: llama3.1', 'license: MIT'),
        'w.safetensors': 'x',
        'train.py': 'x',
      }),
      'm',
    );
    const fixes = topFixes(report.profile, report.checks, 100);
    const digest = fixes.findIndex((fix) => fix.from === 'checksums-match');
    expect(digest).toBeGreaterThan(-1);
    expect(fixes.slice(digest + 1).every((fix) => fix.points === null)).toBe(true);
  });

  it('asks for a part known only by a link to be made readable, under an open license when it is not', async () => {
    const report = await openWashedReport();
    const fixes = topFixes(report.profile, report.checks, 50);
    expect(fixes.find((fix) => fix.from === 'final-parameters')).toEqual({
      action:
        'Make the final parameters (weights) readable under an open license (only linked: https://huggingface.co/acme/acme-chat-8b-weights), so it is verified and earns its full points',
      from: 'final-parameters',
      points: 11.3,
      risk: null,
    });
    // An open component known only by a link needs reading, not relicensing.
    const open = report.profile.components.map((component) =>
      component.id === 'final-parameters'
        ? { ...component, rating: 'open' as const, license: { ...component.license, class: 'open' as const } }
        : component,
    );
    const action = topFixes({ ...report.profile, components: open }, [], 50).find(
      (fix) => fix.from === 'final-parameters',
    )!.action;
    expect(action).toBe(
      'Make the final parameters (weights) readable (only linked: https://huggingface.co/acme/acme-chat-8b-weights), so it is verified and earns its full points',
    );
  });
});
