import { describe, expect, it } from 'vitest';
import { coverSections, DOCUMENTS } from '../../spec/index.ts';
import { writtenSection } from '../test-support/evidence-builder.ts';
import { hardenMarkdown } from './harden-markdown.ts';

const DOCS: Record<string, string> = {
  plain: DOCUMENTS[0]!.sections.map((section) => writtenSection(section.heading)).join('\n'),
  frontMatterAndComments: `---\nlicense: mit\ntags: [a]\n---\n\n# Card\n<!-- guidance ${'word '.repeat(20)} -->\n## Model details\n\nShort.\n<!-- a\nmulti-line\ncomment -->\n## Intended use ##\n${'use '.repeat(15)}\n<!-- unclosed`,
  crlf: `# Card\r\n\r\n## 1. Model   details\r\n${'word '.repeat(13)}\r\n\r\n### 1.1 Architecture\r\n\r\n## Training  data #\r\n`,
  subheadings: `## Evaluation\n### 2.1 **Results**: MMLU\n| a | b |\n|---|---|\n### C# and C## notes\ntext\n## License\nMIT`,
  checklists: `# Reproducibility\n\n- [x] seeds\n  - [ ] nested\n* [X] star\n-  [x] two spaces\n\n\n   \n- [ ] after blanks\n`,
  fences:
    '## Model details\n```python\n# a comment    with  spaces\n## not a heading\n```\n## Intended use\n',
  oddHeadings: '##\n## \n##  \n#\tTabbed\tHeading\n####### seven\n#NoSpace\n## ##\n##   #  \n',
};

describe('hardenMarkdown', () => {
  for (const [name, text] of Object.entries(DOCS)) {
    it(`changes nothing coverSections finds in ${name}`, () => {
      for (const definition of DOCUMENTS) {
        expect(coverSections(hardenMarkdown(text), definition)).toEqual(coverSections(text, definition));
      }
    });
  }

  it('keeps line numbers', () => {
    for (const text of Object.values(DOCS)) {
      expect(hardenMarkdown(text).split('\n')).toHaveLength(text.split('\n').length);
    }
  });

  it('defuses inputs on which coverSections backtracks for minutes', () => {
    const definition = DOCUMENTS[0]!;
    const hostile = [
      `# a${' '.repeat(200_000)}b\n`,
      `# a${'#'.repeat(200_000)}b\n`,
      '<!--'.repeat(100_000),
      '\n'.repeat(200_000),
      ' \n'.repeat(100_000),
    ];
    for (const text of hostile) {
      // Completing at all is the assertion: unhardened, these take from minutes to hours.
      expect(coverSections(hardenMarkdown(text), definition).missing.length).toBeGreaterThan(0);
    }
  });
});
