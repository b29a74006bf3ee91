import path from 'node:path';
import { ApertureError } from '../../errors.ts';
import type { TransparencyScoreRecord } from '../catalog-records.ts';
import { type ParseItem, recordItem, rejectedItem } from './parse-item.ts';
import { type CsvInput, indexColumns, openFileStream, readCsvRows } from './read-csv-rows.ts';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * The FMTI edition a file name states, as `YYYY-MM` (`Dec2025_scores.csv` → `2025-12`), or null.
 *
 * @example
 * fmtiEditionOf('fmti/Dec2025_scores.csv') // '2025-12'
 */
export function fmtiEditionOf(file: string): string | null {
  const match = /^([A-Za-z]{3})[a-z]*[-_ ]?(\d{4})/.exec(path.basename(file));
  if (!match) return null;
  const month = MONTHS.indexOf(match[1]!.toLowerCase());
  return month === -1 ? null : `${match[2]}-${String(month + 1).padStart(2, '0')}`;
}

/** Options of the FMTI scores parser. */
export interface FmtiParseOptions {
  file: string;
  /** `YYYY-MM`; by default read from the file name (`Dec2025_…`). */
  edition?: string;
}

function editionFor(options: FmtiParseOptions): string {
  const edition = options.edition ?? fmtiEditionOf(options.file);
  if (!edition)
    throw new ApertureError(
      'ERR_USAGE',
      `${options.file}: cannot tell the FMTI edition from the file name; pass it`,
    );
  return edition;
}

/**
 * Reads a Foundation Model Transparency Index scores CSV (one row per indicator, one column per
 * developer, cells 0/1) into one score record per developer: points per indicator and the total.
 * A row without an indicator name, or with a cell that is not a number, is rejected and counts for no
 * developer; an empty cell is kept as null and left out of `maxTotal`.
 *
 * @example
 * for await (const item of parseFmtiScoresCsv(stream, { file: 'Dec2025_scores.csv' })) …
 */
export async function* parseFmtiScoresCsv(
  input: CsvInput,
  options: FmtiParseOptions,
): AsyncGenerator<ParseItem<TransparencyScoreRecord>> {
  const { file } = options;
  const edition = editionFor(options);
  let header: string[] | null = null;
  let indicatorColumn = -1;
  let developers: Array<{ name: string; column: number; indicators: Record<string, number | null> }> = [];
  for await (const item of readCsvRows(input, file)) {
    if (item.kind === 'broken') {
      yield rejectedItem(file, item.line, item.reason);
      continue;
    }
    const { fields, line } = item.row;
    if (!header) {
      header = fields;
      indicatorColumn = indexColumns(header, { indicator: ['Indicator'] }).indicator ?? -1;
      if (indicatorColumn === -1)
        throw new ApertureError('ERR_UNREADABLE', `${file}: not an FMTI scores CSV: no "Indicator" column`);
      developers = header
        .map((name, column) => ({ name: name.trim(), column, indicators: {} }))
        .filter((developer) => developer.column !== indicatorColumn && developer.name !== '');
      continue;
    }
    const indicator = (fields[indicatorColumn] ?? '').trim();
    if (indicator === '') {
      yield rejectedItem(file, line, 'no indicator name');
      continue;
    }
    const values: Array<number | null> = [];
    const bad: string[] = [];
    for (const developer of developers) {
      const cell = (fields[developer.column] ?? '').trim();
      const value = cell === '' ? null : Number(cell);
      if (value !== null && !Number.isFinite(value)) bad.push(`${developer.name} "${cell.slice(0, 20)}"`);
      values.push(value);
    }
    if (bad.length > 0) {
      yield rejectedItem(file, line, `indicator "${indicator}": not a number: ${bad.join(', ')}`);
      continue;
    }
    if (developers.some((developer) => indicator in developer.indicators)) {
      yield rejectedItem(file, line, `indicator "${indicator}" appears twice; the first row counts`);
      continue;
    }
    developers.forEach((developer, i) => {
      developer.indicators[indicator] = values[i]!;
    });
  }
  if (!header) throw new ApertureError('ERR_UNREADABLE', `${file}: the CSV is empty (no header line)`);
  for (const developer of developers) {
    const scored = Object.values(developer.indicators).filter((value): value is number => value !== null);
    yield recordItem({
      index: 'fmti',
      edition,
      developer: developer.name,
      total: scored.reduce((sum, value) => sum + value, 0),
      maxTotal: scored.length,
      indicators: developer.indicators,
      source: { source: 'fmti', file, line: null },
    });
  }
}

/** Streams an FMTI scores CSV from disk (ERR_NOT_FOUND / ERR_UNREADABLE when it cannot be opened). */
export async function* parseFmtiScoresFile(
  filePath: string,
  edition?: string,
): AsyncGenerator<ParseItem<TransparencyScoreRecord>> {
  yield* parseFmtiScoresCsv(await openFileStream(filePath), {
    file: filePath,
    ...(edition ? { edition } : {}),
  });
}
