import { parse as parseCsv } from 'csv-parse/sync';
import { numberDomainProblem } from './metrics/check-inputs.ts';
import type { InputKind, Prediction } from './metrics/metric.ts';

/*
 * Accepted shapes (UTF-8, an optional BOM is ignored):
 * - CSV with the header `id,prediction` and one row per item. The prediction cell is the label (label: one
 *   of the benchmark's labels, exact), the text (text), or a decimal number such as `0.25`, `-1e-3`
 *   (score: any finite real, higher meaning more likely positive; number: the predicted value, within
 *   ±1e150, see metrics/check-inputs.ts).
 *   For samples (pass@k), one row per sample: the id repeats once per sample, in sample order.
 *   Cells are not trimmed.
 * - JSON Lines, one object per line with exactly the keys `id` (a string, or an integer taken as its decimal
 *   text) and `prediction` (a string for label and text, a finite number for score and number, a non-empty
 *   array of strings for samples). Blank lines are ignored.
 * Lines are 1-based; a CSV record spanning lines is reported at the line where it ends.
 */

/** File formats of predictions. */
export type PredictionsFormat = 'csv' | 'jsonl';

/** Safety limits for a predictions file. */
export interface PredictionsLimits {
  maxBytes: number;
  /** Data rows (CSV records or JSONL lines), not counting the header. */
  maxRows: number;
  /** Bytes of one CSV record or JSONL line. */
  maxLineBytes: number;
  /** Issues listed before the rest are only counted. */
  maxIssues: number;
}

/** Defaults: 256 MiB, 10 million rows, 1 MiB per row, 100 listed issues. */
export const DEFAULT_PREDICTIONS_LIMITS: PredictionsLimits = {
  maxBytes: 256 * 1024 * 1024,
  maxRows: 10_000_000,
  maxLineBytes: 1024 * 1024,
  maxIssues: 100,
};

/** What a predictions file is checked against. */
export interface PredictionsExpectation<K extends InputKind> {
  format: PredictionsFormat;
  kind: K;
  /** The ids of the split, in the order predictions are returned. */
  expectedIds: readonly string[];
  /** For label predictions: the benchmark's label set. */
  labels?: readonly string[];
  limits?: Partial<PredictionsLimits>;
}

/** One problem of a predictions file; `line` is null for problems of the whole file (size, missing ids). */
export interface PredictionIssue {
  line: number | null;
  message: string;
}

/** Parsed predictions aligned with `expectedIds`, or every problem found (up to `maxIssues`) and a summary. */
export type ParsedPredictions<K extends InputKind> =
  | { ok: true; predictions: Prediction<K>[] }
  | { ok: false; issues: PredictionIssue[]; summary: string };

interface RawRow {
  line: number;
  id: unknown;
  prediction: unknown;
}

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const strictDecoder = new TextDecoder('utf-8', { fatal: true });

class Issues {
  readonly list: PredictionIssue[] = [];
  total = 0;
  constructor(private readonly max: number) {}
  add(line: number | null, message: string): void {
    this.total++;
    if (this.list.length < this.max) this.list.push({ line, message });
  }
}

function failure<K extends InputKind>(issues: Issues): ParsedPredictions<K> {
  // File order, whole-file problems last: shape problems are found in a first pass, id problems in a second.
  issues.list.sort((a, b) => (a.line ?? Number.POSITIVE_INFINITY) - (b.line ?? Number.POSITIVE_INFINITY));
  const first = issues.list[0]!;
  const where = first.line === null ? '' : `line ${first.line}: `;
  const more =
    issues.total > 1 ? ` (and ${issues.total - 1} more problem${issues.total > 2 ? 's' : ''})` : '';
  return { ok: false, issues: issues.list, summary: `predictions rejected: ${where}${first.message}${more}` };
}

