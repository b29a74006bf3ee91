import { describe, expect, it } from 'vitest';
import { findPaperLinks } from './find-paper-links.ts';

describe('findPaperLinks', () => {
  it('normalises arXiv URLs, ids, paper pages and arXiv DOIs to one URL each', () => {
    const links = findPaperLinks(
      [
        'See https://arxiv.org/pdf/2402.00838v2.pdf and arXiv:2402.00838.',
        'Also https://huggingface.co/papers/2310.06825 and doi:10.48550/arXiv.2310.06825',
        'Data: https://doi.org/10.5281/zenodo.1234.',
      ].join('\n'),
      'README.md',
    );
    expect(links.map((link) => [link.url, link.line])).toEqual([
      ['https://arxiv.org/abs/2402.00838', 1],
      ['https://arxiv.org/abs/2310.06825', 2],
      ['https://doi.org/10.5281/zenodo.1234', 3],
    ]);
  });

  it('ranks links in a citation section above links elsewhere, and flags technical reports', () => {
    const links = findPaperLinks(
      [
        'Built on https://arxiv.org/abs/1706.03762.',
        'Read our technical report: https://arxiv.org/abs/2404.00001',
        '## Citation',
        '```bibtex',
        '@article{star, journal={arXiv preprint arXiv:2402.00838}}',
        '```',
      ].join('\n'),
      'README.md',
    );
    expect(links.map((link) => [link.url, link.rank, link.technicalReport])).toEqual([
      ['https://arxiv.org/abs/1706.03762', 1, false],
      ['https://arxiv.org/abs/2404.00001', 2, true],
      ['https://arxiv.org/abs/2402.00838', 3, false],
    ]);
  });

  it('finds nothing in text without paper links', () => {
    expect(findPaperLinks('See https://github.com/org/repo', 'README.md')).toEqual([]);
  });
});
