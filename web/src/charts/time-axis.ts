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
