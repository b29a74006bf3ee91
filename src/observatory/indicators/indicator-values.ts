/*
 * Driver values made identical across dialects: PostgreSQL returns numeric (sums of bigint, averages
 * of integers) as strings and SQLite returns numbers, so every figure goes through these.
 */

/** A database number (number, numeric string or bigint) as a JS number; null stays null. */
export function toNumber(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const number = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(number) ? number : null;
}

/** A count as an integer (0 for null). */
export function toCount(value: unknown): number {
  return Math.round(toNumber(value) ?? 0);
}

/** `value` rounded to `digits` decimals (4 by default), so float sums agree across dialects. */
export function roundTo(value: number | null, digits = 4): number | null {
  if (value === null) return null;
  const factor = 10 ** digits;
  const rounded = Math.round(value * factor) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
}

/** `part / whole` rounded to 4 decimals; null when the whole is 0. */
export function shareOf(part: number, whole: number): number | null {
  return whole === 0 ? null : roundTo(part / whole);
}

/** Compares two row values: nulls last, numbers numerically, text by code points (locale-free). */
function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const left = String(a);
  const right = String(b);
  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * `rows` sorted by `keys` in order (prefix a key with `-` for descending), the same on every dialect;
 * nulls come last in either direction (an unknown figure is not the largest).
 */
export function sortRows<T extends Record<string, unknown>>(rows: T[], keys: readonly string[]): T[] {
  return [...rows].sort((a, b) => {
    for (const key of keys) {
      const descending = key.startsWith('-');
      const column = descending ? key.slice(1) : key;
      const left = a[column];
      const right = b[column];
      const leftMissing = left === null || left === undefined;
      const rightMissing = right === null || right === undefined;
      if (leftMissing !== rightMissing) return leftMissing ? 1 : -1;
      const order = compareValues(left, right);
      if (order !== 0) return descending ? -order : order;
    }
    return 0;
  });
}