/** The 1-based line of the first invalid UTF-8 byte (a newline byte never occurs inside a UTF-8 sequence). */
function firstBadUtf8Line(bytes: Uint8Array): number {
  let start = 0;
  let line = 1;
  for (;;) {
    const end = bytes.indexOf(0x0a, start);
    const slice = bytes.subarray(start, end === -1 ? bytes.length : end);
    try {
      strictDecoder.decode(slice);
    } catch {
      return line;
    }
    if (end === -1) return line;
    start = end + 1;
    line++;
  }
}

function csvRows(text: string, limits: PredictionsLimits, issues: Issues): RawRow[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parseCsv(text, {
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      max_record_size: limits.maxLineBytes,
      to: limits.maxRows + 2,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const { lines, message } = error as { lines?: number; message?: string };
    issues.add(typeof lines === 'number' ? lines : null, `not valid CSV: ${message ?? String(error)}`);
    return [];
  }
  const [header, ...data] = records;
  if (header?.record.length !== 2 || header.record[0] !== 'id' || header.record[1] !== 'prediction') {
    issues.add(header?.info.lines ?? 1, 'the header must be exactly `id,prediction`');
    return [];
  }
  if (data.length > limits.maxRows) {
    issues.add(data[limits.maxRows]!.info.lines, `more than ${limits.maxRows} rows`);
    return [];
  }
  const rows: RawRow[] = [];
  for (const { record, info } of data) {
    if (record.length !== 2)
      issues.add(info.lines, `expected 2 columns (id,prediction), found ${record.length}`);
    else rows.push({ line: info.lines, id: record[0], prediction: record[1] });
  }
  return rows;
}

function jsonlRows(text: string, limits: PredictionsLimits, issues: Issues): RawRow[] {
  const rows: RawRow[] = [];
  const lines = text.split('\n');
  let count = 0;
  for (let i = 0; i < lines.length; i++) {
    const source = lines[i]!;
    if (source.trim() === '') continue;
    const line = i + 1;
    if (++count > limits.maxRows) {
      issues.add(line, `more than ${limits.maxRows} rows`);
      return [];
    }
    if (source.length > limits.maxLineBytes) {
      issues.add(line, `line longer than ${limits.maxLineBytes} bytes`);
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch {
      issues.add(line, 'not valid JSON');
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      issues.add(line, 'expected an object {"id": …, "prediction": …}');
      continue;
    }
    const keys = Object.keys(value);
    const extra = keys.filter((key) => key !== 'id' && key !== 'prediction');
    if (extra.length > 0 || keys.length !== 2) {
      issues.add(
        line,
        `expected exactly the keys id and prediction${
          extra.length
            ? `, found ${extra
                .slice(0, 3)
                .map((key) => JSON.stringify(key))
                .join(', ')}`
            : ''
        }`,
      );
      continue;
    }
    const record = value as Record<string, unknown>;
    const id = Number.isSafeInteger(record.id) ? String(record.id) : record.id;
    rows.push({ line, id, prediction: record.prediction });
  }
  return rows;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string'
    ? `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`
    : typeof value;
}

/** The prediction of one row as kind K, or a message saying what is wrong. */
function readPrediction(
  kind: InputKind,
  raw: unknown,
  fromCsv: boolean,
  labels: ReadonlySet<string> | undefined,
): { value: unknown } | { message: string } {
  switch (kind) {
    case 'label':
      if (typeof raw !== 'string')
        return { message: `prediction must be a label (a string), found ${describe(raw)}` };
      if (labels && !labels.has(raw))
        return { message: `prediction ${describe(raw)} is not one of the benchmark's labels` };
      return { value: raw };
    case 'text':
    case 'samples':
      if (kind === 'samples' && !fromCsv) {
        if (!Array.isArray(raw) || raw.length === 0 || raw.some((sample) => typeof sample !== 'string'))
          return {
            message: `prediction must be a non-empty array of strings (the samples), found ${describe(raw)}`,
          };
        return { value: raw };
      }
      if (typeof raw !== 'string') return { message: `prediction must be a string, found ${describe(raw)}` };
      return { value: raw };
    case 'score':
    case 'number': {
      const number = fromCsv && typeof raw === 'string' && DECIMAL.test(raw) ? Number(raw) : raw;
      if (typeof number !== 'number' || !Number.isFinite(number))
        return { message: `prediction must be a finite number, found ${describe(raw)}` };
      // Scores are only ranked; numbers are subtracted and squared, so they keep to a domain.
      const problem = kind === 'number' ? numberDomainProblem(number) : null;
      if (problem) return { message: `prediction ${describe(raw)} ${problem}` };
      return { value: number };
    }
  }
}

/**
 * Reads a predictions file and checks it against a split: size and row limits, UTF-8, the file shape (see the
 * header comment of this file), unknown, duplicate and missing ids, and prediction types (a number where a
 * number is expected, a label from the label set). Expected failures are data, never throws.
 *
 * @example
 * const parsed = parsePredictions(bytes, { format: 'csv', kind: 'label', expectedIds: ['q1', 'q2'], labels: ['yes', 'no'] });
 * if (!parsed.ok) console.log(parsed.summary, parsed.issues); // [{ line: 3, message: 'unknown id "q9"' }]
 */
export function parsePredictions<K extends InputKind>(
  bytes: Uint8Array,
  expectation: PredictionsExpectation<K>,
): ParsedPredictions<K> {
  const limits = { ...DEFAULT_PREDICTIONS_LIMITS, ...expectation.limits };
  const issues = new Issues(limits.maxIssues);
  if (bytes.length > limits.maxBytes) {
    issues.add(null, `the file is ${bytes.length} bytes; the limit is ${limits.maxBytes}`);
    return failure(issues);
  }
  let text: string;
  try {
    text = strictDecoder.decode(bytes);
  } catch {
    issues.add(firstBadUtf8Line(bytes), 'not valid UTF-8 (save the file as UTF-8)');
    return failure(issues);
  }
  const fromCsv = expectation.format === 'csv';
  const rows = fromCsv ? csvRows(text, limits, issues) : jsonlRows(text, limits, issues);
  if (issues.total > 0 && rows.length === 0) return failure(issues);

  const { kind } = expectation;
  const position = new Map<string, number>();
  for (const [index, id] of expectation.expectedIds.entries()) position.set(id, index);
  const labels = expectation.labels ? new Set(expectation.labels) : undefined;
  const values: unknown[] = new Array(expectation.expectedIds.length);
  const firstLine = new Map<string, number>();
  const csvSamples = kind === 'samples' && fromCsv;
  for (const row of rows) {
    if (typeof row.id !== 'string' || row.id === '') {
      issues.add(row.line, `id must be a non-empty string, found ${describe(row.id)}`);
      continue;
    }
    const index = position.get(row.id);
    if (index === undefined) {
      issues.add(row.line, `unknown id ${describe(row.id)} (not in this split)`);
      continue;
    }
    const seenOn = firstLine.get(row.id);
    if (seenOn !== undefined && !csvSamples) {
      issues.add(row.line, `duplicate id ${describe(row.id)} (first on line ${seenOn})`);
      continue;
    }
    if (seenOn === undefined) firstLine.set(row.id, row.line);
    const read = readPrediction(kind, row.prediction, fromCsv, labels);
    if ('message' in read) {
      issues.add(row.line, read.message);
      continue;
    }
    if (!csvSamples) values[index] = read.value;
    else if (values[index] === undefined) values[index] = [read.value];
    else (values[index] as string[]).push(read.value as string);
  }
  const missing = expectation.expectedIds.filter((id) => !firstLine.has(id));
  if (missing.length > 0) {
    const shown = missing
      .slice(0, 5)
      .map((id) => describe(id))
      .join(', ');
    issues.add(
      null,
      `${missing.length} expected id${missing.length > 1 ? 's are' : ' is'} missing: ${shown}${missing.length > 5 ? ', …' : ''}`,
    );
  }
  if (issues.total > 0) return failure(issues);
  return { ok: true, predictions: values as Prediction<K>[] };
}
