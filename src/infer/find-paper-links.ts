import { type EvidenceRef, markdownLines, REFERENCE_SECTION } from '../spec/index.ts';

/** A link to a paper found in a text, ranked by how likely it is the release's own paper. */
export interface PaperLink extends EvidenceRef {
  url: string;
  /**
   * 3 for the first entry of a citation section or BibTeX (later entries 2), 2 on a line that says
   * paper/report/preprint or in the header above the first section (badges), 1 elsewhere (a passing
   * link, never taken for the release's paper), 0 in a reference list or on a line about a dataset.
   */
  rank: number;
  /** The line calls it a technical report. */
  technicalReport: boolean;
  /** The venue of a peer-reviewed publication, when the BibTeX entry citing it names one. */
  venue?: string;
  /** The line (or the BibTeX entry's title) calls it a datasheet or data card: documentation of data. */
  datasheet?: boolean;
}

const ARXIV_ID = String.raw`(\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?`;
const LINK_PATTERNS: ReadonlyArray<{ pattern: RegExp; toUrl: (id: string) => string; kind: string }> = [
  {
    pattern: new RegExp(String.raw`arxiv\.org\/(?:abs|pdf|html)\/${ARXIV_ID}`, 'gi'),
    toUrl: (id) => `https://arxiv.org/abs/${id}`,
    kind: 'arXiv link',
  },
  {
    // Not \b: Markdown emphasis (_arXiv:2303.08112_) puts a word character right before the id.
    pattern: new RegExp(String.raw`(?<![A-Za-z0-9])arXiv\s*:\s*${ARXIV_ID}`, 'gi'),
    toUrl: (id) => `https://arxiv.org/abs/${id}`,
    kind: 'arXiv id',
  },
  {
    pattern: /huggingface\.co\/papers\/(\d{4}\.\d{4,5})/gi,
    toUrl: (id) => `https://arxiv.org/abs/${id}`,
    kind: 'Hugging Face paper page',
  },
  {
    // BibTeX: eprint={2212.04356} (with archivePrefix={arXiv}).
    pattern: /\beprint\s*=\s*[{"]\s*(\d{4}\.\d{4,5})/gi,
    toUrl: (id) => `https://arxiv.org/abs/${id}`,
    kind: 'arXiv eprint',
  },
  {
    pattern: /\b10\.48550\/arxiv\.(\d{4}\.\d{4,5})/gi,
    toUrl: (id) => `https://arxiv.org/abs/${id}`,
    kind: 'arXiv DOI',
  },
  {
    pattern:
      /(?:doi\.org\/|dl\.acm\.org\/doi\/(?:abs\/|pdf\/)?|\bdoi\s*[:=]\s*\{?\s*)(10\.\d{4,9}\/[^\s)\]}>"'<,;]+)/gi,
    // arXiv's own DOIs name an arXiv paper: give them the arXiv URL so that they dedupe.
    toUrl: (id) => {
      const doi = id.replace(/[.]+$/, '');
      const arxiv = /^10\.48550\/arxiv\.(\d{4}\.\d{4,5})/i.exec(doi);
      return arxiv ? `https://arxiv.org/abs/${arxiv[1]}` : `https://doi.org/${doi}`;
    },
    kind: 'DOI',
  },
  {
    // A PDF: the release's paper or report when its line presents one ("[Technical Report](….pdf)").
    // Hosts whose PDFs the patterns above already name (arXiv, DOIs, proceedings) are left to them.
    pattern:
      /(https?:\/\/(?!(?:www\.|export\.)?(?:arxiv\.org|doi\.org|aclanthology\.org|proceedings\.mlr\.press|proceedings\.neurips\.cc|papers\.nips\.cc|jmlr\.org|nature\.com|ojs\.aaai\.org)\/)[^\s)\]}>"'<]+?\.pdf)(?=[\s)\]}>"'<?#]|$)/gi,
    toUrl: (id) => id,
    kind: 'PDF link',
  },
  {
    // Pages of peer-reviewed proceedings and journals: the link is the published paper.
    pattern:
      /https?:\/\/(?:www\.)?(aclanthology\.org\/[\w.-]+?|proceedings\.mlr\.press\/v\d+\/[\w-]+|(?:proceedings\.neurips\.cc|papers\.nips\.cc)\/paper(?:_files)?\/[\w/.-]+?|jmlr\.org\/papers\/v\d+\/[\w.-]+?|(?:www\.)?nature\.com\/articles\/[\w.-]+?|ojs\.aaai\.org\/index\.php\/AAAI\/article\/view\/\d+)(?:\.html|\.pdf|\/)?(?=[\s)\]}>"'<,;]|$)/gi,
    toUrl: (id) => `https://${id}`,
    kind: 'published paper link',
  },
];
/** Every link LINK_PATTERNS find holds one of these words. */
const MAY_HOLD_LINK =
  /arxiv|doi|eprint|huggingface\.co\/papers|aclanthology|proceedings|nips\.cc|jmlr\.org|nature\.com|ojs\.aaai|\.pdf\b/i;
