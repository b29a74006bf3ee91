/** The regions the observatory's headline indicators compare (see regionOf in the observatory). */
export const REGIONS = ['us', 'china', 'europe', 'rest'] as const;

/** One of REGIONS. */
export type Region = (typeof REGIONS)[number];
