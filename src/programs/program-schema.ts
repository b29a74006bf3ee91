import { z } from 'zod';
import { addNulByteIssue, isIsoCountryCode, MOF_CLASS_NAMES, PolicySchema } from '../spec/index.ts';

/** The value of `spec:` for this version of the program format. */
export const PROGRAM_SPEC = 'aperture.dev/program/v1';

/** Stages of a staged release a program can set milestones for. */
export const MILESTONE_STAGES = ['preprint', 'code', 'evals', 'weights'] as const;

const slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,79}$/, { error: 'must be a slug: lowercase letters, digits and dashes' });
const isoDate = z.iso.date({ error: 'must be a date written YYYY-MM-DD' });
const nonEmpty = z.string().trim().min(1, { error: 'must not be empty' });
const amount = z.number().min(0, { error: 'must be 0 or more' });
const evidenceUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

/** A source a deliverable is checked from: a folder, a git URL or a Hugging Face id (`hf:org/name`). */
export const DeliverableSourceSchema = nonEmpty.refine((value) => !value.startsWith('-'), {
  error: 'must not start with "-"',
});

/** A release pack meeting a minimum class, a minimum score and/or a policy (the checker's gate). */
export const ReleasePackRequirementSchema = z
  .strictObject({
    id: slug,
    kind: z.literal('release-pack'),
    title: z.string().optional(),
    minClass: z.enum(MOF_CLASS_NAMES).optional().describe('Least open MOF class that passes'),
    minScore: z.number().min(0).max(100).optional().describe('Lowest openness score that passes'),
    policy: z
      .union([nonEmpty, PolicySchema])
      .optional()
      .describe('A policy file (relative to the program file) or an inline policy'),
  })
  .refine((value) => value.minClass || value.minScore !== undefined || value.policy, {
    error: 'needs minClass, minScore or policy',
  });

/** What a benchmark contribution may be: a submission to a benchmark, a contributed benchmark, or either. */
export const BENCHMARK_CONTRIBUTION_COUNTS = ['submission', 'benchmark', 'either'] as const;

/** A contribution to a shared benchmark of the arena. */
export const BenchmarkContributionRequirementSchema = z
  .strictObject({
    id: slug,
    kind: z.literal('benchmark-contribution'),
    title: z.string().optional(),
    benchmark: slug.optional().describe('The arena benchmark to submit to'),
    anyAcceptedBenchmark: z.boolean().optional().describe('Any benchmark accepted by the arena counts'),
    counts: z
      .enum(BENCHMARK_CONTRIBUTION_COUNTS)
      .optional()
      .describe('What counts: a submission (the default), a benchmark the team contributed, or either'),
  })
  .refine((value) => value.benchmark !== undefined || value.anyAcceptedBenchmark === true, {
    error: 'needs benchmark or anyAcceptedBenchmark: true',
  });

/** One milestone of a staged release. */
export const MilestoneSchema = z.strictObject({
  stage: z.enum(MILESTONE_STAGES),
  due: isoDate,
});

/** Staged-release milestones (preprint, code, evals, weights) with due dates. */
export const StagedReleaseRequirementSchema = z.strictObject({
  id: slug,
  kind: z.literal('staged-release'),
  title: z.string().optional(),
  milestones: z.array(MilestoneSchema).min(1),
});

/** Knowledge-transfer goals of a residency: how many of each kind of evidence are needed. */
export const KnowledgeTransferRequirementSchema = z
  .strictObject({
    id: slug,
    kind: z.literal('knowledge-transfer'),
    title: z.string().optional(),
    goals: z.strictObject({
      talks: z.int().min(0).optional(),
      sharedArtifacts: z.int().min(0).optional(),
      coauthoredPreprints: z.int().min(0).optional(),
    }),
  })
  .refine((value) => Object.values(value.goals).some((count) => (count ?? 0) > 0), {
    error: 'needs at least one goal above 0',
    path: ['goals'],
  });

/** One required deliverable of a program. */
export const RequirementSchema = z.discriminatedUnion('kind', [
  ReleasePackRequirementSchema,
  BenchmarkContributionRequirementSchema,
  StagedReleaseRequirementSchema,
  KnowledgeTransferRequirementSchema,
]);
export type Requirement = z.infer<typeof RequirementSchema>;

/** Kinds of requirement. */
export const REQUIREMENT_KINDS = [
  'release-pack',
  'benchmark-contribution',
  'staged-release',
  'knowledge-transfer',
] as const;
export type RequirementKind = (typeof REQUIREMENT_KINDS)[number];

