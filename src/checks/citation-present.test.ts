import { describe, expect, it } from 'vitest';
import { citationPresent } from './citation-present.ts';
import { runChecks } from './run-checks.ts';
import { BINARY_LOOKING_TEXT, buildEvidence } from './test-support/evidence-builder.ts';

const CFF = `cff-version: 1.2.0
message: If you use this model, please cite it.
title: Test model
authors:
  - family-names: Lovelace
    given-names: Ada
`;

function cff(text: string) {
  return buildEvidence({ documents: { 'CITATION.cff': text } });
}

describe('citation-present', () => {
  it('passes a manifest citation', () => {
    const evidence = buildEvidence({ citation: { title: 'Test model', authors: [{ name: 'Test Lab' }] } });
    const result = citationPresent.run(evidence);
    expect(result.score).toBe(10);
    expect(result.evidence).toContainEqual({ file: 'release-pack.yaml', note: 'citation' });
  });

  it('passes a CITATION.cff with title and authors, pointing at their lines', () => {
    const result = citationPresent.run(cff(CFF));
    expect(result.score).toBe(10);
    expect(result.evidence).toEqual([
      { file: 'CITATION.cff', line: 3, note: 'title' },
      { file: 'CITATION.cff', line: 5, note: 'authors' },
    ]);
    expect(result.details).toBeUndefined();
  });

  it('notes missing cff-version and message without failing', () => {
    const result = citationPresent.run(cff('title: T\nauthors:\n  - name: Lab\n'));
    expect(result.score).toBe(10);
    expect(result.details).toContainEqual(expect.stringContaining('no cff-version'));
  });

  it('gives partial credit to an incomplete CITATION.cff', () => {
    const result = citationPresent.run(cff('cff-version: 1.2.0\ntitle: T\nauthors:\n  - given-names: Ada\n'));
    expect(result.score).toBe(4);
    expect(result.reason).toBe('CITATION.cff lacks authors (family-names or name)');
  });

  it('reports a CITATION.cff that is not YAML, with the line', () => {
    const result = citationPresent.run(cff('title: "unclosed\nauthors: [\n'));
    expect(result.score).toBe(2);
    expect(result.evidence[0]).toMatchObject({ file: 'CITATION.cff' });
    expect(result.reason).toMatch(/^CITATION\.cff(:\d+)? cannot be read/);
  });

  it('fails without any citation', () => {
    expect(citationPresent.run(buildEvidence())).toMatchObject({
      score: 0,
      reason: expect.stringContaining('no citation'),
    });
  });

  it('survives binary, empty, scalar and unreadable CITATION.cff files', () => {
    for (const text of [BINARY_LOOKING_TEXT, '', '42', '- a\n- b\n', `a: &a [${'*a,'.repeat(200)}]`]) {
      const [outcome] = runChecks(cff(text), [citationPresent]);
      expect(outcome!.reason, JSON.stringify(text.slice(0, 10))).not.toContain('unexpectedly');
      expect(outcome!.score).toBeLessThan(10);
    }
    const unreadable = citationPresent.run(buildEvidence({ extraFiles: { 'CITATION.cff': 10 } }));
    expect(unreadable).toMatchObject({ score: 2, reason: expect.stringContaining('UTF-8') });
  });
});