/** DOI prefixes of publishers of peer-reviewed proceedings and journals (not arXiv's, Zenodo's or a preprint server's). */
const PUBLISHER_DOIS: ReadonlyArray<[string, string]> = [
  ['10.18653', 'ACL Anthology'],
  ['10.1162', 'MIT Press (TACL, Computational Linguistics)'],
  ['10.1038', 'Nature'],
  ['10.1126', 'Science'],
  ['10.1073', 'PNAS'],
  ['10.1145', 'ACM'],
  ['10.1109', 'IEEE'],
  ['10.1007', 'Springer'],
  ['10.1016', 'Elsevier'],
  ['10.1613', 'JAIR'],
  ['10.1609', 'AAAI'],
  ['10.24963', 'IJCAI'],
  ['10.21437', 'ISCA (Interspeech)'],
];
/** The venue of a published-paper page, from its host. */
const VENUE_HOSTS: ReadonlyArray<[RegExp, string]> = [
  [/^https:\/\/aclanthology\.org\//, 'ACL Anthology'],
  [/^https:\/\/proceedings\.mlr\.press\//, 'PMLR (ICML, AISTATS, COLT …)'],
  [/^https:\/\/(proceedings\.neurips\.cc|papers\.nips\.cc)\//, 'NeurIPS'],
  [/^https:\/\/jmlr\.org\//, 'JMLR'],
  [/^https:\/\/(www\.)?nature\.com\//, 'Nature'],
  [/^https:\/\/ojs\.aaai\.org\//, 'AAAI'],
];
/**
 * A peer-reviewed venue named beside a paper link: a conference with its year ("ICML 2023",
 * "ICLR'23", "COLM 2024"), a journal (TMLR, JMLR, TACL), or "accepted at / published in" a venue.
 */
const VENUE_ON_LINE =
  /\b(?:(?:ICML|ICLR|NeurIPS|NIPS|ACL|EMNLP|NAACL|EACL|COLING|COLM|AAAI|IJCAI|CVPR|ICCV|ECCV|KDD|SIGIR|INTERSPEECH|Interspeech|ICASSP|LREC)\s*['’]?\s*(?:19|20)?\d{2}\b|(?:TMLR|JMLR|TACL)\b|(?:[Aa]ccepted|[Pp]ublished)\s+(?:at|to|in|by)\s+(?:the\s+)?(?:[A-Z][\w&'’.-]*)(?:\s+[A-Z0-9][\w&'’.-]*){0,6})/;
/** What a line says about being a preprint or under review: no venue then, whatever it names. */
const NOT_YET_PUBLISHED = /\b(under review|submitted to|preprint|to appear in a future)\b/i;

/** The venue a paper URL itself shows: a publisher's DOI or a proceedings page. */
function venueOfUrl(url: string): string | undefined {
  const doi = /^https:\/\/doi\.org\/(10\.\d{4,9})\//.exec(url)?.[1];
  if (doi) return PUBLISHER_DOIS.find(([prefix]) => prefix === doi)?.[1];
  return VENUE_HOSTS.find(([host]) => host.test(url))?.[1];
}
/** A BibTeX venue field; arXiv, CoRR and preprint servers are not a peer-reviewed venue. */
const VENUE_FIELD = /^\s*(booktitle|journal)\s*=\s*[{"]+\s*([^}"]+?)\s*[}"]/i;
const NOT_A_VENUE = /\b(arxiv|corr|preprint|biorxiv|medrxiv|ssrn|openreview preprint|technical report)\b/i;
const PAPER_WORDS = /\b(paper|preprint|technical report|tech report|report|publication|arxiv)\b/i;
const REPORT_WORDS = /\b(technical report|tech report)\b/i;
/** Headings of the section that says how to cite this work. */
const CITATION_HEADING = /^#{1,6}\s+.*\b(citation|cite|citing|bibtex)/i;
/** Headings of sections that list other people's work: reference sections, and further reading. */
const REFERENCES_HEADING = new RegExp(
  `^#{1,6}\\s+.*(?:${REFERENCE_SECTION.source}|\\bfurther reading\\b)`,
  'i',
);
/** A line about a dataset: its paper is the dataset's datasheet, not the release's paper. */
const DATASET_WORDS = /\b(data ?sets?|datasheets?|corpus|corpora|data cards?)\b/i;
const OWN_WORK_WORDS = /\b(our|this) (model|paper|work|report)\b/i;
/** Words that call a linked document the documentation of a dataset (Gebru et al.'s datasheets). */
const DATASHEET_WORDS = /\b(data ?sheets?|data cards?|data statements?)\b/i;

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
  let inReferences = false;
  let inBibtex = false;
  // The first work a citation section or BibTeX block cites is the release's; later ones are related.
  let citedEntries = 0;
  // Links found in the current BibTeX entry, and the venue it names, set on them when it closes.
  let entryLinks: PaperLink[] = [];
  let entryVenue: string | undefined;
  let entryDatasheet = false;
  let entryDepth = 0;
  // The venue of the first work a citation section cites, for a paper linked above it (a badge).
  let citedVenue: string | undefined;
  // Under the title, before the first section (badges, the links beside the name), a release links its own paper.
  let headingsSeen = 0;
  let titleFirst = false;
  for (const { index, line, fenced } of markdownLines(text)) {
    // Any `# ` line outside code, not only the walker's headings: a CRLF card's `## Citation\r` is one
    // here (the walker's heading stops at `\r`), and its citation section keeps its rank.
    const heading = !fenced && /^#{1,6}\s/.test(line);
    if (heading && ++headingsSeen === 1) titleFirst = /^#\s/.test(line);
    const inHeader = titleFirst && headingsSeen === 1;
    if (heading) {
      inCitation = CITATION_HEADING.test(line);
      inReferences = !inCitation && REFERENCES_HEADING.test(line);
      citedEntries = 0;
    }
    if (/^\s*@\w+\s*\{/.test(line)) {
      inBibtex = true;
      citedEntries++;
      entryLinks = [];
      entryVenue = undefined;
      entryDatasheet = false;
      entryDepth = 0;
    }
    const venue = inBibtex ? VENUE_FIELD.exec(line) : null;
    if (venue && !NOT_A_VENUE.test(venue[2]!)) entryVenue = venue[2]!.replace(/\s+/g, ' ').slice(0, 120);
    if (inBibtex && /^\s*title\s*=/i.test(line) && DATASHEET_WORDS.test(line)) entryDatasheet = true;
    // Most lines hold no link: their rank is never needed.
    if (MAY_HOLD_LINK.test(line)) {
      // Judge the words around the links, not the links (every arXiv URL says "arxiv").
      // A Markdown link keeps its text ("[ICLR'23 Paper](https://arxiv.org/…)"): only its target goes.
      const words = line
        .replace(/\]\([^)\s]*\)/g, '] ')
        .replace(/https?:\/\/[^\s"'<>)\]]+/gi, ' ')
        .replace(/\S*(arxiv|doi)\S*/gi, ' ');
      const cited = inCitation || inBibtex;
      const rank = inReferences
        ? 0
        : DATASET_WORDS.test(words) && !OWN_WORK_WORDS.test(words) && !inBibtex
          ? 0
          : cited
            ? citedEntries <= 1
              ? 3
              : 2
            : PAPER_WORDS.test(words) || (inHeader && isLinkLine(line))
              ? 2
              : 1;
      // A venue named beside the links of a line that presents a paper (not in BibTeX: its fields say).
      const lineVenue =
        !inBibtex && rank >= 2 && !NOT_YET_PUBLISHED.test(words)
          ? VENUE_ON_LINE.exec(words)?.[0].replace(/\s+/g, ' ')
          : undefined;
      for (const { pattern, toUrl, kind } of LINK_PATTERNS) {
        for (const match of line.matchAll(pattern)) {
          const url = toUrl(match[1]!);
          const existing = links.find((link) => link.url === url);
          if (existing) {
            existing.rank = Math.max(existing.rank, rank);
            existing.technicalReport ||= REPORT_WORDS.test(words);
            if (rank >= 2) existing.venue ??= lineVenue;
            if (!inBibtex && calledDatasheet(line, match.index, words)) existing.datasheet = true;
            if (inBibtex) entryLinks.push(existing);
            continue;
          }
          const link: PaperLink = {
            url,
            file,
            line: index + 1,
            note: `${kind} in ${file}`,
            rank,
            technicalReport: REPORT_WORDS.test(words),
          };
          if (!inBibtex && calledDatasheet(line, match.index, words)) link.datasheet = true;
          const venue = venueOfUrl(url) ?? lineVenue;
          if (venue) link.venue = venue;
          links.push(link);
          if (inBibtex) entryLinks.push(link);
        }
      }
    }
    if (inBibtex) {
      // An entry closes when its braces balance, on a line of its own or after its last field.
      entryDepth += (line.match(/\{/g) ?? []).length - (line.match(/\}/g) ?? []).length;
      if (entryDepth <= 0) {
        inBibtex = false;
        if (entryVenue) for (const link of entryLinks) link.venue = entryVenue;
        if (entryDatasheet) for (const link of entryLinks) link.datasheet = true;
        if (entryVenue && entryLinks.length === 0 && citedEntries === 1) citedVenue ??= entryVenue;
      }
    }
  }
  // A citation naming a venue but no identifier cites the paper the text links elsewhere (a badge).
  if (citedVenue) {
    const own = [...links].filter((link) => link.rank >= 2).sort((a, b) => b.rank - a.rank)[0];
    if (own && !own.venue) own.venue = citedVenue;
  }
  return links;
}

/**
 * Whether the text calls the link at `index` a datasheet: the text of the Markdown link around it
 * ("[datasheet](https://arxiv.org/…)") when it sits in one, else the words of its line when the line
 * holds no Markdown link.
 */
function calledDatasheet(line: string, index: number, words: string): boolean {
  let inMarkdownLinks = false;
  for (const link of line.matchAll(/\[([^\]]*)\]\(([^)\s]*)\)/g)) {
    inMarkdownLinks = true;
    const target = link.index + link[0].indexOf('](') + 2;
    if (index >= target && index < link.index + link[0].length) return DATASHEET_WORDS.test(link[1]!);
  }
  return !inMarkdownLinks && DATASHEET_WORDS.test(words);
}

/** A line of links rather than prose (a row of badges, "[Paper] | [Code]"): few words besides the links. */
function isLinkLine(line: string): boolean {
  const prose = line
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, ' $1 ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/https?:\/\/\S+/gi, ' ')
    .split(/\s+/)
    .filter((word) => /[a-z]{2,}/i.test(word));
  return prose.length <= 6;
}
