import type { Region } from '../../spec/index.ts';
import { EUROPE_COUNTRY_CODES } from '../regions.ts';

/** Every ISO code regionOf maps to a named region; `rest` is everything else. */
const NAMED_REGION_CODES: readonly string[] = ['US', 'CN', ...EUROPE_COUNTRY_CODES];

/**
 * The country codes of a region as a SQL membership test: `in` for us, china and europe, `not in` the
 * named regions' codes for `rest` (the same partition as regionOf).
 */
export function regionCountries(region: Region): { operator: 'in' | 'not in'; codes: readonly string[] } {
  switch (region) {
    case 'us':
      return { operator: 'in', codes: ['US'] };
    case 'china':
      return { operator: 'in', codes: ['CN'] };
    case 'europe':
      return { operator: 'in', codes: [...EUROPE_COUNTRY_CODES] };
    case 'rest':
      return { operator: 'not in', codes: NAMED_REGION_CODES };
  }
}

/** A `like` pattern that matches `text` anywhere, with `!` escaping the wildcards in `text`. */
export function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[!%_]/g, '!$&')}%`;
}
