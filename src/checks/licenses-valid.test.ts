import { describe, expect, it } from 'vitest';
import { classifyLicense } from '../spec/index.ts';
import { licensesValid } from './licenses-valid.ts';
import { buildEvidence } from './test-support/evidence-builder.ts';

describe('licenses-valid', () => {
  it('passes SPDX expressions and catalogued AI licenses', () => {
    const evidence = buildEvidence({
      components: {
        'training-code': { files: ['train.py'], license: classifyLicense('Apache-2.0 OR MIT') },
        'final-parameters': { files: ['model.safetensors'], license: classifyLicense('llama3.1') },
      },
    });
    expect(licensesValid.run(evidence)).toMatchObject({ score: 10, remediation: null });
  });

  it('names licenses that are missing, unknown or not written as identifiers', () => {
    const evidence = buildEvidence({
      components: {
        'training-code': { files: ['train.py'], license: classifyLicense('Apache 2.0') },
        'final-parameters': { files: ['m.bin'], license: classifyLicense(null) },
        'model-card': { files: ['README.md'], license: classifyLicense('\u0000my license') },
        'inference-code': { files: ['infer.py'] },
      },
    });
    const result = licensesValid.run(evidence);
    expect(result.score).toBe(3);
    expect(result.details).toContain('training-code: "Apache 2.0" should be written Apache-2.0');
    expect(result.details).toContain('final-parameters: no license');
  });

  it('does not apply when nothing is released', () => {
    expect(licensesValid.run(buildEvidence()).score).toBeNull();
  });
});
