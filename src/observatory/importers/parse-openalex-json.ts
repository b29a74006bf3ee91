import type { Readable } from 'node:stream';
import { ApertureError } from '../../errors.ts';
import { isRecord } from '../../util/index.ts';
import {
  type AffiliationRecord,
  INSTITUTION_TYPES,
  type InstitutionType,
  type PersonRecord,
} from '../catalog-records.ts';
import { type ParseItem, recordItem, rejectedItem } from './parse-item.ts';
import { openFileStream } from './read-csv-rows.ts';

/** One OpenAlex author: the person and their affiliations over the years. */
export interface OpenAlexAuthor {
  person: PersonRecord;
  /** One per distinct institution, years ascending; from `affiliations`, else `last_known_institutions`. */
  affiliations: AffiliationRecord[];
  /** Field-level problems that did not stop the author (a bad country code, an affiliation without a name). */
  warnings: string[];
}

/** A JSON source: text, a byte or text stream, or an async iterable of chunks. */
export type OpenAlexInput = string | Readable | AsyncIterable<string | Buffer | Uint8Array>;

/** Safety limits of the OpenAlex parser. */
export interface OpenAlexLimits {
  /** Largest single JSON document (an API page or one author, pretty-printed or not), in bytes. */
  maxDocumentBytes: number;
  /** Largest line of a JSON Lines file after the first, in bytes (an author is a few kilobytes). */
  maxLineBytes: number;
}

/**
 * Default limits: a single JSON document is read whole, so it is capped at 256 MiB; JSON Lines (the
 * snapshot format) is streamed line by line, each line at most 16 MiB, with no limit on the file.
 */
export const OPENALEX_LIMITS: OpenAlexLimits = {
  maxDocumentBytes: 256 * 1024 * 1024,
  maxLineBytes: 16 * 1024 * 1024,
};

/** Options of the OpenAlex parsers. */
export interface OpenAlexParseOptions {
  /** The file name used in rejections and source references. */
  file: string;
  limits?: Partial<OpenAlexLimits>;
}

const OPENALEX_ID = /^(?:https?:\/\/openalex\.org\/)?([AIWSPFTC]\d{1,15})$/i;
const ORCID = /^(?:https?:\/\/orcid\.org\/)?(\d{4}-\d{4}-\d{4}-\d{3}[\dX])$/i;
const MAX_NAME = 1000;
const MIN_YEAR = 1000;
const MAX_YEAR = 2200;

type Json = unknown;

function cleanText(value: Json): string | null {
  if (typeof value !== 'string') return null;
  const text = value.replace(/\s+/g, ' ').trim();
  return text === '' ? null : text.slice(0, MAX_NAME);
}

/** `https://openalex.org/A123` for `A123` or its URL, null otherwise. */
function openAlexId(value: Json): { kind: string; url: string } | null {
  if (typeof value !== 'string') return null;
  const match = OPENALEX_ID.exec(value.trim());
  if (!match) return null;
  const short = match[1]!.toUpperCase();
  return { kind: short[0]!, url: `https://openalex.org/${short}` };
}

const ENTITY_NAMES: Record<string, string> = {
  W: 'a work',
  I: 'an institution',
  S: 'a source',
  P: 'a publisher',
  F: 'a funder',
  T: 'a topic',
  C: 'a concept',
};

