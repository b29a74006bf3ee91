import { describe, expect, it } from 'vitest';
import { ComponentFindings } from './component-findings.ts';

describe('ComponentFindings', () => {
  it('merges findings of one component: strongest status, all locations, first license', () => {
    const findings = new ComponentFindings();
    findings.add({
      id: 'training-datasets',
      status: 'described',
      locations: ['https://a'],
      evidence: [{ note: 'a' }],
    });
    findings.add({
      id: 'training-datasets',
      status: 'released',
      locations: ['data', 'https://a'],
      license: 'CC-BY-4.0',
      evidence: [{ note: 'b' }],
    });
    findings.add({
      id: 'training-datasets',
      status: 'described',
      locations: [],
      evidence: [],
      license: 'MIT',
    });
    expect(findings.list()).toEqual([
      {
        id: 'training-datasets',
        status: 'released',
        locations: ['https://a', 'data'],
        license: 'CC-BY-4.0',
        evidence: [{ note: 'a' }, { note: 'b' }],
      },
    ]);
  });

  it('caps the evidence kept per component', () => {
    const findings = new ComponentFindings();
    for (let i = 0; i < 20; i++)
      findings.add({
        id: 'model-card',
        status: 'released',
        locations: ['README.md'],
        evidence: [{ note: `${i}` }],
      });
    expect(findings.get('model-card')!.evidence).toHaveLength(8);
    expect(findings.has('safety-notes')).toBe(false);
  });
});
