/** The regions the observatory's headline indicators compare (see regionOf in the observatory). */
export const REGIONS = ['us', 'china', 'europe', 'rest'] as const;

/** One of REGIONS. */
export type Region = (typeof REGIONS)[number];

/**
 * Each region in words, naming what it counts (regionOf in the observatory): `europe` is the 27 EU member
 * states, the United Kingdom and the four EFTA states, so it is not labelled "EU 27"; `china` is CN only.
 */
export const REGION_LABELS: Readonly<Record<Region, string>> = {
  us: 'United States',
  china: 'China (mainland)',
  europe: 'Europe (EU 27, UK and EFTA)',
  rest: 'Rest of the world',
};
