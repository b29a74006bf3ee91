import { z } from 'zod';
import { ORGANIZATION_SORTS } from '../vocabularies/catalog-sorts.ts';
import { CountryParamSchema, RegionParamSchema, SearchParamSchema } from './catalog-params.ts';
import { ModelSummarySchema } from './models.ts';
import { FormatParamSchema, PageParamSchema, PageSizeParamSchema, pageOf } from './pages.ts';

/** Query of GET /api/organizations. */
export const OrganizationListQuerySchema = z.object({
  q: SearchParamSchema.optional(),
  country: CountryParamSchema.optional(),
  region: RegionParamSchema.optional(),
  type: z.string().min(1).max(50).optional().describe('industry, academia, government, …'),
  sort: z.enum(ORGANIZATION_SORTS).default('name'),
  page: PageParamSchema,
  pageSize: PageSizeParamSchema,
  format: FormatParamSchema,
});

/** An organization as lists show it, with how many models it leads (as first organization). */
export const OrganizationSummarySchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    country: z.string().nullable(),
    countryName: z.string().nullable(),
    region: z.string().nullable(),
    type: z.string().nullable(),
    modelCount: z.number().int(),
    openModelCount: z.number().int(),
  })
  .meta({ id: 'OrganizationSummary' });

/** An organization as lists show it (see OrganizationSummarySchema). */
export type OrganizationSummary = z.output<typeof OrganizationSummarySchema>;

/** GET /api/organizations. */
export const OrganizationPageSchema = pageOf(OrganizationSummarySchema);

/** A page of organizations and the number that match the filters. */
export type OrganizationPage = z.output<typeof OrganizationPageSchema>;

/** GET /api/organizations/:id: an organization with its models. */
export const OrganizationDetailSchema = OrganizationSummarySchema.extend({
  models: z.array(ModelSummarySchema),
}).meta({ id: 'OrganizationDetail' });

/** An organization with its models (see OrganizationDetailSchema). */
export type OrganizationDetail = z.output<typeof OrganizationDetailSchema>;
