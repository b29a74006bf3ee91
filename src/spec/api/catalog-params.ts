import { z } from 'zod';
import { REGION_LABELS, REGIONS } from '../vocabularies/regions.ts';

/** Path parameter `id` of a model or an organization: a positive integer. */
export const IdParamsSchema = z.object({
  id: z.coerce
    .number()
    .int()
    .min(1)
    .max(2 ** 31 - 1),
});

/** Query field `country` of the catalog lists. */
export const CountryParamSchema = z
  .string()
  .regex(/^[A-Za-z]{2}$/, 'expected a two-letter ISO 3166-1 country code')
  .describe('ISO 3166-1 alpha-2 code');

/** Query field `region` of the catalog lists, in any case. */
export const RegionParamSchema = z
  .string()
  .transform((text) => text.toLowerCase())
  .pipe(z.enum(REGIONS))
  .describe(
    `One of ${REGIONS.map((region) => `${region} (${REGION_LABELS[region]})`).join(', ')}, case-insensitive`,
  );

/** Query field `q` of the catalog lists. */
export const SearchParamSchema = z.string().max(200).describe('Case-insensitive substring of the name');