function shapeOf(value: Json): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Parses one author object; a string is the reason it is rejected. */
function toAuthor(value: Json, file: string, line: number): OpenAlexAuthor | string {
  if (!isRecord(value)) return `expected an OpenAlex author object, found ${shapeOf(value)}`;
  const id = openAlexId(value.id);
  if (!id) {
    const shown = typeof value.id === 'string' ? JSON.stringify(value.id.slice(0, 80)) : shapeOf(value.id);
    return `id ${shown} is not an OpenAlex author id (https://openalex.org/A…)`;
  }
  if (id.kind !== 'A')
    return `${id.url} is ${ENTITY_NAMES[id.kind] ?? 'not an author'}, not an author (ids start with https://openalex.org/A)`;
  const name = cleanText(value.display_name);
  if (!name) return `${id.url}: display_name is missing`;
  const warnings: string[] = [];
  let orcid: string | null = null;
  if (value.orcid !== null && value.orcid !== undefined) {
    const match = typeof value.orcid === 'string' ? ORCID.exec(value.orcid.trim()) : null;
    if (match) orcid = `https://orcid.org/${match[1]!.toUpperCase()}`;
    else warnings.push(`orcid ${JSON.stringify(String(value.orcid).slice(0, 80))} is not an ORCID iD`);
  }
  const source = { source: 'openalex' as const, file, line };
  const person: PersonRecord = { id: id.url, name, orcid, source };

  const byInstitution = new Map<string, AffiliationRecord>();
  const add = (entry: Json, years: Json, where: string) => {
    const institution = isRecord(entry) ? readInstitution(entry, where, warnings) : null;
    if (!institution) {
      if (!isRecord(entry)) warnings.push(`${where}: no institution object`);
      return;
    }
    const known = byInstitution.get(institution.id);
    const merged = new Set([...(known?.years ?? []), ...readYears(years, where, warnings)]);
    byInstitution.set(institution.id, {
      personId: id.url,
      institution: known?.institution ?? institution,
      years: [...merged].sort((a, b) => a - b),
      source,
    });
  };
  if (Array.isArray(value.affiliations) && value.affiliations.length > 0) {
    value.affiliations.forEach((entry, index) => {
      const where = `affiliations[${index}]`;
      if (!isRecord(entry)) warnings.push(`${where}: expected an object, found ${shapeOf(entry)}`);
      else add(entry.institution, entry.years, `${where}.institution`);
    });
  } else {
    if (value.affiliations !== undefined && value.affiliations !== null && !Array.isArray(value.affiliations))
      warnings.push(`affiliations: expected a list, found ${shapeOf(value.affiliations)}`);
    // Without affiliations the last known institutions still place the person, without years.
    const last = Array.isArray(value.last_known_institutions)
      ? value.last_known_institutions
      : isRecord(value.last_known_institution)
        ? [value.last_known_institution]
        : [];
    last.forEach((entry, index) => {
      add(entry, [], `last_known_institutions[${index}]`);
    });
  }
  return { person, affiliations: [...byInstitution.values()], warnings };
}

function readInstitution(
  entry: Record<string, Json>,
  where: string,
  warnings: string[],
): AffiliationRecord['institution'] | null {
  const id = openAlexId(entry.id);
  const name = cleanText(entry.display_name);
  if (!name) {
    warnings.push(`${where}: the institution has no display_name; skipped`);
    return null;
  }
  if (id && id.kind !== 'I')
    warnings.push(`${where}: ${id.url} is not an institution id; kept the name only`);
  let type: InstitutionType | null = null;
  if (typeof entry.type === 'string') {
    const lower = entry.type.trim().toLowerCase();
    if ((INSTITUTION_TYPES as readonly string[]).includes(lower)) type = lower as InstitutionType;
    else warnings.push(`${where}: institution type ${JSON.stringify(lower.slice(0, 40))} is not known`);
  }
  let country: string | null = null;
  if (typeof entry.country_code === 'string' && entry.country_code.trim() !== '') {
    const code = entry.country_code.trim().toUpperCase();
    if (/^[A-Z]{2}$/.test(code)) country = code;
    else warnings.push(`${where}: country_code ${JSON.stringify(code.slice(0, 20))} is not ISO alpha-2`);
  }
  return { id: id && id.kind === 'I' ? id.url : `name:${name}`, name, type, country };
}

function readYears(value: Json, where: string, warnings: string[]): number[] {
  if (!Array.isArray(value)) return [];
  const years: number[] = [];
  for (const year of value) {
    if (typeof year === 'number' && Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR)
      years.push(year);
    else warnings.push(`${where}: year ${JSON.stringify(year)?.slice(0, 20)} is not a year`);
  }
  return years;
}

/** Turns one entity object into authors, or says why it is rejected. */
type EntityReader = (value: Json, file: string, line: number) => OpenAlexAuthor[] | string;

const readAuthorEntity: EntityReader = (value, file, line) => {
  const author = toAuthor(value, file, line);
  return typeof author === 'string' ? author : [author];
};

