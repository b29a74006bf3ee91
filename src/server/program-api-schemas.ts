import { z } from 'zod';

/** Deliverable counts by latest verification status. */
export const StatusCountsSchema = z
  .object({
    pass: z.number(),
    fail: z.number(),
    overdue: z.number(),
    pending: z.number(),
    unverifiable: z.number(),
    unchecked: z.number(),
  })
  .meta({ id: 'DeliverableStatusCounts' });

/** A program in lists. */
export const ProgramSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.string(),
    funder: z.string(),
    demo: z.boolean().describe('True for a fictional demo program'),
    currency: z.string(),
    totalBudget: z.number(),
    computeBudgetGpuHours: z.number().nullable(),
    startDate: z.string().nullable(),
    endDate: z.string().nullable(),
    awardCount: z.number(),
    awardedMoney: z.number(),
    awardedGpuHours: z.number(),
    status: StatusCountsSchema,
  })
  .meta({ id: 'ProgramSummary' });

/** GET /api/programs. */
export const ProgramListSchema = z
  .object({ items: z.array(ProgramSummarySchema) })
  .meta({ id: 'ProgramList' });

/** An award in a program's page. */
export const AwardSummarySchema = z
  .object({
    id: z.string(),
    program: z.string(),
    recipient: z.string(),
    recipientType: z.enum(['person', 'team']),
    institution: z.string().nullable(),
    country: z.string().nullable(),
    money: z.number(),
    computeGpuHours: z.number(),
    startDate: z.string(),
    endDate: z.string(),
    status: StatusCountsSchema,
  })
  .meta({ id: 'AwardSummary' });

/** GET /api/programs/:id. */
export const ProgramDetailSchema = ProgramSummarySchema.extend({
  description: z.string().nullable(),
  url: z.string().nullable(),
  requirements: z.array(z.record(z.string(), z.unknown())).describe('The program requirements as defined'),
  awards: z.array(AwardSummarySchema),
}).meta({ id: 'ProgramDetail' });

const LatestResultSchema = z.object({
  runId: z.number(),
  checkedAt: z.string(),
  status: z.string(),
  score: z.number().nullable(),
  mofClass: z.string().nullable(),
  missing: z.array(z.string()),
  fixes: z.array(z.string()),
});

/** GET /api/awards/:id. */
export const AwardDetailSchema = AwardSummarySchema.extend({
  programName: z.string(),
  currency: z.string(),
  deliverables: z.array(
    z.object({
      id: z.number(),
      requirement: z.string(),
      kind: z.string(),
      title: z.string().nullable(),
      source: z.string().nullable(),
      due: z.string(),
      latest: LatestResultSchema.nullable(),
    }),
  ),
  timeline: z.array(
    z.object({
      stage: z.string(),
      due: z.string(),
      released: z.string().nullable(),
      state: z.enum(['met', 'late', 'unevidenced', 'overdue', 'pending']),
    }),
  ),
  history: z.array(
    z.object({
      runId: z.number(),
      checkedAt: z.string(),
      asOf: z.string(),
      requirement: z.string(),
      status: z.string(),
      score: z.number().nullable(),
      mofClass: z.string().nullable(),
    }),
  ),
}).meta({ id: 'AwardDetail' });

const OpennessGroupSchema = z.object({
  count: z.number(),
  meanScore: z.number().nullable(),
  classes: z.object({ I: z.number(), II: z.number(), III: z.number(), none: z.number() }),
});

/** GET /api/programs/:id/portfolio. */
export const ProgramPortfolioSchema = z
  .object({
    program: z.string(),
    funded: OpennessGroupSchema,
    field: OpennessGroupSchema,
    rows: z.array(
      z.object({
        group: z.enum(['funded', 'field']),
        mofClass: z.enum(['I', 'II', 'III', 'none']),
        count: z.number(),
        share: z.number().nullable(),
      }),
    ),
    definition: z.string(),
  })
  .meta({ id: 'ProgramPortfolio' });

/** `:id` of programs and awards: their slug. */
export const SlugParamsSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, { error: 'must be a program or award id (a slug)' }),
});

/** A JSON object body, validated in the route so errors name the field. */
export const ObjectBodySchema = z.record(z.string(), z.unknown());

/** The empty answer of a DELETE that removed what it named. */
export const DeletedResponseSchema = z.null().describe('Deleted: no content');
