import type { EvidenceRef } from '../spec/index.ts';

/** A link to a paper found in a text, ranked by how likely it is the release's own paper. */
export interface PaperLink extends EvidenceRef {
  url: string;
  /** 3 in a citation section or BibTeX, 2 on a line that says paper/report/preprint, 1 elsewhere. */
  rank: number;
  /** The line calls it a technical report. */
  technicalReport: boolean;
}

const ARXIV_ID = String.raw`(\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?`;
const LINK_PATTERNS: ReadonlyArray<{ pattern: RegExp; toUrl: (id: string) => string; kind: string }> = [
  {
    pattern: new RegExp(String.raw`arxiv\.org\/(?:abs|pdf|html)\/${ARXIV_ID}`, 'gi'),
    toUrl: (id) => `https://arxiv.org/abs/${id}`,
    kind: 'arXiv link',
  },
  {
    pattern: new RegExp(String.raw`\barXiv\s*:\s*${ARXIV_ID}`, 'gi'),
    toUrl: (id) => `https://arxiv.org/abs/${id}`,
    kind: 'arXiv id',
  },
  {
    pattern: /huggingface\.co\/papers\/(\d{4}\.\d{4,5})/gi,
    toUrl: (id) => `https://arxiv.org/abs/${id}`,
    kind: 'Hugging Face paper page',
  },
  {
    pattern: /\b10\.48550\/arxiv\.(\d{4}\.\d{4,5})/gi,
    toUrl: (id) => `https://arxiv.org/abs/${id}`,
    kind: 'arXiv DOI',
  },
  {
    pattern: /(?:doi\.org\/|\bdoi\s*[:=]\s*\{?\s*)(10\.\d{4,9}\/[^\s)\]}>"'<,;]+)/gi,
    // arXiv's own DOIs name an arXiv paper: give them the arXiv URL so that they dedupe.
    toUrl: (id) => {
      const doi = id.replace(/[.]+$/, '');
      const arxiv = /^10\.48550\/arxiv\.(\d{4}\.\d{4,5})/i.exec(doi);
      return arxiv ? `https://arxiv.org/abs/${arxiv[1]}` : `https://doi.org/${doi}`;
    },
    kind: 'DOI',
  },
];
const PAPER_WORDS = /\b(paper|preprint|technical report|tech report|report|publication|arxiv)\b/i;
const REPORT_WORDS = /\b(technical report|tech report)\b/i;
const CITATION_HEADING = /^#{1,6}\s+.*\b(citation|cite|citing|bibtex|reference)/i;

/**
 * Finds links to papers in a markdown or CFF text: arXiv URLs and ids, Hugging Face paper pages and
 * DOIs, normalised (`https://arxiv.org/abs/2402.00838`) and ranked: links in a citation section or a
 * BibTeX entry first, then links on a line that speaks of a paper, then the rest.
 *
 * @example
 * findPaperLinks('Paper: https://arxiv.org/abs/2402.00838v2', 'README.md')[0].url // 'https://arxiv.org/abs/2402.00838'
 */
export function findPaperLinks(text: string, file: string): PaperLink[] {
  const links: PaperLink[] = [];
  let inCitation = false;
  let inBibtex = false;
  text.split('\n').forEach((line, index) => {
    const heading = /^#{1,6}\s/.test(line);
    if (heading) inCitation = CITATION_HEADING.test(line);
    if (/^\s*@\w+\s*\{/.test(line)) inBibtex = true;
    // Judge the words around the links, not the links (every arXiv URL says "arxiv").
    const words = line.replace(/\S*(arxiv|doi)\S*/gi, ' ');
    const rank = inCitation || inBibtex ? 3 : PAPER_WORDS.test(words) ? 2 : 1;
    for (const { pattern, toUrl, kind } of LINK_PATTERNS) {
      for (const match of line.matchAll(pattern)) {
        const url = toUrl(match[1]!);
        const existing = links.find((link) => link.url === url);
        if (existing) {
          existing.rank = Math.max(existing.rank, rank);
          existing.technicalReport ||= REPORT_WORDS.test(words);
          continue;
        }
        links.push({
          url,
          file,
          line: index + 1,
          note: `${kind} in ${file}`,
          rank,
          technicalReport: REPORT_WORDS.test(words),
        });
      }
    }
    if (inBibtex && /^\s*\}\s*$/.test(line)) inBibtex = false;
  });
  return links;
}