/** One work's authorships as authors, each with the work's institutions dated by its publication year. */
const readWorkEntity: EntityReader = (value, file, line) => {
  if (!isRecord(value)) return `expected an OpenAlex work object, found ${shapeOf(value)}`;
  const id = openAlexId(value.id);
  if (id?.kind !== 'W')
    return `id ${typeof value.id === 'string' ? JSON.stringify(value.id.slice(0, 80)) : shapeOf(value.id)} is not an OpenAlex work id (https://openalex.org/W…)`;
  if (!Array.isArray(value.authorships)) return `${id.url}: authorships is not a list`;
  const year = value.publication_year;
  const years =
    typeof year === 'number' && Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR ? [year] : [];
  const source = { source: 'openalex' as const, file, line };
  const authors: OpenAlexAuthor[] = [];
  for (const [index, authorship] of value.authorships.entries()) {
    const where = `${id.url} authorships[${index}]`;
    const author = isRecord(authorship) && isRecord(authorship.author) ? authorship.author : null;
    const authorId = author ? openAlexId(author.id) : null;
    const name = author ? cleanText(author.display_name) : null;
    // Authorships without a disambiguated author cannot be followed across works.
    if (!author || !authorId || authorId.kind !== 'A' || !name) continue;
    const warnings: string[] = years.length === 0 ? [`${id.url}: publication_year is not a year`] : [];
    const orcid = typeof author.orcid === 'string' ? ORCID.exec(author.orcid.trim()) : null;
    const affiliations: AffiliationRecord[] = [];
    const institutions =
      isRecord(authorship) && Array.isArray(authorship.institutions) ? authorship.institutions : [];
    for (const [at, entry] of institutions.entries()) {
      const institution = isRecord(entry)
        ? readInstitution(entry, `${where}.institutions[${at}]`, warnings)
        : null;
      if (institution && !affiliations.some((a) => a.institution.id === institution.id))
        affiliations.push({ personId: authorId.url, institution, years, source });
    }
    authors.push({
      person: {
        id: authorId.url,
        name,
        orcid: orcid ? `https://orcid.org/${orcid[1]!.toUpperCase()}` : null,
        source,
      },
      affiliations,
      warnings,
    });
  }
  if (authors.length === 0 && value.authorships.length > 0)
    return `${id.url}: no authorship names an OpenAlex author (https://openalex.org/A…) with a display_name`;
  return authors;
};

/** Yields the records of one JSON document: a list page, a plain list, or one entity. */
function* entitiesOfDocument(
  doc: Json,
  file: string,
  line: number,
  read: EntityReader,
): Generator<ParseItem<OpenAlexAuthor>> {
  function* one(value: Json, where: string): Generator<ParseItem<OpenAlexAuthor>> {
    const result = read(value, file, line);
    if (typeof result === 'string') yield rejectedItem(file, line, `${where}${result}`);
    else for (const author of result) yield recordItem(author);
  }
  if (isRecord(doc) && 'results' in doc && !('id' in doc)) {
    if (!Array.isArray(doc.results)) {
      yield rejectedItem(file, line, `results: expected a list, found ${shapeOf(doc.results)}`);
      return;
    }
    for (const [index, value] of doc.results.entries()) yield* one(value, `results[${index}]: `);
    return;
  }
  if (Array.isArray(doc)) {
    for (const [index, value] of doc.entries()) yield* one(value, `[${index}]: `);
    return;
  }
  yield* one(doc, '');
}

type Line = { line: number; bytes: Buffer } | { line: number; overflow: number };

