import { type Stringifier, stringify } from 'csv-stringify';
import { stringify as stringifySync } from 'csv-stringify/sync';

/**
 * First characters that make a spreadsheet read a cell as a formula (`= + - @`), plus tab and carriage
 * return, which some spreadsheets strip before looking (OWASP's CSV injection list).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * `text` made inert for spreadsheets: a cell that starts like a formula gets a leading `'`, which
 * spreadsheets show as text and hide. Numbers are not strings here, so `-3` stays a number.
 *
 * @example
 * neutraliseCsvCell('=HYPERLINK("http://evil")'); // "'=HYPERLINK(\"http://evil\")"
 */
export function neutraliseCsvCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

const SAFE_CAST = {
  string: (value: string) => neutraliseCsvCell(value),
  date: (value: Date) => value.toISOString(),
  object: (value: Record<string, unknown>) => neutraliseCsvCell(JSON.stringify(value)),
  bigint: (value: bigint) => value.toString(),
};

/**
 * A streaming CSV writer (a Transform: write row objects, read text) with a header line of
 * `columns` and every string cell neutralised against formula injection.
 *
 * @example
 * const csv = createSafeCsvStringifier(['name', 'country']);
 * csv.pipe(process.stdout);
 * csv.write({ name: '=cmd', country: 'FR' });
 * csv.end();
 */
export function createSafeCsvStringifier(columns: readonly string[]): Stringifier {
  return stringify({ header: true, columns: [...columns], cast: SAFE_CAST });
}

/** `rows` as CSV text with a header line of `columns`, every string cell neutralised (for small outputs). */
export function toSafeCsv(rows: readonly Record<string, unknown>[], columns: readonly string[]): string {
  return stringifySync([...rows], { header: true, columns: [...columns], cast: SAFE_CAST });
}
