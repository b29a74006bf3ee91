import { describe, expect, it } from 'vitest';
import { fenceTracker, markdownLines, REFERENCE_SECTION } from './markdown-fences.ts';

describe('fenceTracker', () => {
  it('closes a block only at a fence of the same character at least as long', () => {
    const inFence = fenceTracker();
    expect(
      ['````md', '```bash', '# not a heading', '```', '````', '# A heading', '~~~', 'x', '```', '~~~~'].map(
        inFence,
      ),
    ).toEqual([true, true, true, true, true, false, true, true, true, true]);
  });
});

describe('markdownLines', () => {
  const text = [
    'intro',
    '# Title',
    'text',
    '```',
    '## not a heading',
    '```',
    '### Results',
    '|a|',
    '## CRLF\r',
    'end',
  ].join('\n');

  it('tells fenced lines, fence lines, headings and the heading each line stands under', () => {
    expect(
      [...markdownLines(text)].map((at) => [
        at.index,
        at.fenced,
        at.isFenceLine,
        at.isHeading,
        at.heading,
        at.headingLevel,
      ]),
    ).toEqual([
      [0, false, false, false, '', 0],
      [1, false, false, true, 'Title', 1],
      [2, false, false, false, 'Title', 1],
      [3, true, true, false, 'Title', 1],
      [4, true, false, false, 'Title', 1],
      [5, true, true, false, 'Title', 1],
      [6, false, false, true, 'Results', 3],
      [7, false, false, false, 'Results', 3],
      // `(.*)$` stops at `\r`: as the walkers always read it, a CRLF line is no heading.
      [8, false, false, false, 'Results', 3],
      [9, false, false, false, 'Results', 3],
    ]);
  });

  it('starts further down when told, counting indexes from the top, and takes split lines', () => {
    const lines = text.split('\n');
    const walked = [...markdownLines(lines, 4)];
    expect(walked[0]).toMatchObject({ index: 4, line: '## not a heading', fenced: false, isHeading: true });
    // The fence at index 5 now opens a block.
    expect(walked.slice(1, 3).map((at) => at.fenced)).toEqual([true, true]);
  });
});

describe('REFERENCE_SECTION', () => {
  it('names sections that list other work, as whole words', () => {
    for (const heading of [
      'References',
      'Reference',
      'Bibliography',
      'Related work',
      'Acknowledgements',
      'Acknowledgments',
    ])
      expect(REFERENCE_SECTION.test(heading), heading).toBe(true);
    for (const heading of ['Citation', 'Preferences', 'Results', 'Relatedness'])
      expect(REFERENCE_SECTION.test(heading), heading).toBe(false);
  });
});
