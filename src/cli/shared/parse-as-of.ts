import { ApertureError } from '../../errors.ts';

/**
 * Checks `--as-of`: a day written YYYY-MM-DD, or nothing.
 *
 * @example
 * parseAsOf('2026-06-01') // '2026-06-01'
 */
export function parseAsOf(text: string | undefined): string | undefined {
  if (text !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    throw new ApertureError('ERR_USAGE', `--as-of takes a date written YYYY-MM-DD, not "${text}"`);
  }
  return text;
}
