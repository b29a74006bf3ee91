import { describe, expect, it } from 'vitest';
import { parseCitationCff } from './parse-citation-cff.ts';

const CFF = `cff-version: 1.2.0
message: If you use this model, please cite it.
title: "Star: an open language model"
version: 1.0
date-released: 2024-02-01
url: https://example.org/star
doi: 10.5281/zenodo.1234
authors:
  - family-names: Lovelace
    given-names: Ada
    email: ada@example.org
    orcid: https://orcid.org/0000-0000-0000-0001
  - name: Star Lab
preferred-citation:
  type: article
  title: "Star"
  authors:
    - family-names: Lovelace
  doi: 10.48550/arXiv.2402.00838
  url: https://arxiv.org/abs/2402.00838
`;

describe('parseCitationCff', () => {
  it('maps CFF fields the manifest accepts and drops the rest', () => {
    const parsed = parseCitationCff(CFF, 'CITATION.cff');
    expect(parsed.problem).toBeUndefined();
    expect(parsed.citation).toEqual({
      title: 'Star: an open language model',
      version: '1',
      'date-released': '2024-02-01',
      url: 'https://example.org/star',
      doi: '10.5281/zenodo.1234',
      authors: [
        { 'family-names': 'Lovelace', 'given-names': 'Ada', orcid: 'https://orcid.org/0000-0000-0000-0001' },
        { name: 'Star Lab' },
      ],
    });
  });

  it('collects the DOIs and URLs of the preferred citation first', () => {
    const { links } = parseCitationCff(CFF, 'CITATION.cff');
    expect(links.map((link) => link.url)).toEqual([
      'https://doi.org/10.48550/arXiv.2402.00838',
      'https://arxiv.org/abs/2402.00838',
      'https://doi.org/10.5281/zenodo.1234',
      'https://example.org/star',
    ]);
    expect(links[0]).toMatchObject({ file: 'CITATION.cff', line: 19, preferred: true });
    expect(links[2]).toMatchObject({ preferred: false });
  });

  it('takes a URL whose scheme is in capitals', () => {
    const { links } = parseCitationCff(
      'title: T\nauthors:\n  - name: Lab\nurl: HTTPS://example.org/star\n',
      'CITATION.cff',
    );
    expect(links.map((link) => link.url)).toEqual(['HTTPS://example.org/star']);
  });

  it('drops a malformed optional field rather than the citation', () => {
    const parsed = parseCitationCff('title: T\nauthors:\n  - name: Lab\nurl: not a url\n', 'CITATION.cff');
    expect(parsed.citation).toEqual({ title: 'T', authors: [{ name: 'Lab' }] });
  });

  it('returns problems as data', () => {
    expect(parseCitationCff('title: [', 'CITATION.cff')).toMatchObject({ citation: null });
    expect(parseCitationCff('title: [', 'CITATION.cff').problem).toMatch(/CITATION\.cff/);
    expect(parseCitationCff('- a', 'CITATION.cff').problem).toMatch(/not a mapping/);
    expect(parseCitationCff('title: T\nauthors: []\n', 'CITATION.cff')).toMatchObject({
      citation: null,
      problem: 'CITATION.cff: no usable author; citation not taken',
    });
  });
});
