import { describe, expect, it } from 'vitest';
import { modelCardSections } from './model-card-sections.ts';
import { runChecks } from './run-checks.ts';
import { BINARY_LOOKING_TEXT, buildEvidence, writtenSection } from './test-support/evidence-builder.ts';

const FULL_CARD = [
  '---\nlicense: apache-2.0\n---',
  '# Test model',
  writtenSection('Model details'),
  writtenSection('Intended use'),
  writtenSection('Training data'),
  writtenSection('Evaluation'),
  writtenSection('Limitations and risks'),
  writtenSection('License'),
].join('\n');

function withCard(text: string, path = 'MODEL_CARD.md') {
  return buildEvidence({ components: { 'model-card': { files: [path] } }, documents: { [path]: text } });
}

describe('model-card-sections', () => {
  it('passes a card with every required section written', () => {
    const result = modelCardSections.run(withCard(FULL_CARD));
    expect(result.score).toBe(10);
    expect(result.remediation).toBeNull();
    expect(result.evidence).toContainEqual({
      file: 'MODEL_CARD.md',
      line: 9,
      note: 'Intended use (written)',
    });
  });

  it('accepts Hugging Face aliases in a README.md model card', () => {
    const readme = [
      '# Model Card',
      writtenSection('Model Description'),
      writtenSection('Uses'),
      writtenSection('Training Details'),
      writtenSection('Evaluation Results'),
      writtenSection('Bias, Risks, and Limitations'),
      writtenSection('Licence'),
    ].join('\n');
    expect(modelCardSections.run(withCard(readme, 'README.md')).score).toBe(10);
  });

  it('scores written sections out of six and names each missing or empty heading', () => {
    const card = [
      '# Card',
      writtenSection('Model details'),
      writtenSection('Intended use'),
      writtenSection('Training data'),
      '## Evaluation\n\nTBD\n',
    ].join('\n');
    const result = modelCardSections.run(withCard(card));
    expect(result.score).toBe(5);
    expect(result.reason).toContain('3 of 6');
    expect(result.details).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^empty: "## Evaluation" at MODEL_CARD.md:\d+/),
        expect.stringMatching(/^missing: add "## Limitations and risks"/),
        expect.stringMatching(/^missing: add "## License"/),
      ]),
    );
    expect(result.remediation).toContain('"Evaluation"');
  });

  it('merges sections spread over several Markdown files of the component', () => {
    const evidence = buildEvidence({
      components: { 'model-card': { files: ['card/a.md', 'card/b.md', 'card/figure.png'] } },
      documents: {
        'card/a.md': [
          writtenSection('Model details'),
          writtenSection('Intended use'),
          writtenSection('Training data'),
        ].join('\n'),
        'card/b.md': [
          writtenSection('Evaluation'),
          writtenSection('Limitations'),
          writtenSection('License'),
        ].join('\n'),
      },
    });
    expect(modelCardSections.run(evidence).score).toBe(10);
  });

  it('fails when there is no model card, saying how to write one', () => {
    const result = modelCardSections.run(buildEvidence());
    expect(result.score).toBe(0);
    expect(result.reason).toBe('no model card: not listed in release-pack.yaml');
    const withheld = buildEvidence({ components: { 'model-card': { status: 'withheld', reason: 'legal' } } });
    expect(modelCardSections.run(withheld).reason).toBe('no model card: it is withheld (legal)');
    expect(result.remediation).toContain('MODEL_CARD.md');
  });

  it('fails when the declared model card is missing from the pack', () => {
    const evidence = buildEvidence({
      components: { 'model-card': { locations: ['MODEL_CARD.md'], files: [], missing: ['MODEL_CARD.md'] } },
    });
    const result = modelCardSections.run(evidence);
    expect(result.score).toBe(0);
    expect(result.reason).toContain('matches no file');
  });

  it('gives partial credit to a card that is only a PDF or a URL', () => {
    const pdf = buildEvidence({ components: { 'model-card': { files: ['card.pdf'] } } });
    expect(modelCardSections.run(pdf)).toMatchObject({
      score: 3,
      reason: expect.stringContaining('not Markdown'),
    });
    const url = buildEvidence({
      components: { 'model-card': { locations: ['https://example.org/card'], files: [] } },
    });
    expect(modelCardSections.run(url)).toMatchObject({ score: 3, reason: expect.stringContaining('URL') });
  });

  it('reports an empty file as empty', () => {
    const result = modelCardSections.run(withCard(''));
    expect(result.score).toBe(0);
    expect(result.reason).toContain('is empty');
  });

  it('survives binary-looking text and a card the collector could not read', () => {
    const garbage = runChecks(withCard(BINARY_LOOKING_TEXT), [modelCardSections])[0]!;
    expect(garbage.score).toBe(0);
    expect(garbage.reason).not.toContain('unexpectedly');
    const unread = buildEvidence({ components: { 'model-card': { files: ['MODEL_CARD.md'] } } });
    expect(modelCardSections.run(unread)).toMatchObject({
      score: 0,
      reason: expect.stringContaining('UTF-8'),
    });
  });

  it('does not count headings inside code fences or words inside comments', () => {
    const card = `\`\`\`\n## Model details\n${'word '.repeat(20)}\n\`\`\`\n## Intended use\n<!-- ${'hidden '.repeat(30)} -->\n`;
    const result = modelCardSections.run(withCard(card));
    expect(result.score).toBe(0);
    expect(result.details).toContainEqual(expect.stringMatching(/^empty: "## Intended use"/));
  });

  it('notes a card that was only read in part', () => {
    const evidence = buildEvidence({
      components: { 'model-card': { files: ['MODEL_CARD.md'] } },
      documents: { 'MODEL_CARD.md': { text: FULL_CARD, truncated: true } },
    });
    expect(modelCardSections.run(evidence).details).toContain(
      'MODEL_CARD.md: only the first 2 MiB were read',
    );
  });
});
