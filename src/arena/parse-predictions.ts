import { CsvRecordReader } from '../util/index.ts';
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
 * Lines are 1-based; a CSV record spanning lines is reported at the line where it ends. CSV records end at
 * `\n` or `\r\n`; a quoted field may hold commas, doubled quotes and line breaks (RFC 4180).
 *
 * A file has one row per item (samples in CSV aside): reading stops at the first row past the split's item
 * count, so a file of a million unknown ids costs no more than one row per item. The file is read
 * incrementally (PredictionsReader: push text, then end), which is what lets readPredictions give the event
 * loop turns while it reads; parsePredictions pushes the whole text at once.
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
  /** These issues followed by `other`'s, as one list capped at the same length. */
  concat(other: Issues): Issues {
    const both = new Issues(this.max);
    for (const issue of [...this.list, ...other.list]) both.add(issue.line, issue.message);
    both.total = this.total + other.total;
    return both;
  }
}

function failure<K extends InputKind>(issues: Issues): ParsedPredictions<K> {
  // File order, whole-file problems last: shape problems are listed before id problems when the list is capped.
  issues.list.sort((a, b) => (a.line ?? Number.POSITIVE_INFINITY) - (b.line ?? Number.POSITIVE_INFINITY));
  const first = issues.list[0]!;
  const where = first.line === null ? '' : `line ${first.line}: `;
  const more =
    issues.total > 1 ? ` (and ${issues.total - 1} more problem${issues.total > 2 ? 's' : ''})` : '';
  return { ok: false, issues: issues.list, summary: `predictions rejected: ${where}${first.message}${more}` };
}

/**
 * A file refused for one problem alone (its size, its encoding), which ends the reading.
 *
 * @example
 * rejectedFile(null, 'the file is 300000000 bytes; the limit is 268435456');
 */
export function rejectedFile<K extends InputKind>(
  line: number | null,
  message: string,
): ParsedPredictions<K> {
  const issues = new Issues(1);
  issues.add(line, message);
  return failure(issues);
}

/**
 * The 1-based line of the first invalid UTF-8 byte (a newline byte never occurs inside a UTF-8 sequence, so
 * stretches cut after one decode on their own): stretches of about a megabyte first, then line by line.
 */
export function firstBadUtf8Line(bytes: Uint8Array): number {
  let start = 0;
  let line = 1;
  while (start < bytes.length) {
    const cut = bytes.indexOf(0x0a, Math.min(start + 1024 * 1024, bytes.length - 1));
    const end = cut === -1 ? bytes.length : cut + 1;
    const stretch = bytes.subarray(start, end);
    try {
      strictDecoder.decode(stretch);
    } catch {
      return line + badLineWithin(stretch) - 1;
    }
    for (let at = stretch.indexOf(0x0a); at !== -1; at = stretch.indexOf(0x0a, at + 1)) line++;
    start = end;
  }
  return line;
}

function badLineWithin(bytes: Uint8Array): number {
  let start = 0;
  let line = 1;
  for (;;) {
    const end = bytes.indexOf(0x0a, start);
    try {
      strictDecoder.decode(bytes.subarray(start, end === -1 ? bytes.length : end));
    } catch {
      return line;
    }
    if (end === -1) return line;
    start = end + 1;
    line++;
  }
}

/** Where each expected id goes in the predictions (a repeated id: its last place, as before). */
export function positionsOf(expectedIds: readonly string[]): Map<string, number> {
  const position = new Map<string, number>();
  for (const [index, id] of expectedIds.entries()) position.set(id, index);
  return position;
}

/**
 * Checks a predictions file as its text arrives: push decoded text in pieces of any size, then call end()
 * for the verdict (the same as parsePredictions would give for the whole text). Rows are checked as they
 * come, so memory holds the predictions and at most one unfinished row; push answers false once the reading
 * has stopped (too many rows, broken CSV), after which end() returns the verdict at once.
 *
 * @example
 * const reader = new PredictionsReader({ format: 'csv', kind: 'label', expectedIds: ['q1'], labels: ['yes', 'no'] });
 * reader.push('id,prediction\nq1,y');
 * reader.push('es\n');
 * reader.end(); // { ok: true, predictions: ['yes'] }
 */
