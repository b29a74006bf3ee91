import { existsSync } from 'node:fs';
import path from 'node:path';

/** The shared real-data folder (`../shared/data` beside the project), read in place and never copied. */
export const SHARED_DATA = path.resolve(import.meta.dirname, '../../../../shared/data');

/**
 * The path of a shared data file or folder, or null when it is absent; logs why the tests that need it
 * are skipped.
 */
export function sharedData(relative: string): string | null {
  const full = path.join(SHARED_DATA, relative);
  if (existsSync(full)) return full;
  console.log(`skipped: ${full} is absent (real sample data lives in ../shared/data, see its README.md)`);
  return null;
}
