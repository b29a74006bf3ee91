import { z } from 'zod';
import { REGIONS } from '../vocabularies/regions.ts';

/** A country with its models and organizations. */
export const CountrySummarySchema = z.object({
  country: z.string(),
  countryName: z.string().nullable(),
  region: z.enum(REGIONS),
  modelCount: z.number().int(),
  openModelCount: z.number().int(),
  organizationCount: z.number().int(),
});

/**
 * A country with its models and organizations (see CountrySummarySchema): `country` is an ISO 3166-1
 * alpha-2 code; a model counts once per distinct country of its organizations.
 */
export type CountrySummary = z.output<typeof CountrySummarySchema>;

/** GET /api/countries. */
export const CountryListSchema = z.object({ items: z.array(CountrySummarySchema) });

/** The answer of GET /api/countries. */
export type CountryList = z.output<typeof CountryListSchema>;
