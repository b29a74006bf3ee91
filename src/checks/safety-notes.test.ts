import { describe, expect, it } from 'vitest';
import { safetyNotes } from './safety-notes.ts';
import { BINARY_LOOKING_TEXT, buildEvidence, writtenSection } from './test-support/evidence-builder.ts';

const ALL = ['Risk assessment', 'Safety evaluations', 'Mitigations', 'Release decision', 'Reporting issues'];

function notes(headings: string[], withheldForSafety = false) {
  return buildEvidence({
    components: {
      'safety-notes': { files: ['SAFETY_NOTES.md'] },
      ...(withheldForSafety ? { 'final-parameters': { status: 'withheld', reason: 'safety' } } : {}),
    },
    documents: { 'SAFETY_NOTES.md': headings.map((h) => writtenSection(h)).join('\n') },
  });
}

describe('safety-notes', () => {
  it('passes complete notes', () => {
    expect(safetyNotes.run(notes(ALL)).score).toBe(10);
    expect(safetyNotes.run(notes(ALL, true)).score).toBe(10);
  });

  it('scores partial notes by sections written', () => {
    const result = safetyNotes.run(notes(['Risk assessment', 'Mitigations', 'Reporting issues']));
    expect(result.score).toBe(6);
    expect(result.details).toContainEqual(expect.stringContaining('"## Release decision"'));
  });

  it('caps notes that do not explain a withholding for safety', () => {
    const result = safetyNotes.run(
      notes(['Risk assessment', 'Safety evaluations', 'Mitigations', 'Reporting issues'], true),
    );
    expect(result.score).toBe(5);
    expect(result.reason).toContain('final-parameters is withheld for safety');
    expect(result.details?.[0]).toContain('release-decision');
    expect(result.remediation).toContain('Release decision');
  });

  it('fails when components are withheld for safety and there are no notes', () => {
    const evidence = buildEvidence({
      components: {
        'training-datasets': { status: 'restricted', reason: 'safety', files: ['data/x.parquet'] },
      },
    });
    const result = safetyNotes.run(evidence);
    expect(result.score).toBe(0);
    expect(result.reason).toMatch(/training-datasets is withheld for safety, but there are no safety notes/);
  });

  it('ignores components withheld for other reasons', () => {
    const evidence = buildEvidence({
      components: {
        'safety-notes': { files: ['SAFETY_NOTES.md'] },
        'training-datasets': { status: 'withheld', reason: 'legal' },
      },
      documents: {
        'SAFETY_NOTES.md': ALL.slice(0, 3)
          .map((h) => writtenSection(h))
          .join('\n'),
      },
    });
    expect(safetyNotes.run(evidence).score).toBe(6);
  });

  it('fails without notes and survives garbage', () => {
    expect(safetyNotes.run(buildEvidence()).score).toBe(0);
    const garbage = buildEvidence({
      components: { 'safety-notes': { files: ['SAFETY_NOTES.md'] } },
      documents: { 'SAFETY_NOTES.md': BINARY_LOOKING_TEXT },
    });
    expect(safetyNotes.run(garbage).score).toBe(0);
  });
});
