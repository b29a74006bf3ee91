import { describe, expect, it } from 'vitest';
import type { EvidenceRef } from '../spec/index.ts';
import { paperLinked } from './paper-linked.ts';
import { runChecks } from './run-checks.ts';
import { checkArxivId, readPaperLink } from './shared/paper-identifiers.ts';
import { buildEvidence } from './test-support/evidence-builder.ts';

function links(...urls: string[]) {
  return buildEvidence({
    paperLinks: urls.map((url, index): EvidenceRef => ({ url, file: 'README.md', line: index + 1 })),
  });
}

describe('paper-linked', () => {
  it('passes a well-formed arXiv link or DOI', () => {
    for (const url of [
      'https://arxiv.org/abs/2401.01234',
      'arxiv.org/pdf/2401.01234v2.pdf',
      'arXiv:0706.0001',
      'https://arxiv.org/abs/hep-th/9901001v3',
      'https://arxiv.org/abs/math.GT/0309136',
      'https://doi.org/10.48550/arXiv.2401.01234',
      'https://dx.doi.org/10.1000.10/182',
    ]) {
      expect(paperLinked.run(links(url)).score, url).toBe(10);
    }
  });

  it('points at where each identifier was found', () => {
    const result = paperLinked.run(links('https://arxiv.org/abs/2401.01234'));
    expect(result.evidence).toEqual([
      { file: 'README.md', line: 1, url: 'https://arxiv.org/abs/2401.01234', note: 'arXiv 2401.01234' },
    ]);
  });

  it('lists malformed ids beside a good one', () => {
    const result = paperLinked.run(
      links('https://arxiv.org/abs/2401.01234', 'arXiv:2413.01234', 'https://doi.org/11.1234/x'),
    );
    expect(result.score).toBe(8);
    expect(result.details).toEqual(
      expect.arrayContaining([
        'malformed arXiv id "2413.01234" (README.md:2): month 13 is not 01–12',
        'malformed DOI "11.1234/x" (README.md:3): a DOI is 10.NNNN/suffix',
      ]),
    );
  });

  it('scores only-malformed ids low', () => {
    const result = paperLinked.run(links('https://arxiv.org/abs/2401.0123', 'arxiv.org/abs/1201.01234'));
    expect(result.score).toBe(3);
    expect(result.details).toContainEqual(expect.stringContaining('ids since 2015 have 5 digits'));
    expect(result.details).toContainEqual(expect.stringContaining('ids before 2015 have 4 digits'));
  });

  it('gives partial credit to a paper in the pack without an identifier', () => {
    const evidence = buildEvidence({ components: { 'research-paper': { files: ['paper.pdf'] } } });
    expect(paperLinked.run(evidence)).toMatchObject({
      score: 5,
      remediation: expect.stringContaining('arXiv'),
    });
  });

  it('fails without a paper, and does not count other links', () => {
    expect(paperLinked.run(buildEvidence()).score).toBe(0);
    const other = paperLinked.run(links('https://example.org/our-paper'));
    expect(other.score).toBe(0);
    expect(other.details).toEqual(['not an arXiv id or DOI: "https://example.org/our-paper" (README.md:1)']);
  });

  it('survives garbage links', () => {
    const [outcome] = runChecks(
      links('arxiv.org/abs/%E0%A4%A', `arXiv:${'9'.repeat(10_000)}`, 'doi:\u0000', '', 'arxiv.org/abs/'),
      [paperLinked],
    );
    expect(outcome!.reason).not.toContain('unexpectedly');
    expect(outcome!.score).toBe(3);
  });

  it('reads identifiers strictly', () => {
    expect(checkArxivId('0703.0001')).toContain('April 2007');
    expect(checkArxivId('2401.01234v0')).not.toBeNull();
    expect(checkArxivId('hep-th/9913001')).toContain('month 13');
    expect(readPaperLink('https://arxiv.org/abs/2401.01234?context=cs#x')).toEqual({
      kind: 'arxiv',
      id: '2401.01234',
      valid: true,
    });
    expect(readPaperLink('10.5281/zenodo.1234')).toEqual({
      kind: 'doi',
      id: '10.5281/zenodo.1234',
      valid: true,
    });
  });
});
