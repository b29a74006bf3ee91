import { z } from 'zod';
import {
  ACCESSIBILITY_FILTERS,
  ACCESSIBILITY_VALUES,
  IMPORT_RUN_STATUSES,
  JsonReportSchema,
  MODEL_SORTS,
  ORGANIZATION_SORTS,
  REGIONS,
} from '../spec/index.ts';

/*
 * The API contract as zod schemas: they validate requests, serialise responses and generate the
 * OpenAPI 3.1 document, so the three never disagree.
 */

/** Largest page a list returns. */
export const MAX_PAGE_SIZE = 500;

/** `{ error: { code, message, field? } }`: every error response. */
export const ErrorResponseSchema = z
  .object({
    error: z.object({
      code: z.string().describe('A stable ERR_* code'),
      message: z.string().describe('One line: what is wrong and what to do'),
      field: z.string().optional().describe('The request field at fault, e.g. `pageSize`'),
    }),
  })
  .meta({ id: 'Error' });

const FormatSchema = z
  .enum(['json', 'csv'])
  .default('json')
  .describe('`csv` returns the whole filtered list as CSV (formula-safe cells)');

const PageSchema = z.coerce.number().int().min(1).max(1_000_000).default(1).describe('1-based page number');
const PageSizeSchema = z.coerce
  .number()
  .int()
  .min(1)
  .max(MAX_PAGE_SIZE)
  .default(50)
  .describe(`Items per page (1–${MAX_PAGE_SIZE})`);
const CountrySchema = z
  .string()
  .regex(/^[A-Za-z]{2}$/, 'expected a two-letter ISO 3166-1 country code')
  .describe('ISO 3166-1 alpha-2 code');
const RegionSchema = z
  .string()
  .transform((text) => text.toLowerCase())
  .pipe(z.enum(REGIONS))
  .describe(`One of ${REGIONS.join(', ')} (case-insensitive)`);
const SearchSchema = z.string().max(200).describe('Case-insensitive substring of the name');

/** Path parameter `id`: a positive integer. */
export const IdParamsSchema = z.object({
  id: z.coerce
    .number()
    .int()
    .min(1)
    .max(2 ** 31 - 1),
});

/** Query of GET /api/models. */
export const ModelListQuerySchema = z.object({
  q: SearchSchema.optional(),
  country: CountrySchema.optional(),
  region: RegionSchema.optional(),
  organization: z.string().min(1).max(300).optional().describe('Organization id or exact name'),
  accessibility: z
    .enum(ACCESSIBILITY_FILTERS)
    .optional()
    .describe('A stored value, or `open` (any open-weights-*) or `closed` (api, hosted, unreleased)'),
  year: z.coerce.number().int().min(1900).max(2200).optional().describe('Year of publication'),
  mofClass: z.string().min(1).max(20).optional().describe('Model Openness Framework class: I, II or III'),
  source: z
    .string()
    .min(1)
    .max(50)
    .optional()
    .describe('Catalog source: epoch, hf, mot, osai, release-pack, demo'),
  openWashing: z
    .enum(['true', 'false'])
    .transform((text) => text === 'true')
    .optional()
    .describe(
      '`true`: checked releases that call themselves open source while withholding what that takes; `false`: checked releases not flagged (models never checked match neither)',
    ),
  sort: z.enum(MODEL_SORTS).default('-date').describe('`-` for descending; missing values sort last'),
  page: PageSchema,
  pageSize: PageSizeSchema,
  format: FormatSchema,
});

/** A model in lists. */
export const ModelSummarySchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    source: z.string(),
    organization: z.object({ id: z.number().int(), name: z.string() }).nullable(),
    date: z.string().nullable(),
    domain: z.string().nullable(),
    parameters: z.number().nullable(),
    trainingComputeFlop: z.number().nullable(),
    accessibility: z.enum(ACCESSIBILITY_VALUES),
    opennessScore: z.number().nullable(),
    mofClass: z.string().nullable(),
    openWashing: z
      .boolean()
      .nullable()
      .describe('Open-washing flag of the checked release; null when the release was never checked'),
    openWashingReason: z
      .string()
      .nullable()
      .describe(
        'Why the release is (or is not) flagged; null when it makes no open-source claim or was never checked',
      ),
    countries: z.array(z.string()),
    regions: z.array(z.enum(REGIONS)),
    sourceUrl: z.string().nullable(),
  })
  .meta({ id: 'ModelSummary' });

/** A page of some items. */
function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  });
}

/** GET /api/models. */
export const ModelPageSchema = pageOf(ModelSummarySchema);

const LineageLinkSchema = z.object({ id: z.number().int(), name: z.string(), relation: z.string() });

/** GET /api/models/:id. */
export const ModelDetailSchema = ModelSummarySchema.extend({
  externalIds: z.record(z.string(), z.unknown()),
  profile: z.unknown().describe('The stored openness profile (report v1 `profile`), or null'),
  lineage: z.object({ parents: z.array(LineageLinkSchema), children: z.array(LineageLinkSchema) }),
  adoption: z.array(
    z.object({
      date: z.string(),
      downloads: z.number().nullable(),
      likes: z.number().nullable(),
      derivatives: z.number().nullable(),
    }),
  ),
  ratings: z.array(
    z.object({
      scheme: z.string(),
      ratingClass: z.string().nullable(),
      score: z.number().nullable(),
      details: z.unknown(),
      source: z.string(),
    }),
  ),
}).meta({ id: 'ModelDetail' });

