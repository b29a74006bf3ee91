import { z } from 'zod';
import { PORTFOLIO_CLASSES, type PortfolioClass } from '../vocabularies/portfolio-classes.ts';
import { PROGRAM_KINDS } from '../vocabularies/program-kinds.ts';
import { type DeliverableStatus, VERIFICATION_STATUSES } from '../vocabularies/verification-statuses.ts';

/** Deliverables counted by the status of their latest verification (`unchecked`: never verified). */
export const StatusCountsSchema = z
  .object({
    pass: z.number(),
    fail: z.number(),
    overdue: z.number(),
    pending: z.number(),
    unverifiable: z.number(),
    unchecked: z.number(),
  } satisfies Record<DeliverableStatus, z.ZodNumber>)
  .meta({ id: 'DeliverableStatusCounts' });

/** Deliverables counted by latest status (see StatusCountsSchema). */
export type StatusCounts = z.output<typeof StatusCountsSchema>;

/** A funding program in lists. */
export const ProgramSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(PROGRAM_KINDS),
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

/** A funding program in lists (see ProgramSummarySchema). */
export type ProgramSummary = z.output<typeof ProgramSummarySchema>;

/** GET /api/programs. */
export const ProgramListSchema = z
  .object({ items: z.array(ProgramSummarySchema) })
  .meta({ id: 'ProgramList' });

/** The answer of GET /api/programs. */
export type ProgramList = z.output<typeof ProgramListSchema>;

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

/** An award in a program's page (see AwardSummarySchema). */
export type AwardSummary = z.output<typeof AwardSummarySchema>;

/** GET /api/programs/:id: a program with its requirements (as defined) and awards. */
export const ProgramDetailSchema = ProgramSummarySchema.extend({
  description: z.string().nullable(),
  url: z.string().nullable(),
  requirements: z.array(z.record(z.string(), z.unknown())).describe('The program requirements as defined'),
  awards: z.array(AwardSummarySchema),
}).meta({ id: 'ProgramDetail' });

/** POST and PUT /api/programs: the stored program, and what is wrong with it that did not stop it. */
export const ProgramSavedSchema = ProgramDetailSchema.extend({
  warnings: z
    .array(z.string())
    .describe(
      'One sentence each: a benchmark requirement naming a benchmark the arena does not have, requirements that give one stage two dates',
    ),
}).meta({ id: 'ProgramSaved' });

/** The stored program with its warnings (see ProgramSavedSchema). */
export type ProgramSaved = z.output<typeof ProgramSavedSchema>;

/** A program with its requirements and awards (see ProgramDetailSchema). */
export type ProgramDetail = z.output<typeof ProgramDetailSchema>;

/** The latest verification of a deliverable. */
export const LatestResultSchema = z.object({
  runId: z.number(),
  checkedAt: z.string(),
  status: z.enum(VERIFICATION_STATUSES),
  score: z.number().nullable(),
  mofClass: z.string().nullable(),
  missing: z.array(z.string()),
  fixes: z.array(z.string()),
});

/** The latest verification of a deliverable (see LatestResultSchema). */
export type LatestResult = z.output<typeof LatestResultSchema>;

/** A deliverable of an award with its latest result. */
export const DeliverableSummarySchema = z.object({
  id: z.number(),
  requirement: z.string(),
  kind: z.string(),
  title: z.string().nullable(),
  source: z.string().nullable(),
  due: z.string(),
  latest: LatestResultSchema.nullable(),
});

/** A deliverable of an award with its latest result (see DeliverableSummarySchema). */
export type DeliverableSummary = z.output<typeof DeliverableSummarySchema>;

/**
 * Where one staged-release milestone stands: `met` when released (with evidence) by the due date, `late`,
 * `unevidenced` when declared but the pack lacks it, `overdue`, or `pending`.
 */
export const MilestoneStateSchema = z.object({
  stage: z.string(),
  due: z.string(),
  released: z.string().nullable(),
  state: z.enum(['met', 'late', 'unevidenced', 'overdue', 'pending']),
});

/** Where one staged-release milestone stands (see MilestoneStateSchema). */
export type MilestoneState = z.output<typeof MilestoneStateSchema>;

/** One row of an award's verification history. */
export const VerificationHistoryEntrySchema = z.object({
  runId: z.number(),
  checkedAt: z.string(),
  asOf: z.string(),
  requirement: z.string(),
  status: z.enum(VERIFICATION_STATUSES),
  score: z.number().nullable(),
  mofClass: z.string().nullable(),
});

/** One row of an award's verification history (see VerificationHistoryEntrySchema). */
export type VerificationHistoryEntry = z.output<typeof VerificationHistoryEntrySchema>;

/** GET /api/awards/:id: an award with its deliverables, staged-release timeline and verification history. */
export const AwardDetailSchema = AwardSummarySchema.extend({
  programName: z.string(),
  currency: z.string(),
  deliverables: z.array(DeliverableSummarySchema),
  timeline: z.array(MilestoneStateSchema),
  history: z.array(VerificationHistoryEntrySchema),
}).meta({ id: 'AwardDetail' });

/**
 * An award with its deliverables, staged-release timeline (milestones as last verified, or as planned,
 * `pending`, before any run) and verification history (see AwardDetailSchema).
 */
export type AwardDetail = z.output<typeof AwardDetailSchema>;

/** Openness of one group of releases: how many (with a score), their mean score, their MOF classes. */
export const OpennessGroupSchema = z.object({
  count: z.number(),
  meanScore: z.number().nullable(),
  classes: z.object({ I: z.number(), II: z.number(), III: z.number(), none: z.number() } satisfies Record<
    PortfolioClass,
    z.ZodNumber
  >),
});

/** Openness of one group of releases (see OpennessGroupSchema). */
export type OpennessGroup = z.output<typeof OpennessGroupSchema>;

/** One row of the portfolio chart (and its CSV); `share` is count / the group's count, 4 decimals. */
export const PortfolioRowSchema = z.object({
  group: z.enum(['funded', 'field']),
  mofClass: z.enum(PORTFOLIO_CLASSES),
  count: z.number(),
  share: z.number().nullable(),
});

/** One row of the portfolio chart (see PortfolioRowSchema). */
export type PortfolioRow = z.output<typeof PortfolioRowSchema>;

/**
 * GET /api/programs/:id/portfolio: openness of a program's funded work (the latest checked release of each
 * award) vs the field (the catalog's models with an openness score).
 */
export const ProgramPortfolioSchema = z
  .object({
    program: z.string(),
    funded: OpennessGroupSchema,
    field: OpennessGroupSchema,
    rows: z.array(PortfolioRowSchema),
    definition: z.string(),
  })
  .meta({ id: 'ProgramPortfolio' });

/** Openness of a program's funded work vs the field (see ProgramPortfolioSchema). */
export type ProgramPortfolio = z.output<typeof ProgramPortfolioSchema>;

/** `:id` of programs and awards: their slug. */
export const SlugParamsSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, { error: 'must be a program or award id (a slug)' }),
});

/** A JSON object body, validated in the route so errors name the field. */
export const ObjectBodySchema = z.record(z.string(), z.unknown());

/** The empty answer of a DELETE that removed what it named. */
export const DeletedResponseSchema = z.null().describe('Deleted: no content');