export class PredictionsReader<K extends InputKind> {
  private readonly limits: PredictionsLimits;
  private readonly kind: InputKind;
  private readonly fromCsv: boolean;
  private readonly csvSamples: boolean;
  private readonly labels: ReadonlySet<string> | undefined;
  /** Each label as the label set holds it: kept predictions then share one string, not a slice of the file. */
  private readonly canonicalLabels: ReadonlyMap<string, string> | undefined;
  private readonly expectedIds: readonly string[];
  private readonly position: ReadonlyMap<string, number>;
  private readonly values: unknown[];
  /** The line of each expected id's first row; 0 while it has none. */
  private readonly firstLine: Uint32Array;
  /** Problems of the file's shape (rows that are not id and prediction), listed first. */
  private readonly shape: Issues;
  /** Problems of ids and predictions. */
  private readonly content: Issues;
  /** Data rows so far (CSV records after the header, non-blank JSONL lines), well formed or not. */
  private rows = 0;
  /** Rows that had an id and a prediction. */
  private formedRows = 0;
  /** Set when the reading stopped before the end of the file. */
  private verdict: ParsedPredictions<K> | undefined;
  private readonly csv: CsvRecordReader | undefined;
  private headerSeen = false;
  /** JSONL: the unfinished last line, the line it is, and whether it is too long to keep. */
  private pendingLine = '';
  private lineNumber = 1;
  private skippingLongLine = false;

  /** `position` maps each expected id to its index (readPredictions builds it in slices); built here if omitted. */
  constructor(expectation: PredictionsExpectation<K>, position?: ReadonlyMap<string, number>) {
    this.limits = { ...DEFAULT_PREDICTIONS_LIMITS, ...expectation.limits };
    this.kind = expectation.kind;
    this.fromCsv = expectation.format === 'csv';
    this.csvSamples = this.fromCsv && expectation.kind === 'samples';
    this.labels = expectation.labels ? new Set(expectation.labels) : undefined;
    this.canonicalLabels = expectation.labels
      ? new Map(expectation.labels.map((label) => [label, label]))
      : undefined;
    this.expectedIds = expectation.expectedIds;
    this.position = position ?? positionsOf(expectation.expectedIds);
    this.values = new Array(expectation.expectedIds.length);
    this.firstLine = new Uint32Array(expectation.expectedIds.length);
    this.shape = new Issues(this.limits.maxIssues);
    this.content = new Issues(this.limits.maxIssues);
    this.csv = this.fromCsv ? new CsvRecordReader({ maxRecordChars: this.limits.maxLineBytes }) : undefined;
  }

  /** Reads the rows `text` completes; false once the reading has stopped. */
  push(text: string): boolean {
    if (this.verdict) return false;
    if (this.csv) this.settleCsv(this.csv.push(text, this.onRecord));
    else this.pushJsonLines(text);
    return this.verdict === undefined;
  }

  /** The verdict on the whole file: the predictions aligned with the expected ids, or every problem found. */
  end(): ParsedPredictions<K> {
    if (this.verdict) return this.verdict;
    if (this.csv) {
      this.settleCsv(this.csv.end(this.onRecord));
      if (this.verdict) return this.verdict;
      if (!this.headerSeen) return rejectedFile(1, 'the header must be exactly `id,prediction`');
    } else if (!this.skippingLongLine && this.pendingLine !== '') {
      this.jsonLine(this.pendingLine, this.lineNumber);
      if (this.verdict) return this.verdict;
    }
    // A file with no well-formed row: its shape problems say enough.
    if (this.shape.total > 0 && this.formedRows === 0) return failure(this.shape);
    this.reportMissing();
    if (this.shape.total + this.content.total > 0) return failure(this.shape.concat(this.content));
    return { ok: true, predictions: this.values as Prediction<K>[] };
  }

  private settleCsv(outcome: ReturnType<CsvRecordReader['push']>): void {
    if (outcome !== undefined && outcome !== 'stop')
      this.verdict = rejectedFile(outcome.line, `not valid CSV: ${outcome.message}`);
  }

  private readonly onRecord = (fields: string[], line: number): 'stop' | undefined => {
    if (!this.headerSeen) {
      this.headerSeen = true;
      if (fields.length !== 2 || fields[0] !== 'id' || fields[1] !== 'prediction') {
        this.verdict = rejectedFile(line, 'the header must be exactly `id,prediction`');
        return 'stop';
      }
      return undefined;
    }
    if (!this.countRow(line)) return 'stop';
    if (fields.length !== 2)
      this.shape.add(line, `expected 2 columns (id,prediction), found ${fields.length}`);
    else this.row(line, fields[0], fields[1]);
    return undefined;
  };

  /** Counts a data row; false (with the verdict set) when it is one too many. */
  private countRow(line: number): boolean {
    this.rows++;
    if (this.rows > this.limits.maxRows) {
      const message = `more than ${this.limits.maxRows} rows`;
      // CSV: the limit is all that is reported; JSONL: with the malformed lines before it.
      if (this.fromCsv) this.verdict = rejectedFile(line, message);
      else {
        this.shape.add(line, message);
        this.verdict = failure(this.shape);
      }
      return false;
    }
    const items = this.expectedIds.length;
    if (!this.csvSamples && this.rows > items) {
      this.verdict = this.stoppedPastItems(line, items);
      return false;
    }
    return true;
  }

