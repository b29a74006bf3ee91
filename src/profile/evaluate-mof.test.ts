import { describe, expect, it } from 'vitest';
import { COMPONENT_IDS, type ComponentId, classifyLicense } from '../spec/index.ts';
import { evaluateMof, mofRequiredComponents } from './evaluate-mof.ts';

function inputs(overrides: Partial<Record<ComponentId, { included?: boolean; license?: string }>> = {}) {
  return COMPONENT_IDS.map((id) => ({
    id,
    included: overrides[id]?.included ?? true,
    license: classifyLicense(overrides[id]?.license ?? 'Apache-2.0'),
  }));
}

describe('evaluateMof', () => {
  it('requires 6, 10 and 14 components for classes III, II and I, as the Model Openness Tool does', () => {
    expect(mofRequiredComponents(3)).toHaveLength(6);
    expect(mofRequiredComponents(2)).toHaveLength(10);
    expect(mofRequiredComponents(1)).toHaveLength(14);
    expect(mofRequiredComponents(3)).toEqual([
      'model-architecture',
      'final-parameters',
      'evaluation-results',
      'model-card',
      'data-card',
      'technical-report',
    ]);
  });

  it('gives class I when everything required is included under open licenses', () => {
    const result = evaluateMof(inputs());
    expect(result.class).toBe('I');
    expect(result.progress).toEqual({ I: 100, II: 100, III: 100 });
  });

  it('falls to class II when a class I component is missing, with progress per class', () => {
    const result = evaluateMof(inputs({ 'research-paper': { included: false } }));
    expect(result.class).toBe('II');
    expect(result.progress.I).toBe(92.9);
    expect(result.unmet.I).toEqual([{ id: 'research-paper', problem: 'missing' }]);
  });

  it('counts restrictive licenses as not open', () => {
    const result = evaluateMof(inputs({ 'final-parameters': { license: 'llama3.1' } }));
    expect(result.class).toBeNull();
    expect(result.unmet.III).toEqual([{ id: 'final-parameters', problem: 'not-open' }]);
    expect(result.progress.III).toBe(83.3);
  });

  it('ignores optional components (supporting libraries, sample outputs, model metadata) and non-MOF ones', () => {
    const result = evaluateMof(
      inputs({
        'supporting-libraries': { included: false },
        'sample-outputs': { included: false },
        'model-metadata': { included: false },
        'training-logs': { included: false },
        'safety-notes': { included: false },
      }),
    );
    expect(result.class).toBe('I');
  });

  it('reaches class III with only the class III components', () => {
    const classThree = new Set(mofRequiredComponents(3));
    const overrides = Object.fromEntries(
      COMPONENT_IDS.filter((id) => !classThree.has(id)).map((id) => [id, { included: false }]),
    );
    const result = evaluateMof(inputs(overrides));
    expect(result.class).toBe('III');
    // The Model Openness Tool reports no progress for class I until class II is met.
    expect(result.progress).toEqual({ III: 100, II: 60, I: 0 });
  });

  it('lets an open research paper stand in for a technical report that is not open', () => {
    const result = evaluateMof(inputs({ 'technical-report': { included: false } }));
    expect(result.class).toBe('I');
    expect(result.progress).toEqual({ I: 100, II: 100, III: 100 });
    expect(result.unmet).toEqual({ I: [], II: [], III: [] });
    const restricted = evaluateMof(inputs({ 'technical-report': { license: 'llama3.1' } }));
    expect(restricted.class).toBe('I');
  });

  it('counts the technical report when the research paper is not open either', () => {
    const result = evaluateMof(
      inputs({ 'technical-report': { included: false }, 'research-paper': { license: 'llama3.1' } }),
    );
    expect(result.class).toBeNull();
    expect(result.progress).toEqual({ III: 83.3, II: 0, I: 0 });
    expect(result.unmet.III).toEqual([{ id: 'technical-report', problem: 'missing' }]);
  });

  it('drops the report from class I only when the paper replaces it (13 required instead of 14)', () => {
    const result = evaluateMof(
      inputs({ 'technical-report': { included: false }, 'training-datasets': { included: false } }),
    );
    expect(result.class).toBe('II');
    expect(result.progress.I).toBe(92.3); // 12 of 13
  });

  it('reports 0 progress for class II until class III is met', () => {
    const result = evaluateMof(inputs({ 'model-card': { included: false } }));
    expect(result.class).toBeNull();
    expect(result.progress).toEqual({ III: 83.3, II: 0, I: 0 });
    expect(result.unmet.II).toEqual([{ id: 'model-card', problem: 'missing' }]);
  });
});
