import { parse as parseCsv } from 'csv-parse/sync';
import type { TextDocument } from '../../spec/index.ts';
import { parseYamlSafely } from '../../spec/index.ts';

/** True for a finite JSON number. */
export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Keys that count training progress rather than measure anything. */
const PROGRESS_KEYS = new Set([
  'step',
  'steps',
  'global_step',
  'globalstep',
  '_step',
  'trainer/global_step',
  'train/global_step',
  'iteration',
  'iter',
  'it',
  'epoch',
  'epochs',
  'batch',
]);

/** Keys that tell time rather than measure anything. */
const TIME_KEYS = new Set([
  'wall_time',
  'walltime',
  'time',
  'timestamp',
  '_timestamp',
  '_runtime',
  'runtime',
  'date',
]);

/** True for a key that names training progress: step, global_step, iteration, epoch … */
export function isStepKey(key: string): boolean {
  return PROGRESS_KEYS.has(key.trim().toLowerCase());
}

/** True for a column or key that can hold a metric (not progress or time). */
export function isMetricKey(key: string): boolean {
  const lower = key.trim().toLowerCase();
  return /[a-z]/.test(lower) && !PROGRESS_KEYS.has(lower) && !TIME_KEYS.has(lower);
}

/** The line (1-based) a JSON.parse error points at, when the message gives a position. */
export function jsonErrorLine(text: string, error: unknown): number {
  const message = error instanceof Error ? error.message : '';
  const position = /position (\d+)/.exec(message);
  const lineCol = /line (\d+) column \d+/.exec(message);
  if (lineCol) return Number(lineCol[1]);
  const offset = position ? Number(position[1]) : text.length;
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The first line of an error message, without the file name a parser may have put in front. */
export function errorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n')[0] ?? message).slice(0, 200);
}

/** Parses JSON without throwing: the value, or the line and message of the error. */
export function parseJson(
  text: string,
): { ok: true; value: unknown } | { ok: false; line: number; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, line: jsonErrorLine(text, error), message: errorMessage(error) };
  }
}

/** A YAML document parsed with Aperture's limits, or the line and message of the problem. */
export type YamlOutcome =
  | { ok: true; value: unknown; locate: (path: ReadonlyArray<PropertyKey>) => number | undefined }
  | { ok: false; line: number | undefined; message: string };

/** Parses YAML with the safe-yaml limits, without throwing. */
export function parseYaml(text: string, file: string): YamlOutcome {
  try {
    const parsed = parseYamlSafely(text, file);
    return { ok: true, value: parsed.value, locate: (path) => parsed.locate(path)?.line };
  } catch (error) {
    const message = errorMessage(error);
    const at = /:(\d+)(?::\d+)?: /.exec(message);
    return { ok: false, line: at ? Number(at[1]) : undefined, message };
  }
}

/** The YAML front matter of a Markdown file (between `---` lines at the top), with its first line number. */
export function frontMatter(markdown: string): { text: string; firstLine: number } | null {
  const match = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(markdown);
  return match ? { text: match[1]!, firstLine: 2 } : null;
}

/** Text of a possibly truncated file with any cut-off last line removed. */
export function completeLines(text: string, truncated: boolean): string {
  if (!truncated) return text;
  const end = text.lastIndexOf('\n');
  return end < 0 ? '' : text.slice(0, end + 1);
}

/** A table read from CSV or TSV, or where it stopped being one. */
export type TableOutcome =
  | { ok: true; rows: string[][] }
  | { ok: false; line: number | undefined; message: string };

/**
 * Parses CSV/TSV text from a release with the same bounded options everywhere (BOM, empty lines skipped,
 * cells trimmed, 1 MiB per record), turning parse errors into data.
 */
export function parseTable(text: string, delimiter: string): TableOutcome {
  try {
    const rows: string[][] = parseCsv(text, {
      delimiter,
      bom: true,
      skip_empty_lines: true,
      trim: true,
      max_record_size: 1 << 20,
    });
    return { ok: true, rows };
  } catch (error) {
    const line = (error as { lines?: unknown }).lines;
    return { ok: false, line: typeof line === 'number' ? line : undefined, message: errorMessage(error) };
  }
}

/** Where a JSON Lines document stopped being one, or that every line parsed. */
export type JsonLinesOutcome = { ok: true } | { ok: false; line: number; problem: string };

/**
 * Parses each non-empty line of a JSON Lines document and hands it to `visit`, which may reject the
 * value with a problem. The cut-off last line of a partly read file is skipped, not counted as broken.
 */
export function eachJsonLine(
  document: TextDocument,
  visit: (value: unknown, line: number) => string | undefined,
): JsonLinesOutcome {
  const lines = document.text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!.trim();
    if (line === '') continue;
    // JSON.parse itself rather than parseJson: no outcome object per line, and no error line to work out.
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      if (document.truncated && index === lines.length - 1) break;
      return { ok: false, line: index + 1, problem: `not JSON: ${errorMessage(error)}` };
    }
    const problem = visit(value, index + 1);
    if (problem) return { ok: false, line: index + 1, problem };
  }
  return { ok: true };
}