  /** The verdict when a file has more rows than the split has items: one line naming where reading stopped. */
  private stoppedPastItems(line: number, items: number): ParsedPredictions<K> {
    const before = this.shape.concat(this.content);
    const message = `more rows than the ${items} item${items === 1 ? '' : 's'} expected (one row per item); reading stopped here`;
    const earlier = before.total > 0 ? failure<K>(before) : undefined;
    const listed = earlier && !earlier.ok ? earlier.issues : [];
    const first = listed[0];
    const summary = `predictions rejected: line ${line}: ${message}${
      first
        ? `; ${before.total} problem${before.total === 1 ? '' : 's'} before it, the first: line ${first.line}: ${first.message}`
        : ''
    }`;
    return { ok: false, issues: [...listed, { line, message }], summary };
  }

  private pushJsonLines(text: string): void {
    let start = 0;
    for (;;) {
      const lineBreak = text.indexOf('\n', start);
      if (lineBreak === -1) break;
      if (this.skippingLongLine) this.skippingLongLine = false;
      else {
        const piece = text.slice(start, lineBreak);
        const source = this.pendingLine === '' ? piece : this.pendingLine + piece;
        this.pendingLine = '';
        this.jsonLine(source, this.lineNumber);
        if (this.verdict) return;
      }
      this.lineNumber++;
      start = lineBreak + 1;
    }
    if (this.skippingLongLine || start >= text.length) return;
    this.pendingLine += text.slice(start);
    if (this.pendingLine.length > this.limits.maxLineBytes) {
      // Already too long: count it now and drop the rest of it as it comes.
      this.pendingLine = '';
      this.skippingLongLine = true;
      if (this.countRow(this.lineNumber))
        this.shape.add(this.lineNumber, `line longer than ${this.limits.maxLineBytes} bytes`);
    }
  }

  private jsonLine(source: string, line: number): void {
    if (source.trim() === '') return;
    if (!this.countRow(line)) return;
    if (source.length > this.limits.maxLineBytes) {
      this.shape.add(line, `line longer than ${this.limits.maxLineBytes} bytes`);
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch {
      this.shape.add(line, 'not valid JSON');
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.shape.add(line, 'expected an object {"id": …, "prediction": …}');
      return;
    }
    const keys = Object.keys(value);
    const extra = keys.filter((key) => key !== 'id' && key !== 'prediction');
    if (extra.length > 0 || keys.length !== 2) {
      this.shape.add(
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
      return;
    }
    const record = value as Record<string, unknown>;
    this.row(line, Number.isSafeInteger(record.id) ? String(record.id) : record.id, record.prediction);
  }

  /** Checks a well-formed row's id and prediction and keeps the prediction in its item's place. */
  private row(line: number, id: unknown, prediction: unknown): void {
    this.formedRows++;
    if (typeof id !== 'string' || id === '') {
      this.content.add(line, `id must be a non-empty string, found ${describe(id)}`);
      return;
    }
    const index = this.position.get(id);
    if (index === undefined) {
      this.content.add(line, `unknown id ${describe(id)} (not in this split)`);
      return;
    }
    const seenOn = this.firstLine[index]!;
    if (seenOn !== 0 && !this.csvSamples) {
      this.content.add(line, `duplicate id ${describe(id)} (first on line ${seenOn})`);
      return;
    }
    if (seenOn === 0) this.firstLine[index] = line;
    const read = readPrediction(this.kind, prediction, this.fromCsv, this.labels);
    if ('message' in read) {
      this.content.add(line, read.message);
      return;
    }
    if (!this.csvSamples)
      this.values[index] =
        (this.kind === 'label' && this.canonicalLabels?.get(read.value as string)) || read.value;
    else if (this.values[index] === undefined) this.values[index] = [read.value];
    else (this.values[index] as string[]).push(read.value as string);
  }

  private reportMissing(): void {
    let count = 0;
    const shown: string[] = [];
    for (let index = 0; index < this.firstLine.length; index++) {
      if (this.firstLine[index] !== 0) continue;
      if (++count <= 5) shown.push(describe(this.expectedIds[index]));
    }
    if (count === 0) return;
    this.content.add(
      null,
      `${count} expected id${count > 1 ? 's are' : ' is'} missing: ${shown.join(', ')}${count > 5 ? ', …' : ''}`,
    );
  }
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
 * number is expected, a label from the label set); reading stops at the first row past the item count.
 * Expected failures are data, never throws. The whole text is read at once: a server reads with
 * readPredictions, which gives the same verdict in slices.
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
  if (bytes.length > limits.maxBytes)
    return rejectedFile(null, `the file is ${bytes.length} bytes; the limit is ${limits.maxBytes}`);
  let text: string;
  try {
    text = strictDecoder.decode(bytes);
  } catch {
    return rejectedFile(firstBadUtf8Line(bytes), 'not valid UTF-8 (save the file as UTF-8)');
  }
  const reader = new PredictionsReader(expectation);
  reader.push(text);
  return reader.end();
}
