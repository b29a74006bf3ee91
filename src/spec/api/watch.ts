import { z } from 'zod';
import { MOF_CLASS_NAMES } from '../policy-schema.ts';
import { CountryParamSchema } from './catalog-params.ts';
import { PageParamSchema, PageSizeParamSchema, pageOf } from './pages.ts';

/** Most entries one Atom feed document carries. */
export const MAX_FEED_ENTRIES = 200;

const OrganizationFilterSchema = z
  .string()
  .min(1)
  .max(300)
  .describe('Hub author (e.g. `allenai`) or catalog organization name, case-insensitive');
const MinScoreFilterSchema = z.coerce
  .number()
  .min(0)
  .max(100)
  .describe('Only releases whose openness score is at least this (0–100); unscored releases never match');
const MofClassFilterSchema = z
  .enum(MOF_CLASS_NAMES)
  .describe('Only releases that reach at least this MOF class (I is the most open; III the least)');

/**
 * Which releases a feed or a webhook subscription wants; every field narrows, none means all.
 * The form stored with a subscription and given to the filter query.
 */
export const ReleaseFiltersSchema = z
  .object({
    organization: OrganizationFilterSchema.optional(),
    country: CountryParamSchema.transform((code) => code.toUpperCase()).optional(),
    minScore: z.number().min(0).max(100).optional(),
    mofClass: MofClassFilterSchema.optional(),
    openWashing: z.boolean().optional(),
  })
  .strict();

/** Release filters (see ReleaseFiltersSchema). */
export type ReleaseFilters = z.output<typeof ReleaseFiltersSchema>;

const OpenWashingParamSchema = z
  .enum(['true', 'false'])
  .transform((text) => text === 'true')
  .describe('`true`: only releases flagged open-washing; `false`: only checked releases not flagged');

const filterParams = {
  organization: OrganizationFilterSchema.optional(),
  country: CountryParamSchema.transform((code) => code.toUpperCase()).optional(),
  minScore: MinScoreFilterSchema.optional(),
  mofClass: MofClassFilterSchema.optional(),
  openWashing: OpenWashingParamSchema.optional(),
};

/** Query of GET /feed.atom. */
export const ReleaseFeedQuerySchema = z.object({
  ...filterParams,
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_FEED_ENTRIES)
    .default(50)
    .describe(`Entries, newest first (1–${MAX_FEED_ENTRIES})`),
});

/** Query of GET /api/watch/releases. */
export const ReleaseListQuerySchema = z.object({
  ...filterParams,
  page: PageParamSchema,
  pageSize: PageSizeParamSchema,
});

/** One release the watch found, with its openness. */
export const WatchedReleaseSchema = z
  .object({
    id: z.number().int(),
    repoId: z.string().describe('Hub repo id, `org/name`'),
    author: z.string(),
    organization: z.string().nullable().describe('The catalog organization the author is mapped to'),
    country: z.string().nullable().describe('ISO 3166-1 alpha-2 code of the organization'),
    createdAt: z.string().nullable().describe("The Hub's creation time"),
    discoveredAt: z.string().describe('When the watch first saw the release'),
    checkedAt: z.string(),
    status: z.enum(['checked', 'check-failed']),
    checkError: z.string().nullable().describe('Why the check failed (status `check-failed`)'),
    revision: z.string().nullable(),
    license: z.string().nullable(),
    accessibility: z.string().nullable(),
    opennessScore: z.number().nullable(),
    mofClass: z.string().nullable().describe('MOF class reached: I, II, III, or null for none'),
    openWashing: z.boolean().nullable(),
    openWashingReason: z.string().nullable(),
    link: z.string(),
  })
  .meta({ id: 'WatchedRelease' });

/** One release the watch found (see WatchedReleaseSchema). */
export type WatchedRelease = z.output<typeof WatchedReleaseSchema>;

/** GET /api/watch/releases. */
export const WatchedReleasePageSchema = pageOf(WatchedReleaseSchema);

/** A page of watched releases, newest first. */
export type WatchedReleasePage = z.output<typeof WatchedReleasePageSchema>;

/** The JSON body of a webhook delivery (the bytes the signature covers). */
export const WebhookPayloadSchema = z.object({
  event: z.literal('release.checked'),
  deliveryId: z.string(),
  release: WatchedReleaseSchema,
});

/** The JSON body of a webhook delivery. */
export type WebhookPayload = z.output<typeof WebhookPayloadSchema>;

/** Body of POST /api/watch/hooks. */
export const WebhookSubscriptionBodySchema = z
  .object({
    url: z.string().min(1).max(2_000).describe('The receiver, http(s) on a public address'),
    secret: z
      .string()
      .min(16)
      .max(512)
      .optional()
      .describe('The HMAC-SHA256 key; a random one is made and returned once when absent'),
    filters: ReleaseFiltersSchema.default({}).describe('Which releases it receives; all by default'),
  })
  .strict();

/** Stored filters as answers show them (already normalised: no transform, so responses serialise). */
const StoredReleaseFiltersSchema = z.object({
  organization: z.string().optional(),
  country: z.string().optional(),
  minScore: z.number().optional(),
  mofClass: z.enum(MOF_CLASS_NAMES).optional(),
  openWashing: z.boolean().optional(),
});

/** A webhook subscription as the admin API lists it (never its secret). */
export const WebhookSubscriptionSchema = z
  .object({
    id: z.number().int(),
    url: z.string(),
    filters: StoredReleaseFiltersSchema,
    createdAt: z.string(),
    active: z.boolean(),
    deliveries: z.object({ pending: z.number().int(), delivered: z.number().int(), dead: z.number().int() }),
  })
  .meta({ id: 'WebhookSubscription' });

/** GET /api/watch/hooks. */
export const WebhookSubscriptionListSchema = z.object({ items: z.array(WebhookSubscriptionSchema) });

/** POST /api/watch/hooks: the new id, and the secret when the server made it. */
export const WebhookSubscriptionCreatedSchema = z.object({
  id: z.number().int(),
  secret: z.string().optional().describe('Present only when the server made the secret: shown once'),
});

/** Path parameters of DELETE /api/watch/hooks/{id}. */
export const WebhookIdParamsSchema = z.object({
  id: z.coerce
    .number()
    .int()
    .min(1)
    .max(2 ** 31 - 1),
});

/** GET /api/watch/dead-letters. */
export const DeadLetterListSchema = z.object({
  items: z.array(
    z.object({
      deliveryId: z.string(),
      subscriptionId: z.number().int(),
      url: z.string(),
      repoId: z.string(),
      attempts: z.number().int(),
      lastStatus: z.number().int().nullable(),
      lastError: z.string().nullable(),
      deadAt: z.string().nullable(),
    }),
  ),
});

/** Body of POST /api/watch/dead-letters/replay. */
export const DeadLetterReplayBodySchema = z
  .object({
    deliveryIds: z
      .array(z.string().min(1).max(100))
      .max(1_000)
      .optional()
      .describe('The dead letters to queue again; every one when absent'),
  })
  .strict();

/** POST /api/watch/dead-letters/replay. */
export const DeadLetterReplayResultSchema = z.object({ requeued: z.number().int() });
