import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { type CsvError, parse } from 'csv-parse';
import { ApertureError } from '../../errors.ts';

/** One CSV record with the 1-based line it starts on. */
export interface CsvRow {
  fields: string[];
  line: number;
}

/** What a CSV reader yields: a row, or a record the CSV grammar could not read. */
export type CsvItem = { kind: 'row'; row: CsvRow } | { kind: 'broken'; line: number; reason: string };

/** A CSV source: text, a byte or text stream, or an async iterable of chunks. */
export type CsvInput = string | Readable | AsyncIterable<string | Buffer>;

function countNewlines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/**
 * Streams a CSV source as raw rows with their starting line, never holding the file in memory.
 * Records the CSV grammar cannot read (a stray quote) come out as `broken` instead of aborting; a
 * broken quote can swallow the rest of the file, which the caller sees as one broken record.
 * Field counts are not checked here: callers compare them with their header.
 */
export async function* readCsvRows(input: CsvInput, file: string): AsyncGenerator<CsvItem> {
  const broken: CsvItem[] = [];
  const parser = parse({
    bom: true,
    relax_column_count: true,
    // Real exports mix CRLF records with LF inside quoted notes.
    record_delimiter: ['\r\n', '\n'],
    skip_empty_lines: true,
    skip_records_with_error: true,
    info: true,
    raw: true,
    on_skip: (error: CsvError | undefined) => {
      if (error) broken.push({ kind: 'broken', line: Number(error.lines) || 1, reason: error.message });
    },
  });
  const source = typeof input === 'string' ? Readable.from([input]) : Readable.from(input);
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  try {
    for await (const entry of parser as AsyncIterable<{
      record: string[];
      raw: string;
      info: { lines: number };
    }>) {
      while (broken.length > 0) yield broken.shift()!;
      // info.lines is where the record ends; step back over the newlines inside it.
      const inner = countNewlines(entry.raw.replace(/\r?\n$/, ''));
      yield { kind: 'row', row: { fields: entry.record, line: entry.info.lines - inner } };
    }
  } catch (error) {
    throw new ApertureError('ERR_UNREADABLE', `${file}: cannot read the CSV: ${(error as Error).message}`, {
      cause: error,
    });
  }
  while (broken.length > 0) yield broken.shift()!;
}

/**
 * Opens a file as a byte stream, failing with ERR_NOT_FOUND or ERR_UNREADABLE before any row is read.
 */
export async function openFileStream(filePath: string): Promise<Readable> {
  try {
    const info = await stat(filePath);
    if (!info.isFile()) throw new ApertureError('ERR_UNREADABLE', `${filePath} is not a file`);
  } catch (error) {
    if (error instanceof ApertureError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new ApertureError('ERR_NOT_FOUND', `no such file: ${filePath}`, { cause: error });
    throw new ApertureError('ERR_UNREADABLE', `cannot read ${filePath}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return createReadStream(filePath);
}

/**
 * Maps wanted columns to their index in a header, by name (trimmed, case-insensitive), trying each
 * alias in order. The first column of a repeated name wins.
 */
export function indexColumns<K extends string>(
  header: readonly string[],
  wanted: Readonly<Record<K, readonly string[]>>,
): Record<K, number | undefined> {
  const byName = new Map<string, number>();
  header.forEach((name, index) => {
    const key = name.trim().toLowerCase();
    if (key !== '' && !byName.has(key)) byName.set(key, index);
  });
  const result = {} as Record<K, number | undefined>;
  for (const key of Object.keys(wanted) as K[]) {
    result[key] = wanted[key].map((alias) => byName.get(alias.toLowerCase())).find((i) => i !== undefined);
  }
  return result;
}
