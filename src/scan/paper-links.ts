import type { EvidenceRef, ReleaseEvidence, ResolvedComponent, TextDocument } from '../spec/index.ts';
import { isUrl } from '../util/index.ts';

const MAY_HOLD_PAPER_LINK = /arxiv|doi\.org/i;
const PROSE_DOCUMENT = /\.(md|markdown|mdx|txt|rst|cff|tex|bib|html?)$/i;
// Markdown emphasis (_arXiv:2303.08112_, **doi.org/…**) is not part of an identifier.
const PAPER_LINK =
  /(arxiv\.org\/(?:abs|pdf)\/[^\s)\]}>"'`*_~]+|arXiv:\s*[^\s)\]},;`*_~]+|doi\.org\/[^\s)\]}>"'`*~]+)/gi;

/**
 * One spelling per paper: `arXiv:2401.12345`, `arxiv.org/pdf/2401.12345.pdf` and the abs URL all become
 * `https://arxiv.org/abs/2401.12345`; bare `doi.org/…` becomes `https://doi.org/…`. Malformed ids are kept
 * as written so the paper check can name them.
 *
 * @example
 * normalisePaperLink('arxiv.org/pdf/2401.12345.pdf') // 'https://arxiv.org/abs/2401.12345'
 */
export function normalisePaperLink(url: string): string {
  const trimmed = url.trim().replace(/[.,;:*_~]+$/, '');
  const arxiv =
    /^(?:https?:\/\/)?(?:www\.)?arxiv\.org\/(?:abs|pdf)\/(.+?)(?:\.pdf)?$/i.exec(trimmed) ??
    /^arxiv:\s*(.+)$/i.exec(trimmed);
  if (arxiv) return `https://arxiv.org/abs/${arxiv[1]}`;
  const doi = /^(?:https?:\/\/)?(?:dx\.)?doi\.org\/(.+)$/i.exec(trimmed);
  if (doi) return `https://doi.org/${doi[1]}`;
  return trimmed;
}

function linksInRelease(
  documents: Record<string, TextDocument>,
  components: readonly ResolvedComponent[],
  citation: ReleaseEvidence['citation'],
): EvidenceRef[] {
  const links: EvidenceRef[] = [];
  const seen = new Set<string>();
  const add = (url: string, ref: Omit<EvidenceRef, 'url'>) => {
    const cleaned = normalisePaperLink(url);
    if (seen.has(cleaned)) return;
    seen.add(cleaned);
    links.push({ url: cleaned, ...ref });
  };
  for (const component of components) {
    if (component.id !== 'research-paper' && component.id !== 'technical-report') continue;
    for (const location of component.locations)
      if (isUrl(location)) add(location, { note: `${component.id} location` });
  }
  for (const doc of Object.values(documents)) {
    // Papers are cited in prose and citation files, not in logs, results tables or data.
    if (!PROSE_DOCUMENT.test(doc.path)) continue;
    // Every link the pattern finds contains one of these words: skip the line split for documents without.
    if (!MAY_HOLD_PAPER_LINK.test(doc.text)) continue;
    const lines = doc.text.split('\n');
    lines.forEach((line, index) => {
      for (const match of line.matchAll(PAPER_LINK)) add(match[0], { file: doc.path, line: index + 1 });
    });
  }
  if (citation?.doi) add(`https://doi.org/${citation.doi}`, { note: 'citation doi' });
  for (const identifier of citation?.identifiers ?? []) {
    if (identifier.type === 'doi')
      add(`https://doi.org/${identifier.value}`, { note: 'citation identifier' });
    if (identifier.type === 'url') add(identifier.value, { note: 'citation identifier' });
  }
  if (citation?.url) add(citation.url, { note: 'citation url' });
  return links;
}

/**
 * The papers a release links, each once in one spelling: paper and report component locations, arXiv and
 * DOI links in its prose documents (a dataset's own documents left out: its papers are datasheets, not
 * the release's paper), its citation's DOI, identifiers and URL, then the paper links inference found.
 *
 * @example
 * findPaperLinks(release.documents, components, citation, []) // [{ url: 'https://arxiv.org/abs/2401.12345', file: 'README.md', line: 3 }]
 */
export function findPaperLinks(
  documents: Record<string, TextDocument>,
  components: readonly ResolvedComponent[],
  citation: ReleaseEvidence['citation'],
  inferred: readonly EvidenceRef[],
): EvidenceRef[] {
  const paperDocuments = Object.fromEntries(
    Object.entries(documents).filter(([path]) => !path.startsWith('hf:datasets/')),
  );
  const paperLinks = linksInRelease(paperDocuments, components, citation);
  for (const link of inferred) {
    const url = link.url ? normalisePaperLink(link.url) : undefined;
    if (!paperLinks.some((known) => known.url === url)) paperLinks.push({ ...link, url });
  }
  return paperLinks;
}
