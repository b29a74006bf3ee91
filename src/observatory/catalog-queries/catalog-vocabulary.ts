import { ACCESSIBILITY_VALUES, type AccessibilityValue } from '../../store/index.ts';
import { EUROPE_COUNTRY_CODES, type Region } from '../regions.ts';

/** Accessibility values that count as an open release: the weights can be downloaded. */
export const OPEN_ACCESSIBILITIES: readonly AccessibilityValue[] = ACCESSIBILITY_VALUES.filter((value) =>
  value.startsWith('open-weights-'),
);

/** Accessibility values that count as a closed release (`unknown` is neither open nor closed). */
export const CLOSED_ACCESSIBILITIES: readonly AccessibilityValue[] = ['api', 'hosted', 'unreleased'];

/** What the `accessibility` filter accepts: one stored value, or the `open` / `closed` groups. */
export const ACCESSIBILITY_FILTERS = [...ACCESSIBILITY_VALUES, 'open', 'closed'] as const;

/** One of ACCESSIBILITY_FILTERS. */
export type AccessibilityFilter = (typeof ACCESSIBILITY_FILTERS)[number];

/** The stored accessibility values an ACCESSIBILITY_FILTERS entry stands for. */
export function accessibilitiesOf(filter: AccessibilityFilter): readonly AccessibilityValue[] {
  if (filter === 'open') return OPEN_ACCESSIBILITIES;
  if (filter === 'closed') return CLOSED_ACCESSIBILITIES;
  return [filter];
}

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
