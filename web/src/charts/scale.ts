/** A linear map from a domain onto a pixel range. */
export function linearScale(domain: [number, number], range: [number, number]): (value: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0 || 1;
  return (value) => r0 + ((value - d0) / span) * (r1 - r0);
}

/** About `count` round tick values covering [min, max] (steps of 1, 2 or 5 times a power of ten). */
export function niceTicks(min: number, max: number, count = 5): number[] {
  const span = max - min;
  if (!(span > 0)) return [min];
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((factor) => factor * power >= raw) ?? 10) * power;
  const ticks: number[] = [];
  for (let tick = Math.ceil(min / step) * step; tick <= max + step * 1e-9; tick += step) {
    // Round away float noise (0.30000000000000004).
    ticks.push(Number(tick.toPrecision(12)));
  }
  return ticks;
}

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
