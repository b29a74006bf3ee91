/** Time-axis helpers for charts: days as UTC milliseconds and month ticks. */

/** Milliseconds since the epoch of a `YYYY-MM-DD` day (UTC); NaN when it is not a date. */
export function dayValue(day: string): number {
  return Date.parse(`${day.slice(0, 10)}T00:00:00Z`);
}

/** `YYYY-MM-DD` of a UTC time in milliseconds. */
export function dayText(value: number): string {
  return new Date(value).toISOString().slice(0, 10);
}

/** First days of months between two times, thinned to at most `max` ticks. */
export function monthTicks(min: number, max: number, maxTicks = 8): number[] {
  const start = new Date(min);
  let year = start.getUTCFullYear();
  let month = start.getUTCMonth() + 1;
  const months: number[] = [];
  for (;;) {
    if (month > 11) {
      year += 1;
      month = 0;
    }
    const value = Date.UTC(year, month, 1);
    if (value > max) break;
    months.push(value);
    month += 1;
  }
  const every = Math.max(1, Math.ceil(months.length / maxTicks));
  return months.filter((_value, index) => index % every === 0);
}

/** The kinds of period a categorical time axis can hold: years (`2024`) or quarters (`2024-Q3`). */
export type PeriodKind = 'year' | 'quarter';

const YEAR = /^\d{4}$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;

/** The kind of period every value is (`2024` → year, `2024-Q3` → quarter), or null when they are not all one. */
export function periodKind(values: readonly string[]): PeriodKind | null {
  if (values.length === 0) return null;
  if (values.every((value) => YEAR.test(value))) return 'year';
  if (values.every((value) => QUARTER.test(value))) return 'quarter';
  return null;
}

/** A period as a running number (year, or year × 4 + quarter − 1), for ordering and counting. */
function periodIndex(period: string, kind: PeriodKind): number {
  if (kind === 'year') return Number(period);
  const match = QUARTER.exec(period)!;
  return Number(match[1]) * 4 + Number(match[2]) - 1;
}

function periodAt(index: number, kind: PeriodKind): string {
  return kind === 'year' ? String(index) : `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/**
 * Every period from the first to the last of `values`, in order, the empty ones included, so a
 * categorical axis never collapses a period without data; at most `max` (a bad value never makes
 * millions of ticks: beyond it the values are returned sorted, as they are).
 *
 * @example
 * periodRange(['2024-Q3', '2024-Q1'], 'quarter') // ['2024-Q1', '2024-Q2', '2024-Q3']
 */
export function periodRange(values: readonly string[], kind: PeriodKind, max = 400): string[] {
  const indexes = values.map((value) => periodIndex(value, kind));
  const first = Math.min(...indexes);
  const last = Math.max(...indexes);
  if (last - first + 1 > max) {
    return [...new Set(values)].sort((a, b) => periodIndex(a, kind) - periodIndex(b, kind));
  }
  return Array.from({ length: last - first + 1 }, (_value, offset) => periodAt(first + offset, kind));
}

/** The first and last day (`YYYY-MM-DD`) of a period. */
export function periodBounds(period: string, kind: PeriodKind): { start: string; end: string } {
  if (kind === 'year') return { start: `${period}-01-01`, end: `${period}-12-31` };
  const index = periodIndex(period, kind);
  const year = Math.floor(index / 4);
  const quarter = index % 4;
  const start = Date.UTC(year, quarter * 3, 1);
  const end = Date.UTC(year, quarter * 3 + 3, 1) - 86_400_000;
  return { start: dayText(start), end: dayText(end) };
}

/**
 * Whether `period` is not complete in data that runs to `asOf` (`YYYY-MM-DD`): it ends after that day
 * (the current year or quarter, or one after the snapshot date of the data).
 */
export function isPartialPeriod(period: string, kind: PeriodKind, asOf: string): boolean {
  return periodBounds(period, kind).end > asOf.slice(0, 10);
}
