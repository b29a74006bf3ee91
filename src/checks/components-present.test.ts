import { describe, expect, it } from 'vitest';
import { collectEvidence, memoryPack } from '../scan/index.ts';
import { componentsPresent } from './components-present.ts';
import { buildEvidence } from './test-support/evidence-builder.ts';

describe('components-present', () => {
  it('passes when every released component is found', () => {
    const evidence = buildEvidence({
      components: {
        'model-card': { files: ['MODEL_CARD.md'] },
        'final-parameters': { files: ['model.safetensors'] },
      },
    });
    expect(componentsPresent.run(evidence)).toMatchObject({ score: 10, remediation: null });
  });

  it('scores the share of released components that are where the manifest says', () => {
    const evidence = buildEvidence({
      components: {
        'model-card': { files: ['MODEL_CARD.md'] },
        'final-parameters': { locations: ['weights/'], files: [], missing: ['weights/'] },
        'training-code': { locations: ['../outside'], files: [], escaping: ['../outside'] },
      },
    });
    const result = componentsPresent.run(evidence);
    expect(result.score).toBe(3);
    expect(result.details).toEqual([
      'final-parameters: "weights/" matches no file',
      'training-code: "../outside" points outside the pack',
    ]);
  });

  it('fails when nothing is released', () => {
    expect(componentsPresent.run(buildEvidence()).score).toBe(0);
  });

  it('points at the manifest line of each component that is not where it says', async () => {
    const evidence = await collectEvidence(
      memoryPack({
        'release-pack.yaml': [
          'spec: aperture.dev/release-pack/v1',
          'model: { name: Tiny, organization: Lab }',
          'components:',
          '  model-card: { status: released, location: CARD.md }',
          '  training-code: { status: released, location: gone/ }',
        ].join('\n'),
        'CARD.md': '# card',
      }),
    );
    const result = componentsPresent.run(evidence);
    expect(result.score).toBe(5);
    expect(result.evidence).toEqual([
      { file: 'release-pack.yaml', line: 5, note: 'training-code: not found' },
    ]);
  });
});
