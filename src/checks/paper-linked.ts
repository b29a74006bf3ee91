import type { EvidenceRef } from '../spec/index.ts';
import type { Check } from './check.ts';
import { type PaperIdentifier, readPaperLink } from './shared/paper-identifiers.ts';
import { capDetails, findComponent, isShipped, quote, summarise } from './shared/release-parts.ts';

/** Score when a good identifier is found next to malformed ones. */
const WITH_MALFORMED_SCORE = 8;
/** Score when a paper ships in the pack but no arXiv id or DOI points at it. */
const PAPER_WITHOUT_ID_SCORE = 5;
/** Score when every identifier found is malformed. */
const ONLY_MALFORMED_SCORE = 3;

/** The release links its paper or preprint by a well-formed arXiv id or DOI. */
export const paperLinked: Check = {
  id: 'paper-linked',
  title: 'Paper or preprint linked',
  risk: 'low',
  judges: ['research-paper'],
  docs: {
    why: "The paper is where the method, the data and the evaluation are argued in full, and a persistent identifier (an arXiv id or a DOI) is what lets readers, citation indexes and the observatory connect the weights to it for good. A mistyped id silently points at someone else's paper or at nothing.",
    how: 'Link the paper from the README, the model card or CITATION.cff as `https://arxiv.org/abs/2401.01234` (new-style ids are YYMM.NNNNN: five digits since 2015, four before; old-style ids look like `hep-th/9901001`) or `https://doi.org/10.1234/abcd`, or give `doi:` in `citation:` of release-pack.yaml.',
    scoring: `10 with at least one well-formed arXiv id or DOI and no malformed one; ${WITH_MALFORMED_SCORE} when malformed ids are found beside a good one; ${PAPER_WITHOUT_ID_SCORE} when the paper is in the pack but has no id; ${ONLY_MALFORMED_SCORE} when every id found is malformed; 0 with no paper at all.`,
  },
  run(evidence) {
    const links = Array.isArray(evidence.paperLinks) ? evidence.paperLinks : [];
    const read: Array<{ link: EvidenceRef; id: PaperIdentifier }> = links
      .filter((link) => typeof link?.url === 'string' && link.url.trim() !== '')
      .map((link) => ({ link, id: readPaperLink(link.url!) }));
    const good = read.filter((item) => item.id.kind !== 'other' && item.id.valid);
    const bad = read.filter((item) => item.id.kind !== 'other' && !item.id.valid);
    const other = read.filter((item) => item.id.kind === 'other');
    const where = (link: EvidenceRef) =>
      link.file ? ` (${link.file}${link.line ? `:${link.line}` : ''})` : link.note ? ` (${link.note})` : '';
    const details = [
      ...bad.map(({ link, id }) =>
        id.kind === 'other' || id.valid
          ? ''
          : `malformed ${id.kind === 'arxiv' ? 'arXiv id' : 'DOI'} ${quote(id.id, 60)}${where(link)}: ${id.problem}`,
      ),
      ...good.map(({ link, id }) => `${id.kind === 'arxiv' ? 'arXiv' : 'DOI'} ${id.id}${where(link)}`),
      ...other.map(({ link }) => `not an arXiv id or DOI: ${quote(link.url!, 80)}${where(link)}`),
    ].filter((line) => line !== '');
    const refs = [...good, ...bad].map(({ link, id }) => ({
      file: link.file,
      line: link.line,
      url: link.url,
      note:
        id.kind === 'other'
          ? undefined
          : `${id.kind === 'arxiv' ? 'arXiv' : 'DOI'} ${id.id}${id.valid ? '' : ' (malformed)'}`,
    }));
    const names = (items: typeof read) => summarise(items.map(({ id }) => id.id));
    if (good.length > 0) {
      return {
        score: bad.length === 0 ? 10 : WITH_MALFORMED_SCORE,
        reason:
          bad.length === 0
            ? `the paper is linked: ${names(good)}`
            : `the paper is linked (${names(good)}), but ${bad.length} identifier(s) are malformed`,
        evidence: refs.slice(0, 20),
        remediation:
          bad.length === 0 ? null : `Correct or remove the malformed identifier(s): ${names(bad)}.`,
        details: capDetails(details),
      };
    }
    const paper = (['research-paper', 'technical-report'] as const)
      .map((id) => findComponent(evidence, id))
      .find((component) => isShipped(component) && component.files.length > 0);
    if (bad.length > 0) {
      return {
        score: ONLY_MALFORMED_SCORE,
        reason: `every paper identifier found is malformed: ${names(bad)}`,
        evidence: refs.slice(0, 20),
        remediation: 'Correct the arXiv id (YYMM.NNNNN) or DOI (10.NNNN/suffix) where it is written.',
        details: capDetails(details),
      };
    }
    if (paper) {
      return {
        score: PAPER_WITHOUT_ID_SCORE,
        reason: `the ${paper.id} is in the pack (${summarise(paper.files)}) but no arXiv id or DOI points at it`,
        evidence: paper.files.slice(0, 3).map((file) => ({ file, note: paper.id })),
        remediation:
          'Post the paper on arXiv (or get a DOI, e.g. from Zenodo) and link it from the README or CITATION.cff.',
        details: capDetails(details),
      };
    }
    return {
      score: 0,
      reason:
        other.length > 0
          ? 'no arXiv id or DOI among the paper links found'
          : 'no paper or preprint is linked',
      evidence: [],
      remediation:
        'Link the paper or preprint from the README or CITATION.cff by its arXiv URL (https://arxiv.org/abs/YYMM.NNNNN) or DOI (https://doi.org/10.NNNN/…).',
      details: capDetails(details),
    };
  },
};
