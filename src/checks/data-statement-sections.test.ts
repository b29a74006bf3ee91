import { describe, expect, it } from 'vitest';
import { dataStatementSections } from './data-statement-sections.ts';
import { runChecks } from './run-checks.ts';
import { BINARY_LOOKING_TEXT, buildEvidence, writtenSection } from './test-support/evidence-builder.ts';

const HEADINGS = [
  'Curation rationale',
  'Sources and composition',
  'Collection process',
  'Preprocessing',
  'Licenses and consent',
  'Known limitations',
];

function withStatement(text: string) {
  return buildEvidence({
    components: { 'data-card': { files: ['DATA_STATEMENT.md'] } },
    documents: { 'DATA_STATEMENT.md': text },
  });
}

describe('data-statement-sections', () => {
  it('passes a statement with every section written', () => {
    const result = dataStatementSections.run(
      withStatement(HEADINGS.map((h) => writtenSection(h)).join('\n')),
    );
    expect(result.score).toBe(10);
    expect(result.evidence).toHaveLength(6);
  });

  it('accepts dataset-card aliases (Dataset Summary, Source Data, Personal and Sensitive Information)', () => {
    const card = [
      'Dataset Summary',
      'Dataset Structure',
      'Source Data',
      'Annotations',
      'Personal and Sensitive Information',
      'Considerations for Using the Data',
    ]
      .map((h) => writtenSection(h, 3))
      .join('\n');
    expect(dataStatementSections.run(withStatement(card)).score).toBe(10);
  });

  it('scores a partial statement and names the missing headings', () => {
    const result = dataStatementSections.run(
      withStatement(
        HEADINGS.slice(0, 2)
          .map((h) => writtenSection(h))
          .join('\n'),
      ),
    );
    expect(result.score).toBe(3);
    expect(result.details?.filter((line) => line.startsWith('missing:'))).toHaveLength(4);
    expect(result.details).toContainEqual(expect.stringContaining('"## Known limitations"'));
  });

  it('fails without a data statement', () => {
    const result = dataStatementSections.run(buildEvidence());
    expect(result.score).toBe(0);
    expect(result.remediation).toContain('DATA_STATEMENT.md');
  });

  it('does not judge the model card in its place', () => {
    const evidence = buildEvidence({
      components: { 'model-card': { files: ['MODEL_CARD.md'] } },
      documents: { 'MODEL_CARD.md': HEADINGS.map((h) => writtenSection(h)).join('\n') },
    });
    expect(dataStatementSections.run(evidence).score).toBe(0);
  });

  it('survives binary-looking and huge inputs', () => {
    expect(runChecks(withStatement(BINARY_LOOKING_TEXT), [dataStatementSections])[0]).toMatchObject({
      score: 0,
    });
    const huge = `## Curation rationale\n${'word '.repeat(200_000)}\n${'#'.repeat(7)} not a heading\n`;
    const result = dataStatementSections.run(withStatement(huge));
    expect(result.score).toBe(2);
  });
});
