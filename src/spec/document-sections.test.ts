import { describe, expect, it } from 'vitest';
import { coverSections, getDocumentDefinition } from './document-sections.ts';

const card = getDocumentDefinition('model-card');
const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

describe('coverSections', () => {
  it('finds written, empty and missing sections, under any accepted heading', () => {
    const markdown = [
      '---',
      'license: mit',
      '---',
      '# Tiny model',
      '## Model Details ##',
      words(20),
      '## Uses',
      '<!-- guidance only, does not count -->',
      '## Training Data',
      words(5),
      '### Sources',
      words(10),
      '## 4. Evaluation',
      words(30),
    ].join('\n');
    const coverage = coverSections(markdown, card);
    expect(coverage.written).toEqual(['model-details', 'training-data', 'evaluation']);
    expect(coverage.empty).toEqual(['intended-use']);
    expect(coverage.missing).toEqual(['limitations', 'license']);
    expect(coverage.lines['model-details']).toBe(5);
  });

  it('ignores headings inside code fences and counts checklist boxes', () => {
    const markdown = [
      '```',
      '# License',
      '```',
      '- [x] seeds fixed',
      '  - [ ] data hashed',
      '* [X] env pinned',
    ].join('\n');
    const coverage = coverSections(markdown, card);
    expect(coverage.missing).toContain('license');
    expect(coverage.checklist).toEqual({ total: 3, ticked: 2 });
  });

  it('keeps a hash that belongs to the heading text', () => {
    const coverage = coverSections(`# License #\n${words(15)}\n`, card);
    expect(coverage.written).toEqual(['license']);
  });

  it('takes a paragraph that is only a bold label for a heading, and nothing else in bold', () => {
    const markdown = [
      '# Granite-like model',
      '**Model Summary:**',
      words(15),
      '**Intended use:**',
      words(15),
      '**Training Data**',
      words(3),
      '## License',
      words(14),
      '**Note:** the label of a sentence, not a section: evaluation matters a lot here for everyone.',
      '- **Evaluation:** a list item is not a heading either, whatever it says about results here.',
    ].join('\n');
    const coverage = coverSections(markdown, card);
    expect(coverage.written).toEqual(['model-details', 'intended-use', 'license']);
    expect(coverage.empty).toEqual(['training-data']);
    expect(coverage.missing).toEqual(['evaluation', 'limitations']);
    expect(coverage.lines['intended-use']).toBe(4);
    const labelled = (line: string) => coverSections(`${line}\n${words(15)}\n`, card).written;
    expect(labelled('**Intended use** \t: \t')).toEqual(['intended-use']);
    expect(labelled('__Intended use__')).toEqual(['intended-use']);
    expect(labelled('**Intended use**::')).toEqual([]);
    expect(labelled('**Intended use** : x')).toEqual([]);
  });

  it('stays linear on hostile text', () => {
    const hostile = [
      `# ${' '.repeat(50_000)}x`,
      '<!--'.repeat(50_000),
      '\n'.repeat(200_000),
      `- ${' '.repeat(50_000)}`,
      `**${'a'.repeat(79)}${' '.repeat(50_000)}`,
      `**Intended use**${' '.repeat(200_000)}x`,
      `__Intended use__${' \t'.repeat(100_000)}:x`,
    ];
    for (const text of hostile) {
      const coverage = coverSections(text, card);
      expect(coverage.written).toEqual([]);
    }
  });
});
