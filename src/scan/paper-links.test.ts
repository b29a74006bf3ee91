import { describe, expect, it } from 'vitest';
import type { ReleaseEvidence, ResolvedComponent, TextDocument } from '../spec/index.ts';
import { findPaperLinks, normalisePaperLink } from './paper-links.ts';

function documents(texts: Record<string, string>): Record<string, TextDocument> {
  return Object.fromEntries(
    Object.entries(texts).map(([path, text]) => [path, { path, text, truncated: false }]),
  );
}

describe('normalisePaperLink', () => {
  it.each([
    ['arXiv:2402.00838', 'https://arxiv.org/abs/2402.00838'],
    ['arxiv.org/pdf/2402.00838.pdf', 'https://arxiv.org/abs/2402.00838'],
    ['https://www.arxiv.org/abs/2402.00838.', 'https://arxiv.org/abs/2402.00838'],
    ['doi.org/10.5555/a', 'https://doi.org/10.5555/a'],
    ['https://dx.doi.org/10.5555/a_', 'https://doi.org/10.5555/a'],
    ['https://example.org/paper', 'https://example.org/paper'],
  ])('writes %s as %s', (written, normal) => {
    expect(normalisePaperLink(written)).toBe(normal);
  });
});

describe('findPaperLinks', () => {
  it('lists one paper once however it is spelled', () => {
    const links = findPaperLinks(
      documents({
        'README.md':
          'See [paper](https://arxiv.org/pdf/2402.00838.pdf), arXiv:2402.00838 and {{doi.org/10.5555/a}}.\n',
      }),
      [],
      null,
      [],
    );
    expect(links.map((link) => link.url)).toEqual([
      'https://arxiv.org/abs/2402.00838',
      'https://doi.org/10.5555/a',
    ]);
    expect(links[0]).toMatchObject({ file: 'README.md', line: 1 });
  });

  it('takes paper locations, prose only, the citation, then inferred links, leaving out datasets', () => {
    const paper = {
      id: 'research-paper',
      locations: ['https://arxiv.org/abs/2501.00001'],
    } as ResolvedComponent;
    const links = findPaperLinks(
      documents({
        'results.json': '{"paper": "arXiv:2401.99999"}',
        'hf:datasets/org/data/README.md': 'Datasheet: arXiv:2301.00002',
        'CITATION.cff': 'title: Tiny\n',
      }),
      [paper],
      { doi: '10.5555/cited', url: 'https://example.org/tiny' } as ReleaseEvidence['citation'],
      [{ url: 'arxiv.org/abs/2501.00001', note: 'model card' }, { url: 'https://arxiv.org/abs/2502.00003' }],
    );
    expect(links.map((link) => [link.url, link.note])).toEqual([
      ['https://arxiv.org/abs/2501.00001', 'research-paper location'],
      ['https://doi.org/10.5555/cited', 'citation doi'],
      ['https://example.org/tiny', 'citation url'],
      ['https://arxiv.org/abs/2502.00003', undefined],
    ]);
  });
});
