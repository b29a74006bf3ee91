import { z } from 'zod';
import type { ComponentRatingSchema, OpennessProfileSchema } from '../report/profile-schema.ts';
import { ACCESSIBILITY_FILTERS, ACCESSIBILITY_VALUES } from '../vocabularies/accessibility.ts';
import { MODEL_SORTS } from '../vocabularies/catalog-sorts.ts';
import { OPENNESS_SCHEMES } from '../vocabularies/openness-schemes.ts';
import { REGIONS } from '../vocabularies/regions.ts';
import { CountryParamSchema, RegionParamSchema, SearchParamSchema } from './catalog-params.ts';
import { MatchReasonSchema } from './matches.ts';
import { FormatParamSchema, PageParamSchema, PageSizeParamSchema, pageOf } from './pages.ts';

/** Query of GET /api/models. */
export const ModelListQuerySchema = z.object({
  q: SearchParamSchema.optional(),
  country: CountryParamSchema.optional(),
  region: RegionParamSchema.optional(),
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
  page: PageParamSchema,
  pageSize: PageSizeParamSchema,
  format: FormatParamSchema,
});

/** A model as catalog lists show it. */
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

/**
 * A model as catalog lists show it (see ModelSummarySchema): `date` is ISO 8601, possibly partial
 * (`YYYY`, `YYYY-MM`); `countries` are distinct ISO 3166-1 alpha-2 codes and `regions` theirs, sorted.
 */
export type ModelSummary = z.output<typeof ModelSummarySchema>;

/** GET /api/models. */
export const ModelPageSchema = pageOf(ModelSummarySchema);

/** A page of models and the number of models that match the filters. */
export type ModelPage = z.output<typeof ModelPageSchema>;

/** A lineage neighbour of a model. */
export const LineageLinkSchema = z.object({ id: z.number().int(), name: z.string(), relation: z.string() });

/** A lineage neighbour of a model (see LineageLinkSchema). */
export type LineageLink = z.output<typeof LineageLinkSchema>;

/** An openness rating of a model by a scheme (MOF, OSAI index, Aperture). */
export const ModelRatingSchema = z.object({
  scheme: z.enum(OPENNESS_SCHEMES),
  ratingClass: z.string().nullable(),
  score: z.number().nullable(),
  details: z.unknown(),
  source: z.string(),
});

/** An openness rating of a model (see ModelRatingSchema). */
export type ModelRating = z.output<typeof ModelRatingSchema>;

/** What one source says about the model (or a model related to it), with its provenance. */
export const ModelSourceFactsSchema = z.object({
  modelId: z.number().int(),
  source: z.string(),
  externalId: z.string(),
  name: z.string(),
  relation: z
    .enum(['self', 'same', 'family', 'member'])
    .describe(
      '`self`: this row; `same`: the same model in another source; `family`: a rating or listing of a family this model belongs to; `member`: a model of the family this row names',
    ),
  matchId: z.number().int().nullable(),
  matchStatus: z.enum(['accepted', 'proposed']).nullable(),
  confidence: z.number().nullable(),
  reasons: z.array(MatchReasonSchema),
  organization: z.string().nullable(),
  date: z.string().nullable(),
  countries: z.array(z.string()),
  parameters: z.number().nullable(),
  trainingComputeFlop: z.number().nullable(),
  accessibility: z.enum(ACCESSIBILITY_VALUES),
  mofClass: z.string().nullable(),
  opennessScore: z.number().nullable(),
  hubIds: z.array(z.string()),
  sourceUrl: z.string().nullable(),
  ratings: z.array(
    z.object({
      scheme: z.enum(OPENNESS_SCHEMES),
      ratingClass: z.string().nullable(),
      score: z.number().nullable(),
      sourceFile: z.string().nullable(),
      dimensions: z.array(z.object({ name: z.string(), rating: z.string() })),
    }),
  ),
});

/** One source's facts about a model (see ModelSourceFactsSchema). */
export type ModelSourceFacts = z.output<typeof ModelSourceFactsSchema>;

/** A fact the sources of one entity state differently. */
export const FactDisagreementSchema = z.object({
  field: z.enum(['date', 'countries', 'parameters', 'accessibility', 'organization']),
  values: z.array(z.object({ source: z.string(), modelId: z.number().int(), value: z.string() })),
});

/** A disagreement between sources (see FactDisagreementSchema). */
export type FactDisagreement = z.output<typeof FactDisagreementSchema>;

/** GET /api/models/:id: everything the catalog knows about one model. */
export const ModelDetailSchema = ModelSummarySchema.extend({
  entityId: z
    .number()
    .int()
    .nullable()
    .describe('The model entity this row belongs to; null when no other source lists it'),
  sources: z
    .array(ModelSourceFactsSchema)
    .describe('This row and every row of another source matched to it, each with its own facts'),
  disagreements: z
    .array(FactDisagreementSchema)
    .describe('Facts the rows of this entity (accepted same-model matches) state differently'),
  externalIds: z.record(z.string(), z.unknown()),
  // Sent as stored, unvalidated: a profile written by an earlier version may lack fields added since.
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
  ratings: z
    .array(ModelRatingSchema)
    .describe("Ratings by others (MOF, OSAI index); Aperture's own is `opennessScore` and `profile`"),
}).meta({ id: 'ModelDetail' });

/** Everything the catalog knows about one model (see ModelDetailSchema); `profile` as stored. */
export type ModelDetail = z.output<typeof ModelDetailSchema>;

type ComponentRating = z.output<typeof ComponentRatingSchema>;
type OpennessProfile = z.output<typeof OpennessProfileSchema>;

/** A component of a stored profile: `verification` is absent in profiles stored before releases spanned locations. */
export type StoredComponentRating = Omit<ComponentRating, 'verification'> & {
  verification?: ComponentRating['verification'];
};

/**
 * The openness profile stored with a model (report v1 `profile`), as this or an earlier version wrote
 * it: `openWashing` is absent in profiles stored before the flag, and so may be a component's
 * `verification`. A profile of this version's report is one too.
 */
export type StoredProfile = Omit<OpennessProfile, 'components' | 'openWashing'> & {
  components: StoredComponentRating[];
  openWashing?: OpennessProfile['openWashing'];
};

/**
 * A model as a reader of GET /api/models/:id takes it: ModelDetail with its stored profile read as a
 * StoredProfile (the server sends the profile as stored, without checking it against the schema).
 */
export type ModelDetailWithProfile = Omit<ModelDetail, 'profile'> & { profile: StoredProfile | null };