/** What an award delivers for one requirement: a source, its own due date, evidence links. */
export const AwardDeliverableSchema = z.strictObject({
  requirement: slug.describe('The id of a program requirement'),
  source: DeliverableSourceSchema.optional().describe('Overrides the award source for this deliverable'),
  due: isoDate.optional().describe('Due date; the award end date by default'),
  milestones: z
    .array(MilestoneSchema)
    .optional()
    .describe('Overrides the program milestone dates for this award'),
  team: nonEmpty.optional().describe('The arena team that submits (benchmark contributions)'),
  evidence: z
    .strictObject({
      talks: z.array(evidenceUrl).optional(),
      sharedArtifacts: z.array(evidenceUrl).optional(),
      coauthoredPreprints: z.array(evidenceUrl).optional(),
    })
    .optional()
    .describe('Evidence links (counted, never fetched)'),
});
export type AwardDeliverable = z.infer<typeof AwardDeliverableSchema>;

/** An award of a program to a person or a team; no text may hold NUL (U+0000). */
export const AwardSchema = z
  .strictObject({
    id: slug,
    recipient: nonEmpty,
    recipientType: z.enum(['person', 'team']),
    institution: z.string().optional(),
    country: z
      .string()
      .refine(isIsoCountryCode, { error: 'must be an ISO 3166-1 alpha-2 country code such as US, CN or FR' })
      .optional(),
    money: amount.default(0).describe('Money awarded, in the program currency'),
    computeGpuHours: amount.default(0).describe('Compute awarded, in GPU-hours'),
    startDate: isoDate,
    endDate: isoDate,
    source: DeliverableSourceSchema.optional().describe('Where the funded release lives, by default'),
    deliverables: z.array(AwardDeliverableSchema).default([]),
  })
  .refine((award) => award.startDate <= award.endDate, {
    error: 'must not be before startDate',
    path: ['endDate'],
  })
  .superRefine(addNulByteIssue);
export type Award = z.infer<typeof AwardSchema>;

/**
 * A program definition: the program, its required deliverables and its awards; no text may hold NUL
 * (U+0000).
 *
 * @example
 * spec: aperture.dev/program/v1
 * id: open-artifacts-fellowship
 * name: Open Artifacts Fellowship (demo)
 * kind: compute-fellowship
 * funder: Demo Funder
 * currency: EUR
 * totalBudget: 250000
 * requirements:
 *   - { id: release, kind: release-pack, minClass: II }
 * awards: []
 */
export const ProgramDefinitionSchema = z
  .strictObject({
    spec: z.literal(PROGRAM_SPEC, { error: `must be "${PROGRAM_SPEC}"` }),
    id: slug,
    name: nonEmpty,
    kind: z.enum(['grant', 'compute-fellowship', 'residency']),
    funder: nonEmpty,
    demo: z.boolean().default(false).describe('True for a fictional demo program'),
    description: z.string().optional(),
    country: z
      .string()
      .refine(isIsoCountryCode, { error: 'must be an ISO 3166-1 alpha-2 country code such as US, CN or FR' })
      .optional(),
    currency: z.string().regex(/^[A-Z]{3}$/, { error: 'must be an ISO 4217 code such as EUR or USD' }),
    totalBudget: amount,
    computeBudgetGpuHours: amount.optional(),
    startDate: isoDate.optional(),
    endDate: isoDate.optional(),
    url: z.url({ error: 'must be a URL' }).optional(),
    requirements: z.array(RequirementSchema).min(1),
    awards: z.array(AwardSchema).default([]),
  })
  .superRefine((program, ctx) => {
    const ids = new Set<string>();
    program.requirements.forEach((requirement, index) => {
      if (ids.has(requirement.id)) {
        ctx.addIssue({ code: 'custom', path: ['requirements', index, 'id'], message: 'is used twice' });
      }
      ids.add(requirement.id);
      if (requirement.kind === 'knowledge-transfer' && program.kind !== 'residency') {
        ctx.addIssue({
          code: 'custom',
          path: ['requirements', index, 'kind'],
          message: 'knowledge-transfer goals apply to residencies only',
        });
      }
    });
    const awardIds = new Set<string>();
    program.awards.forEach((award, awardIndex) => {
      if (awardIds.has(award.id)) {
        ctx.addIssue({ code: 'custom', path: ['awards', awardIndex, 'id'], message: 'is used twice' });
      }
      awardIds.add(award.id);
      const attached = new Set<string>();
      award.deliverables.forEach((deliverable, index) => {
        const path = ['awards', awardIndex, 'deliverables', index, 'requirement'];
        if (!ids.has(deliverable.requirement)) {
          ctx.addIssue({
            code: 'custom',
            path,
            message: `names no requirement of the program (requirements: ${[...ids].join(', ')})`,
          });
        }
        if (attached.has(deliverable.requirement)) {
          ctx.addIssue({ code: 'custom', path, message: 'is attached twice' });
        }
        attached.add(deliverable.requirement);
      });
    });
  })
  // Awards have their own NUL check (AwardSchema); checking them again would report each twice.
  .superRefine((program, ctx) => addNulByteIssue({ ...program, awards: [] }, ctx));

/** A valid program definition. */
export type ProgramDefinition = z.infer<typeof ProgramDefinitionSchema>;
