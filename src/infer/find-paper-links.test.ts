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

  it('reads arXiv ids in Markdown emphasis and BibTeX eprint fields', () => {
    expect(findPaperLinks('Our paper: _arXiv:2303.08112_ (to appear).', 'README.md')).toEqual([
      expect.objectContaining({
        url: 'https://arxiv.org/abs/2303.08112',
        rank: 2,
        note: 'arXiv id in README.md',
      }),
    ]);
    const [link] = findPaperLinks(
      '@misc{radford2022whisper,\n  title={Robust Speech Recognition},\n  eprint={2212.04356},\n  archivePrefix={arXiv},\n}\n',
      'README.md',
    );
    expect(link).toMatchObject({ url: 'https://arxiv.org/abs/2212.04356', line: 3, rank: 3 });
  });

  it('gives the venue of a peer-reviewed BibTeX entry, not of an arXiv preprint', () => {
    const links = findPaperLinks(
      [
        '## Citation',
        '```bibtex',
        '@inproceedings{star2024,',
        '  title={Star},',
        '  booktitle={Proceedings of ICML},',
        '  eprint={2501.00001},',
        '}',
        '@article{related2023,',
        '  title={Related},',
        '  journal={arXiv preprint arXiv:2303.08112},',
        '}',
        '```',
      ].join('\n'),
      'README.md',
    );
    expect(links.map((link) => [link.url, link.rank, link.venue])).toEqual([
      ['https://arxiv.org/abs/2501.00001', 3, 'Proceedings of ICML'],
      ['https://arxiv.org/abs/2303.08112', 2, undefined],
    ]);
  });

  it('reads a peer-reviewed venue from a journal field, a publisher DOI or a proceedings page', () => {
    const nature = findPaperLinks(
      [
        '## Citation',
        '```bibtex',
        '@article{guo2025star,',
        '  title={Star incentivizes reasoning},',
        '  journal={Nature},',
        '  volume={645},',
        '  doi={10.1038/s41586-025-00001-z},',
        '}',
        '```',
      ].join('\n'),
      'README.md',
    );
    expect(nature.map((link) => [link.url, link.venue])).toEqual([
      ['https://doi.org/10.1038/s41586-025-00001-z', 'Nature'],
    ]);
    const pages = findPaperLinks(
      [
        'Paper: https://aclanthology.org/2023.acl-long.891/',
        'Paper: https://proceedings.mlr.press/v202/radford23a.html',
        'Paper: https://doi.org/10.18653/v1/2023.acl-long.891',
        'Data: https://doi.org/10.5281/zenodo.1234',
      ].join('\n'),
      'README.md',
    );
    expect(pages.map((link) => [link.url, link.venue])).toEqual([
      ['https://aclanthology.org/2023.acl-long.891', 'ACL Anthology'],
      ['https://proceedings.mlr.press/v202/radford23a', 'PMLR (ICML, AISTATS, COLT …)'],
      ['https://doi.org/10.18653/v1/2023.acl-long.891', 'ACL Anthology'],
      ['https://doi.org/10.5281/zenodo.1234', undefined],
    ]);
  });

  it('reads a venue named beside a paper link, not a preprint or a submission', () => {
    const venueOf = (line: string) => findPaperLinks(line, 'README.md')[0]?.venue;
    expect(venueOf("check the [ICLR'23 Star Paper](https://arxiv.org/abs/2205.15868) for details.")).toBe(
      "ICLR'23",
    );
    expect(venueOf('Our paper (COLM 2024): https://arxiv.org/abs/2402.00838')).toBe('COLM 2024');
    expect(venueOf('Our paper, published in TMLR: https://arxiv.org/abs/2402.00838')).toBe(
      'published in TMLR',
    );
    expect(venueOf('Our paper was accepted at ICML 2023: https://arxiv.org/abs/2212.04356')).toBe(
      'accepted at ICML 2023',
    );
    expect(venueOf('Our paper (submitted to ICML 2025): https://arxiv.org/abs/2501.00001')).toBeUndefined();
    expect(venueOf('Our preprint, under review: https://arxiv.org/abs/2501.00001')).toBeUndefined();
    expect(venueOf('Our paper: https://arxiv.org/abs/2501.00001')).toBeUndefined();
    // A passing link is nobody's paper: the venue beside it is not read.
    expect(venueOf('Built on ICML 2023 work: https://arxiv.org/abs/1706.03762')).toBeUndefined();
  });

  it('marks the links a text calls a datasheet or data card, by their line or BibTeX title', () => {
    const links = findPaperLinks(
      [
        'We train on the Pile ([paper](https://pile.eleuther.ai/), [datasheet](https://arxiv.org/abs/2201.07311)).',
        'The architecture follows https://arxiv.org/abs/1706.03762.',
        '## Citation',
        '```bibtex',
        '@article{star2024, journal={arXiv preprint arXiv:2304.01373}}',
        '@article{pile2022datasheet,',
        '  title={Datasheet for the Pile},',
        '  eprint={2201.07312},',
        '}',
        '```',
      ].join('\n'),
      'README.md',
    );
    expect(links.map((link) => [link.url, link.datasheet ?? false])).toEqual([
      ['https://arxiv.org/abs/2201.07311', true],
      ['https://arxiv.org/abs/1706.03762', false],
      ['https://arxiv.org/abs/2304.01373', false],
      ['https://arxiv.org/abs/2201.07312', true],
    ]);
  });

  it('reads a PDF linked as the paper or report, not a passing PDF or an arXiv PDF twice', () => {
    const links = findPaperLinks(
      [
        '# Star-2',
        '<div align="center">',
        '  <a href="https://huggingface.co/star-lab/Star-2/blob/main/assets/paper.pdf"><b>Technical Report</b>👁️</a>',
        '</div>',
        '## Usage',
        'Print the [quick reference](https://star-lab.example/cheatsheet.pdf) for your desk.',
        'Our paper: https://arxiv.org/pdf/2402.00838v2.pdf',
      ].join('\n'),
      'README.md',
    );
    expect(links.map((link) => [link.url, link.rank, link.technicalReport])).toEqual([
      ['https://huggingface.co/star-lab/Star-2/blob/main/assets/paper.pdf', 2, true],
      ['https://star-lab.example/cheatsheet.pdf', 1, false],
      ['https://arxiv.org/abs/2402.00838', 2, false],
    ]);
  });

  it('ranks reference lists and lines about a dataset 0', () => {
    const links = findPaperLinks(
      [
        '# Star',
        '',
        '## Training data',
        '',
        'The data mix follows the Dolma datasheet: arXiv:2402.00159.',
        'Our paper describes this model: arXiv:2501.00001.',
        '',
        '## References',
        '',
        '1. The Pile. https://arxiv.org/abs/2101.00027',
        '2. Our paper: https://arxiv.org/abs/2305.10403',
        '',
        '## Further reading',
        '',
        '- https://doi.org/10.1145/3458723',
      ].join('\n'),
      'README.md',
    );
    expect(links.map((link) => [link.url, link.rank])).toEqual([
      ['https://arxiv.org/abs/2402.00159', 0],
      ['https://arxiv.org/abs/2501.00001', 2],
      ['https://arxiv.org/abs/2101.00027', 0],
      ['https://arxiv.org/abs/2305.10403', 0],
      ['https://doi.org/10.1145/3458723', 0],
    ]);
  });

  it('closes a BibTeX entry whose brace ends the last field line', () => {
    const links = findPaperLinks(
      [
        '## Citation',
        '```bibtex',
        '@inproceedings{star2024,',
        '  title={Star},',
        '  booktitle={ICML},',
        '  eprint={2501.00001}}',
        '```',
        '',
        '## Model details',
        '',
        'The architecture follows https://arxiv.org/abs/1706.03762 closely.',
      ].join('\n'),
      'README.md',
    );
    expect(links.map((link) => [link.url, link.rank, link.venue])).toEqual([
      ['https://arxiv.org/abs/2501.00001', 3, 'ICML'],
      ['https://arxiv.org/abs/1706.03762', 1, undefined],
    ]);
  });

  it('finds nothing in text without paper links', () => {
    expect(findPaperLinks('See https://github.com/org/repo', 'README.md')).toEqual([]);
  });
});
