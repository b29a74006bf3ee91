import { describe, expect, it } from 'vitest';
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
});
