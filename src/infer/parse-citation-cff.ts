import { ApertureError } from '../errors.ts';
import { type EvidenceRef, parseYamlSafely, type ReleasePack, ReleasePackSchema } from '../spec/index.ts';

type Citation = NonNullable<ReleasePack['citation']>;

/** A DOI or URL from CITATION.cff, and whether it belongs to the preferred citation. */
export interface CitationLink extends EvidenceRef {
  url: string;
  preferred: boolean;
}

/** What a CITATION.cff yields: the citation (when it is complete enough) and links to papers. */
export interface ParsedCitation {
  citation: Citation | null;
  /** DOIs and URLs of the preferred citation (usually the paper) and of the work itself. */
  links: CitationLink[];
  /** Why the file could not be used, if it could not. */
  problem?: string;
}

const CitationSchema = ReleasePackSchema.shape.citation.unwrap();
const AUTHOR_FIELDS = ['family-names', 'given-names', 'name', 'orcid', 'affiliation'] as const;
const IDENTIFIER_TYPES = new Set(['doi', 'url', 'swh', 'other']);

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return undefined;
}

function record(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

function authors(value: unknown): Citation['authors'] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const fields = record(item);
    if (!fields) return [];
    const author: Record<string, string> = {};
    for (const field of AUTHOR_FIELDS) {
      const v = text(fields[field]);
      if (v) author[field] = v;
    }
    return author['family-names'] || author.name ? [author as Citation['authors'][number]] : [];
  });
}

function identifiers(value: unknown): NonNullable<Citation['identifiers']> {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const fields = record(item);
    const type = text(fields?.type);
    const v = text(fields?.value);
    if (!type || !v || !IDENTIFIER_TYPES.has(type)) return [];
    const description = text(fields?.description);
    return [{ type: type as 'doi', value: v, ...(description ? { description } : {}) }];
  });
}

function doiUrl(doi: string): string {
  return `https://doi.org/${doi.replace(/^https?:\/\/(dx\.)?doi\.org\//i, '')}`;
}

/**
 * Reads a CITATION.cff (CFF 1.2, YAML) into the manifest's citation fields, keeping only what the
 * release-pack schema accepts, and collects the DOIs and URLs of the work and its preferred citation.
 * Never throws on a bad file: the problem comes back as data.
 *
 * @example
 * parseCitationCff('cff-version: 1.2.0\ntitle: OLMo\nauthors:\n  - name: AI2\n', 'CITATION.cff').citation?.title // 'OLMo'
 */
export function parseCitationCff(source: string, file: string): ParsedCitation {
  let value: unknown;
  let locate: ReturnType<typeof parseYamlSafely>['locate'];
  try {
    ({ value, locate } = parseYamlSafely(source, file));
  } catch (error) {
    if (error instanceof ApertureError) return { citation: null, links: [], problem: error.message };
    throw error;
  }
  const cff = record(value);
  if (!cff) return { citation: null, links: [], problem: `${file}: not a mapping` };

  const links: CitationLink[] = [];
  const addLink = (url: string, path: string[], note: string) => {
    const preferred = path[0] === 'preferred-citation';
    if (!links.some((link) => link.url === url))
      links.push({ url, file, line: locate(path)?.line, note, preferred });
  };
  const preferred = record(cff['preferred-citation']);
  for (const [fields, prefix, what] of [
    [preferred, ['preferred-citation'], 'preferred citation'],
    [cff, [], 'cited work'],
  ] as const) {
    if (!fields) continue;
    const doi = text(fields.doi);
    if (doi) addLink(doiUrl(doi), [...prefix, 'doi'], `DOI of the ${what} in ${file}`);
    const url = text(fields.url);
    if (url && /^https?:\/\//i.test(url)) addLink(url, [...prefix, 'url'], `URL of the ${what} in ${file}`);
    for (const identifier of identifiers(fields.identifiers)) {
      if (identifier.type === 'doi')
        addLink(doiUrl(identifier.value), [...prefix, 'identifiers'], `DOI of the ${what} in ${file}`);
    }
  }

  const candidate: Record<string, unknown> = {
    title: text(cff.title) ?? text(preferred?.title),
    authors: authors(cff.authors).length > 0 ? authors(cff.authors) : authors(preferred?.authors),
    doi: text(cff.doi),
    url: text(cff.url),
    'repository-code': text(cff['repository-code']),
    'date-released': text(cff['date-released']),
    version: text(cff.version),
    identifiers: identifiers(cff.identifiers),
  };
  for (const key of Object.keys(candidate)) {
    const v = candidate[key];
    if (v === undefined || (Array.isArray(v) && v.length === 0 && key !== 'authors')) delete candidate[key];
  }
  // Drop optional fields the schema refuses (a malformed URL or date) rather than the whole citation.
  for (let attempt = 0; attempt < 5; attempt++) {
    const result = CitationSchema.safeParse(candidate);
    if (result.success) return { citation: result.data, links };
    const bad = new Set(result.error.issues.map((issue) => String(issue.path[0] ?? '')));
    if (bad.has('title') || bad.has('authors') || bad.has(''))
      return {
        citation: null,
        links,
        problem: `${file}: ${bad.has('title') ? 'no title' : 'no usable author'}; citation not taken`,
      };
    for (const key of bad) delete candidate[key];
  }
  return { citation: null, links, problem: `${file}: citation fields not usable` };
}
