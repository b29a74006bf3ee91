import { describe, expect, it } from 'vitest';
import { classifyLicense } from '../spec/index.ts';
import { licensesOpen } from './licenses-open.ts';
import { buildEvidence } from './test-support/evidence-builder.ts';

describe('licenses-open', () => {
  it('passes open licenses', () => {
    const evidence = buildEvidence({
      components: {
        'training-code': { files: ['train.py'], license: classifyLicense('MIT') },
        'training-datasets': { files: ['data.parquet'], license: classifyLicense('CC-BY-4.0') },
      },
    });
    expect(licensesOpen.run(evidence)).toMatchObject({ score: 10, remediation: null });
  });

  it('scores the share of open licenses and names the others', () => {
    const evidence = buildEvidence({
      components: {
        'training-code': { files: ['train.py'], license: classifyLicense('MIT') },
        'final-parameters': { files: ['m.bin'], license: classifyLicense('llama3.1') },
        'training-datasets': { files: ['d.parquet'], license: classifyLicense('CC-BY-NC-4.0') },
        'model-card': { files: ['README.md'], license: classifyLicense('Apache-2.0') },
      },
    });
    const result = licensesOpen.run(evidence);
    expect(result.score).toBe(5);
    expect(result.remediation).toContain('final-parameters, training-datasets');
    expect(result.details).toContainEqual(expect.stringMatching(/^training-datasets: restricted/));
  });

  it('does not apply when nothing is released', () => {
    expect(licensesOpen.run(buildEvidence()).score).toBeNull();
  });
});