/** Query of GET /api/organizations. */
export const OrganizationListQuerySchema = z.object({
  q: SearchSchema.optional(),
  country: CountrySchema.optional(),
  region: RegionSchema.optional(),
  type: z.string().min(1).max(50).optional().describe('industry, academia, government, …'),
  sort: z.enum(ORGANIZATION_SORTS).default('name'),
  page: PageSchema,
  pageSize: PageSizeSchema,
  format: FormatSchema,
});

/** An organization in lists. */
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

/** GET /api/organizations. */
export const OrganizationPageSchema = pageOf(OrganizationSummarySchema);

/** GET /api/organizations/:id. */
export const OrganizationDetailSchema = OrganizationSummarySchema.extend({
  models: z.array(ModelSummarySchema),
}).meta({ id: 'OrganizationDetail' });

/** Query of lists without filters. */
export const FormatQuerySchema = z.object({ format: FormatSchema });

/** GET /api/countries. */
export const CountryListSchema = z.object({
  items: z.array(
    z.object({
      country: z.string(),
      countryName: z.string().nullable(),
      region: z.enum(REGIONS),
      modelCount: z.number().int(),
      openModelCount: z.number().int(),
      organizationCount: z.number().int(),
    }),
  ),
});

const IndicatorColumnSchema = z.object({
  name: z.string(),
  type: z.enum(['text', 'integer', 'number']),
  description: z.string(),
});
const IndicatorChartSchema = z.object({
  kind: z.enum(['line', 'bar', 'stacked-bar']),
  x: z.string(),
  y: z.string(),
  series: z.string().optional(),
});
const IndicatorRowSchema = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));

/** GET /api/indicators. */
export const IndicatorListSchema = z.object({
  items: z.array(
    z.object({
      name: z.string(),
      title: z.string(),
      summary: z.string(),
      chart: IndicatorChartSchema,
      columns: z.array(IndicatorColumnSchema),
      parameters: z.array(
        z.object({
          name: z.string(),
          description: z.string(),
          type: z.enum(['integer', 'text']),
          default: z.union([z.string(), z.number()]).optional(),
          choices: z.array(z.string()).optional(),
          min: z.number().optional(),
          max: z.number().optional(),
        }),
      ),
    }),
  ),
});

/** Path of GET /api/indicators/:name. */
export const IndicatorParamsSchema = z.object({
  name: z.string().regex(/^[a-z0-9-]{1,80}$/, 'expected a kebab-case indicator name'),
});

/** Query of GET /api/indicators/:name: the indicator's own parameters, plus `format`. */
export const IndicatorQuerySchema = z
  .object({ format: FormatSchema })
  .catchall(z.string().max(200))
  .describe("The indicator's parameters (see GET /api/indicators) and `format`");

/** GET /api/indicators/:name. */
export const IndicatorResultSchema = z
  .object({
    name: z.string(),
    title: z.string(),
    summary: z.string(),
    definition: z.string().describe('Markdown: what is counted, the counting rule and caveats'),
    columns: z.array(IndicatorColumnSchema),
    chart: IndicatorChartSchema,
    rows: z.array(IndicatorRowSchema),
    references: z.array(
      z.object({
        label: z.string(),
        citation: z.object({ title: z.string(), url: z.string(), note: z.string() }),
        rows: z.array(IndicatorRowSchema),
      }),
    ),
  })
  .meta({ id: 'IndicatorResult' });

/** Body of POST /api/check. */
export const CheckBodySchema = z.object({
  source: z
    .string()
    .min(1)
    .max(2048)
    .describe(
      '`hf:org/name[@revision]` or an `https://` git URL (`#ref` allowed) whose host is on a public address (see APERTURE_ALLOW_HOSTS)',
    ),
});

/** POST /api/check: the report of `aperture check --json` (report v1, `schemas/report.v1.json`). */
export const CheckReportSchema = JsonReportSchema.meta({ id: 'CheckReport' });

/** Query of GET /api/import-runs. */
export const ImportRunQuerySchema = z.object({
  page: PageSchema,
  pageSize: PageSizeSchema,
  format: FormatSchema,
});

/** GET /api/import-runs. */
export const ImportRunPageSchema = pageOf(
  z.object({
    id: z.number().int(),
    kind: z.string(),
    source: z.string(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    status: z
      .enum(IMPORT_RUN_STATUSES)
      .describe(
        '`interrupted`: the run was left `running` by a process found gone (killed or crashed); its committed batches stay',
      ),
    inserted: z.number().int(),
    updated: z.number().int(),
    rejected: z.number().int(),
    rejectedRowsStored: z.number().int(),
    ownerHost: z
      .string()
      .nullable()
      .describe('The machine (process table) of the process that ran the import; null for older runs'),
    ownerPid: z.number().int().nullable().describe('That process id'),
    heartbeatAt: z
      .string()
      .nullable()
      .describe("The run's last sign of life (a heartbeat or a committed batch)"),
  }),
);

/** GET /api/health. */
export const HealthSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
  dialect: z.enum(['sqlite', 'postgres']),
});
