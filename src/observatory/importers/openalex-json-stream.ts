import type { Readable } from 'node:stream';
import { ApertureError } from '../../errors.ts';
import { formatBytes, isRecord } from '../../util/index.ts';
import { shapeOf } from './json-shape.ts';
import { type ParseItem, recordItem, rejectedItem } from './parse-item.ts';

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

type Json = unknown;

/** Turns one entity object into records, or says why it is rejected. */
export type EntityReader<T> = (value: Json, file: string, line: number) => T[] | string;

/** Yields the records of one JSON document: a list page, a plain list, or one entity. */
function* entitiesOfDocument<T>(
  doc: Json,
  file: string,
  line: number,
  read: EntityReader<T>,
): Generator<ParseItem<T>> {
  function* one(value: Json, where: string): Generator<ParseItem<T>> {
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

/**
 * Reads the three forms OpenAlex publishes, turning each entity into records with `read`: an API list
 * page (`{ "meta": …, "results": [entity, …] }`), a single entity object (either may be pretty-printed),
 * and JSON Lines (the snapshot's parts, decompressed), streamed line by line. A line that is not JSON or
 * not UTF-8, or over the line limit, is rejected with its line number; an entity `read` refuses is
 * rejected with its place (`results[i]: …` at line 1 for a page). Throws ApertureError only when the
 * input as a whole cannot be read: a single document over `maxDocumentBytes` (ERR_TOO_LARGE), not
 * UTF-8 (ERR_NOT_UTF8), not JSON or empty (ERR_UNREADABLE); `entity` names what was expected.
 *
 * @example
 * for await (const item of readOpenAlexJson(stream, { file: 'authors.jsonl' }, readAuthor, 'an OpenAlex author')) …
 */
export async function* readOpenAlexJson<T>(
  input: OpenAlexInput,
  options: OpenAlexParseOptions,
  read: EntityReader<T>,
  entity: string,
): AsyncGenerator<ParseItem<T>> {
  const { file } = options;
  const limits = { ...OPENALEX_LIMITS, ...options.limits };
  // The first line may be a whole compact document, so it may be as large as one.
  const limit = { bytes: limits.maxDocumentBytes };
  let mode: 'start' | 'lines' | 'document' = 'start';
  const held: Extract<Line, { bytes: Buffer }>[] = [];
  let heldBytes = 0;
  let firstError = '';
  let checkedSecondLine = false;

  function* lineItems(entry: Line): Generator<ParseItem<T>> {
    if ('overflow' in entry) {
      yield rejectedItem(
        file,
        entry.line,
        `the line is ${formatBytes(entry.overflow)}, over the ${formatBytes(limit.bytes)} limit`,
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
        `${file}: a single JSON document over ${formatBytes(limits.maxDocumentBytes)} is refused; give a large set as JSON Lines (one entity per line, the OpenAlex snapshot format), which is streamed`,
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
        `${file}: a single JSON document over ${formatBytes(limits.maxDocumentBytes)} is refused; give a large set as JSON Lines (one entity per line, the OpenAlex snapshot format), which is streamed`,
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
