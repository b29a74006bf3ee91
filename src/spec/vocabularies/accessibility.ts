/**
 * How a model's weights can be reached: the catalog's one vocabulary for every source (the
 * `models.accessibility` column accepts only these).
 */
export const ACCESSIBILITY_VALUES = [
  'open-weights-unrestricted',
  'open-weights-restricted',
  'open-weights-noncommercial',
  'api',
  'hosted',
  'unreleased',
  'unknown',
] as const;

/** One of ACCESSIBILITY_VALUES. */
export type AccessibilityValue = (typeof ACCESSIBILITY_VALUES)[number];

/** Accessibility values that count as an open release: the weights can be downloaded. */
export const OPEN_ACCESSIBILITIES: readonly AccessibilityValue[] = ACCESSIBILITY_VALUES.filter((value) =>
  value.startsWith('open-weights-'),
);

/** Accessibility values that count as a closed release (`unknown` is neither open nor closed). */
export const CLOSED_ACCESSIBILITIES: readonly AccessibilityValue[] = ['api', 'hosted', 'unreleased'];

/** What the `accessibility` filter of the model list accepts: one stored value, or the `open` / `closed` groups. */
export const ACCESSIBILITY_FILTERS = [...ACCESSIBILITY_VALUES, 'open', 'closed'] as const;

/** One of ACCESSIBILITY_FILTERS. */
export type AccessibilityFilter = (typeof ACCESSIBILITY_FILTERS)[number];

/**
 * The stored accessibility values an ACCESSIBILITY_FILTERS entry stands for.
 *
 * @example
 * accessibilitiesOf('closed') // ['api', 'hosted', 'unreleased']
 */
export function accessibilitiesOf(filter: AccessibilityFilter): readonly AccessibilityValue[] {
  if (filter === 'open') return OPEN_ACCESSIBILITIES;
  if (filter === 'closed') return CLOSED_ACCESSIBILITIES;
  return [filter];
}