/** Splits a byte stream on `\n`; a line over the current limit is reported by size and never held. */
async function* readLines(
  input: OpenAlexInput,
  limit: { bytes: number },
  file: string,
): AsyncGenerator<Line> {
  const source: AsyncIterable<string | Buffer | Uint8Array> | string[] =
    typeof input === 'string' ? [input] : input;
  let parts: Buffer[] = [];
  let size = 0;
  let overflow = 0;
  let line = 1;
  try {
    for await (const chunk of source) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
      let start = 0;
      for (;;) {
        const newline = buffer.indexOf(10, start);
        const end = newline === -1 ? buffer.length : newline;
        if (overflow > 0) overflow += end - start;
        else if (size + end - start > limit.bytes) {
          overflow = size + end - start;
          parts = [];
        } else if (end > start) {
          parts.push(buffer.subarray(start, end));
          size += end - start;
        }
        if (newline === -1) break;
        yield overflow > 0 ? { line, overflow } : { line, bytes: Buffer.concat(parts, size) };
        parts = [];
        size = 0;
        overflow = 0;
        line++;
        start = newline + 1;
      }
    }
  } catch (error) {
    throw new ApertureError('ERR_UNREADABLE', `${file}: cannot read: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (overflow > 0) yield { line, overflow };
  else if (size > 0) yield { line, bytes: Buffer.concat(parts, size) };
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

function decode(bytes: Buffer): string | null {
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}

function tryParse(text: string): { ok: true; value: Json } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: (error as Error).message.split('\n')[0]!.slice(0, 200) };
  }
}

function mib(bytes: number): string {
  if (bytes < 1024 * 1024) return bytes < 1024 ? `${bytes} bytes` : `${Math.round(bytes / 1024)} KiB`;
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`;
}

/**
 * Streams OpenAlex authors into people and their affiliations. Reads the three forms OpenAlex
 * publishes: an API list page (`{ "meta": …, "results": [author, …] }`), a single author object
 * (either may be pretty-printed), and JSON Lines of authors (the snapshot's `authors/*.gz` parts,
 * decompressed), which is streamed line by line. An author without an `https://openalex.org/A…` id or a
 * `display_name`, a line that is not JSON or not UTF-8, or a line over the line limit is rejected with
 * its line (list pages say `results[i]` in the reason, at line 1). Affiliations come from
 * `affiliations[].institution` with their `years`, or from `last_known_institutions` when there are
 * none; institution types outside INSTITUTION_TYPES become null, countries upper-case alpha-2.
 * Throws ApertureError only when the input as a whole cannot be read: a single document over
 * `maxDocumentBytes` (ERR_TOO_LARGE), not UTF-8 (ERR_NOT_UTF8), not JSON or empty (ERR_UNREADABLE).
 *
 * @example
 * for await (const item of parseOpenAlexAuthors(stream, { file: 'authors.jsonl' }))
 *   if (item.kind === 'record') console.log(item.value.person.name, item.value.affiliations.length);
 */
export function parseOpenAlexAuthors(
  input: OpenAlexInput,
  options: OpenAlexParseOptions,
): AsyncGenerator<ParseItem<OpenAlexAuthor>> {
  return parseOpenAlexJson(input, options, readAuthorEntity, 'an OpenAlex author');
}

/** Reads any of the three OpenAlex forms, turning each entity into records with `read`. */
async function* parseOpenAlexJson(
  input: OpenAlexInput,
  options: OpenAlexParseOptions,
  read: EntityReader,
  entity: string,
): AsyncGenerator<ParseItem<OpenAlexAuthor>> {
  const { file } = options;
  const limits = { ...OPENALEX_LIMITS, ...options.limits };
  // The first line may be a whole compact document, so it may be as large as one.
  const limit = { bytes: limits.maxDocumentBytes };
  let mode: 'start' | 'lines' | 'document' = 'start';
  const held: Extract<Line, { bytes: Buffer }>[] = [];
  let heldBytes = 0;
  let firstError = '';
  let checkedSecondLine = false;

  function* lineItems(entry: Line): Generator<ParseItem<OpenAlexAuthor>> {
    if ('overflow' in entry) {
      yield rejectedItem(
        file,
        entry.line,
        `the line is ${mib(entry.overflow)}, over the ${mib(limit.bytes)} limit`,
      );
      return;
    }
    const text = decode(entry.bytes);
    if (text === null) {
      yield rejectedItem(file, entry.line, 'the line is not valid UTF-8');
      return;
    }
    if (text.trim() === '') return;
    const parsed = tryParse(text);
    if (!parsed.ok) yield rejectedItem(file, entry.line, `not JSON: ${parsed.message}`);
    else yield* entitiesOfDocument(parsed.value, file, entry.line, read);
  }

  for await (const entry of readLines(input, limit, file)) {
    if (mode === 'lines') {
      yield* lineItems(entry);
      continue;
    }
    if ('overflow' in entry)
      throw new ApertureError(
        'ERR_TOO_LARGE',
        `${file}: a single JSON document over ${mib(limits.maxDocumentBytes)} is refused; give a large set as JSON Lines (one entity per line, the OpenAlex snapshot format), which is streamed`,
      );
    if (mode === 'start') {
      const text = decode(entry.bytes)?.replace(/^\uFEFF/, '');
      if (text !== undefined && text.trim() === '') continue;
      const parsed = text === undefined ? null : tryParse(text);
      if (text === undefined || parsed?.ok) {
        // A whole JSON value (or an undecodable line) first: JSON Lines, or a compact document, which reads the same.
        mode = 'lines';
        limit.bytes = limits.maxLineBytes;
        if (parsed?.ok) yield* entitiesOfDocument(parsed.value, file, entry.line, read);
        else yield* lineItems(entry);
        continue;
      }
      mode = 'document';
      firstError = parsed && !parsed.ok ? parsed.message : '';
      held.push({ line: entry.line, bytes: Buffer.from(text, 'utf8') });
      heldBytes += entry.bytes.length + 1;
      continue;
    }
    // A pretty-printed document, unless its second non-blank line is a JSON object by itself.
    if (!checkedSecondLine && entry.bytes.toString('utf8').trim() !== '') {
      checkedSecondLine = true;
      const alone = decode(entry.bytes);
      const parsed = alone === null ? null : tryParse(alone);
      if (parsed?.ok && isRecord(parsed.value) && held[0]!.bytes.toString('utf8').trim() !== '[') {
        // JSON Lines whose first line is broken.
        mode = 'lines';
        limit.bytes = limits.maxLineBytes;
        yield rejectedItem(file, held[0]!.line, `not JSON: ${firstError}`);
        held.length = 0;
        yield* entitiesOfDocument(parsed.value, file, entry.line, read);
        continue;
      }
    }
    heldBytes += entry.bytes.length + 1;
    if (heldBytes > limits.maxDocumentBytes)
      throw new ApertureError(
        'ERR_TOO_LARGE',
        `${file}: a single JSON document over ${mib(limits.maxDocumentBytes)} is refused; give a large set as JSON Lines (one entity per line, the OpenAlex snapshot format), which is streamed`,
      );
    held.push(entry);
  }

  if (mode === 'start') throw new ApertureError('ERR_UNREADABLE', `${file}: the input is empty`);
  if (mode === 'document') {
    const whole = Buffer.concat(held.flatMap((entry) => [entry.bytes, Buffer.from('\n')]));
    const text = decode(whole);
    if (text === null)
      throw new ApertureError('ERR_NOT_UTF8', `${file}: not valid UTF-8; OpenAlex data is UTF-8 JSON`);
    const parsed = tryParse(text);
    if (!parsed.ok)
      throw new ApertureError(
        'ERR_UNREADABLE',
        `${file}: not JSON (${parsed.message}); expected ${entity}, an API page { "results": [...] } or JSON Lines`,
      );
    yield* entitiesOfDocument(parsed.value, file, 1, read);
  }
}

/**
 * Streams OpenAlex works into their authors: each authorship with a disambiguated author becomes one
 * OpenAlexAuthor whose affiliations are the authorship's institutions, dated by the work's
 * `publication_year` (so moves between institutions show year by year). Reads the same three forms as
 * parseOpenAlexAuthors (API page, single work, JSON Lines) with the same limits; a work without a
 * `https://openalex.org/W…` id or `authorships` list is rejected, an authorship without an author id is
 * skipped. The same person appears once per work: merge by `person.id`.
 *
 * @example
 * for await (const item of parseOpenAlexWorks(stream, { file: 'works.jsonl' }))
 *   if (item.kind === 'record') console.log(item.value.person.id, item.value.affiliations[0]?.years);
 */
export function parseOpenAlexWorks(
  input: OpenAlexInput,
  options: OpenAlexParseOptions,
): AsyncGenerator<ParseItem<OpenAlexAuthor>> {
  return parseOpenAlexJson(input, options, readWorkEntity, 'an OpenAlex work');
}

/** Streams OpenAlex works from a file (see parseOpenAlexWorks); throws ERR_NOT_FOUND / ERR_UNREADABLE when it cannot be opened. */
export async function* parseOpenAlexWorksFile(
  filePath: string,
  options: Omit<OpenAlexParseOptions, 'file'> = {},
): AsyncGenerator<ParseItem<OpenAlexAuthor>> {
  yield* parseOpenAlexWorks(await openFileStream(filePath), { ...options, file: filePath });
}

/**
 * Streams OpenAlex authors from a file (see parseOpenAlexAuthors). Throws ERR_NOT_FOUND /
 * ERR_UNREADABLE when the file cannot be opened.
 *
 * @example
 * const { records, rejected } = await collectItems(parseOpenAlexAuthorsFile('authors.jsonl'));
 */
export async function* parseOpenAlexAuthorsFile(
  filePath: string,
  options: Omit<OpenAlexParseOptions, 'file'> = {},
): AsyncGenerator<ParseItem<OpenAlexAuthor>> {
  yield* parseOpenAlexAuthors(await openFileStream(filePath), { ...options, file: filePath });
}
