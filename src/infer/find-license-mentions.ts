import {
  AI_LICENSES,
  type CataloguedLicense,
  canonicalSpdxId,
  markdownLines,
  normaliseWords,
} from '../spec/index.ts';

/** A license named in a sentence or linked by its page. */
export interface LicenseMention {
  /** SPDX id or catalogued AI license id. */
  license: string;
  /** Index in the searched text where the name or link starts. */
  index: number;
  /** The words that named it, for evidence. */
  text: string;
}

/** What a statement says a license covers. */
export type LicenseScope = 'code' | 'weights' | 'data' | 'all';

/** A sentence of a README or card that states a license, with what it covers. */
export interface LicenseStatement {
  license: string;
  scope: LicenseScope;
  line: number;
  /** The sentence, shortened, for evidence. */
  text: string;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Catalogued names and aliases, longest first so "llama 3.1 community license" beats "llama 3". */
const CATALOGUE_PHRASES: ReadonlyArray<{ phrase: RegExp; id: string }> = (
  AI_LICENSES as readonly CataloguedLicense[]
)
  .flatMap((entry) =>
    [entry.name, ...entry.aliases]
      // Bare words such as "closed" or "deepseek" name a license only in a license field, not in prose.
      .filter((alias) => /\s/.test(alias.trim()) || /licen[cs]e|-/.test(alias))
      .map((alias) => ({ alias: normaliseWords(alias), id: entry.id })),
  )
  .sort((a, b) => b.alias.length - a.alias.length)
  .map(({ alias, id }) => ({
    phrase: new RegExp(`(?<![\\w.-])${escapeRegExp(alias)}(?![\\w-])`, 'g'),
    id,
  }));

/** Any catalogued name or alias at all: one scan before the phrase-by-phrase search. */
const ANY_CATALOGUE_PHRASE = new RegExp(CATALOGUE_PHRASES.map(({ phrase }) => phrase.source).join('|'));

/** Common ways prose names the SPDX licenses seen on model releases. */
const SPDX_PHRASES: ReadonlyArray<{ phrase: RegExp; id: (match: RegExpExecArray) => string | undefined }> = [
  {
    phrase: /\bapache(?:[- ]license)?,?(?:[- ]version)?[- ]?2(?:\.0)?\b/gi,
    id: () => 'Apache-2.0',
  },
  { phrase: /\bMIT(?:[- ]license)?\b(?![- ]?(?:researchers|university|press))/g, id: () => 'MIT' },
  { phrase: /\bBSD[- ]?([23])[- ]clause\b/gi, id: (m) => `BSD-${m[1]}-Clause` },
  {
    phrase: /\bCC[- ]BY(?:[- ](SA|NC|ND|NC[- ]SA|NC[- ]ND))?[- ]?(?:v)?([1-4]\.0)\b/gi,
    id: (m) => `CC-BY${m[1] ? `-${m[1].toUpperCase().replace(' ', '-')}` : ''}-${m[2]}`,
  },
  { phrase: /\bCC0(?:[- ]1\.0)?\b/g, id: () => 'CC0-1.0' },
  { phrase: /\bODC[- ]BY(?:[- ]1\.0)?\b/gi, id: () => 'ODC-By-1.0' },
  { phrase: /\bODbL\b/g, id: () => 'ODbL-1.0' },
  { phrase: /\b(A|L)?GPL[- ]?v?([23])(?:\.0)?\b/g, id: (m) => `${m[1] ?? ''}GPL-${m[2]}.0-only` },
  { phrase: /\bMPL[- ]?2(?:\.0)?\b/g, id: () => 'MPL-2.0' },
  // SPDX ids written as such (CDLA-Permissive-2.0, CC-BY-4.0, Apache-2.0 …).
  { phrase: /\b[A-Za-z][A-Za-z0-9.+]*(?:-[A-Za-z0-9.+]+)+\b/g, id: (m) => canonicalSpdxId(m[0]) },
];

/** Pages that hold a catalogued license, normalised for prefix matching. */
const LICENSE_PAGES: ReadonlyArray<{ page: string; id: string; prefix: string | null }> = (
  AI_LICENSES as readonly CataloguedLicense[]
).flatMap((entry) =>
  [entry.source, ...(entry.pages ?? [])].map((source) => {
    const page = pageKey(source);
    // Pages on hosting sites name a file: their whole key must match, elsewhere a prefix does.
    return { page, id: entry.id, prefix: /huggingface\.co|github\.com/.test(page) ? null : `${page}/` };
  }),
);

function pageKey(url: string): string {
  return url
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[?#].*$/, '')
    .replace(/\/+$/, '');
}

/**
 * The catalogued license whose terms page this URL is (`ai.google.dev/gemma/terms` → gemma), if any.
 *
 * @example
 * licenseOfPage('https://www.llama.com/llama3_1/license/') // 'llama3.1'
 */
export function licenseOfPage(url: string): string | undefined {
  const key = pageKey(url);
  if (key === '') return undefined;
  return LICENSE_PAGES.find(({ page, prefix }) => key === page || (prefix !== null && key.startsWith(prefix)))
    ?.id;
}

const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>()[\]"'`]+/gi;

/**
 * The licenses a text names: catalogued AI licenses by name or alias, SPDX licenses as prose writes
 * them ("Apache 2.0", "CC BY 4.0", "MIT License"), and links to a catalogued license's terms page.
 * Overlapping mentions keep the longest.
 *
 * @example
 * findLicenseMentions('released under the Llama 3.1 Community License')[0].license // 'llama3.1'
 */
export function findLicenseMentions(text: string): LicenseMention[] {
  const found: LicenseMention[] = [];
  const lower = normaliseWords(text);
  // normaliseWords keeps length only when no quote or whitespace run is squeezed: search the original
  // then, in lower case, so that indexes stay true.
  const searchable = lower.length === text.length ? lower : text.toLowerCase();
  for (const { phrase, id } of ANY_CATALOGUE_PHRASE.test(searchable) ? CATALOGUE_PHRASES : []) {
    for (const match of searchable.matchAll(phrase))
      found.push({
        license: id,
        index: match.index,
        text: text.slice(match.index, match.index + match[0].length),
      });
  }
  for (const { phrase, id } of SPDX_PHRASES) {
    for (const match of text.matchAll(phrase)) {
      const license = id(match);
      if (license) found.push({ license, index: match.index, text: match[0] });
    }
  }
  for (const match of text.matchAll(URL_IN_TEXT)) {
    const license = licenseOfPage(match[0]);
    if (license) found.push({ license, index: match.index, text: match[0] });
  }
  // Longest first, then drop mentions inside a longer one ("Apache 2.0" inside "Apache-2.0 WITH …").
  found.sort((a, b) => b.text.length - a.text.length || a.index - b.index);
  const kept: LicenseMention[] = [];
  for (const mention of found) {
    const end = mention.index + mention.text.length;
    if (kept.some((other) => mention.index < other.index + other.text.length && end > other.index)) continue;
    kept.push(mention);
  }
  return kept.sort((a, b) => a.index - b.index);
}

const STATEMENT_WORDS =
  /licen[cs]ed?|licen[cs]es|terms of use|released under|available under|distributed under|governed by|subject to the/i;
const SCOPE_WORDS: ReadonlyArray<{ scope: Exclude<LicenseScope, 'all'>; words: RegExp }> = [
  { scope: 'weights', words: /\b(weights?|checkpoints?|parameters|models?|model files)\b/i },
  { scope: 'code', words: /\b(code|source code|codebase|scripts?|software|repository|implementation)\b/i },
  { scope: 'data', words: /\b(data|datasets?|corpus|corpora)\b/i },
];
const CLAUSE_BREAK = /[;.!?](?=\s|$)|,\s+(?:while|whereas|and|but)\b|\s+(?:while|whereas)\s+/g;

/**
 * The scope a clause gives the license it names: the scope word closest before the name (else after
 * it); several kinds joined ("the code and model weights are MIT") cover the whole release.
 */
function scopeOf(clause: string, at: number): LicenseScope {
  const found: Array<{ scope: Exclude<LicenseScope, 'all'>; index: number }> = [];
  for (const { scope, words } of SCOPE_WORDS) {
    for (const match of clause.matchAll(new RegExp(words.source, 'gi')))
      found.push({ scope, index: match.index });
  }
  if (found.length === 0) return 'all';
  const before = found.filter((item) => item.index < at);
  const kinds = new Set((before.length > 0 ? before : found).map((item) => item.scope));
  if (kinds.size > 1) return 'all';
  const nearest = (before.length > 0 ? before : found).sort(
    (a, b) => Math.abs(at - a.index) - Math.abs(at - b.index),
  )[0]!;
  return nearest.scope;
}

/**
 * Sections that cite other work, whose license names are not the release's. Not spec's
 * REFERENCE_SECTION: statements under acknowledgements and related work headings are read here, and
 * taking that pattern would drop the statements found there today.
 */
const CITING_SECTION = /\b(references?|bibliography|citation|cite)\b/i;

/**
 * License statements in a README or model card: each sentence that says something is licensed, and
 * the licenses it names, with what each covers (the code, the weights, the data, or everything).
 * Lines inside fenced code blocks and reference sections are skipped.
 *
 * @example
 * findLicenseStatements('The code is Apache 2.0; the weights are under the Llama 3.1 Community License.')
 * // [{ license: 'Apache-2.0', scope: 'code', … }, { license: 'llama3.1', scope: 'weights', … }]
 */
export function findLicenseStatements(text: string): LicenseStatement[] {
  const statements: LicenseStatement[] = [];
  for (const { index, line, fenced, isHeading, heading } of markdownLines(text)) {
    if (fenced || isHeading) continue;
    const inLicenseSection = /\blicen[cs]e|terms\b/i.test(heading);
    if (!inLicenseSection && !STATEMENT_WORDS.test(line)) continue;
    if (CITING_SECTION.test(heading)) continue;
    const mentions = findLicenseMentions(line);
    if (mentions.length === 0) continue;
    const breaks = [0, ...[...line.matchAll(CLAUSE_BREAK)].map((m) => m.index + m[0].length), line.length];
    for (const mention of mentions) {
      const start = Math.max(...breaks.filter((b) => b <= mention.index));
      const end = Math.min(...breaks.filter((b) => b > mention.index));
      const clause = line.slice(start, end);
      statements.push({
        license: mention.license,
        scope: scopeOf(clause, mention.index - start),
        line: index + 1,
        text: line.trim().slice(0, 160),
      });
    }
  }
  return statements;
}
