import { z } from 'zod';
import { FormatParamSchema, PageParamSchema, PageSizeParamSchema, pageOf } from './pages.ts';

/** Statuses of a match: accepted (by a rule at ≥ 0.9, or an override), proposed for review, rejected. */
export const MATCH_STATUSES = ['proposed', 'accepted', 'rejected'] as const;

/** What a match joins: models or organisations. */
export const MATCH_KINDS = ['model', 'organization'] as const;

/** One rule a match rests on, and what it saw. */
export const MatchReasonSchema = z.object({
  rule: z
    .string()
    .describe('same-hub-repo, same-link, same-name, family-name, same-organization, override, …'),
  detail: z.string(),
});

/** Query of GET /api/matches. */
export const MatchQuerySchema = z.object({
  status: z.enum(MATCH_STATUSES).optional().describe('only matches of this status'),
  kind: z.enum(MATCH_KINDS).optional().describe('only model or organisation matches'),
  page: PageParamSchema,
  pageSize: PageSizeParamSchema,
  format: FormatParamSchema,
});

/** One match between two catalog members. */
export const EntityMatchSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(MATCH_KINDS),
    relation: z
      .enum(['same', 'family'])
      .describe('`same`: one entity; `family`: the left member names a family the right one belongs to'),
    left: z.string().describe('member key: `<source>:<external id>`, `org:<name>` or `fmti:<developer>`'),
    right: z.string(),
    leftId: z.number().int().nullable(),
    rightId: z.number().int().nullable(),
    confidence: z.number().min(0).max(1),
    reasons: z.array(MatchReasonSchema),
    status: z.enum(MATCH_STATUSES),
    decidedBy: z.enum(['rule', 'override']),
    updatedAt: z.string(),
  })
  .meta({ id: 'EntityMatch' });

/** A stored match (see EntityMatchSchema). */
export type EntityMatch = z.output<typeof EntityMatchSchema>;

/** GET /api/matches: matches, highest confidence first. */
export const MatchPageSchema = pageOf(EntityMatchSchema);

/** A page of matches. */
export type MatchPage = z.output<typeof MatchPageSchema>;
