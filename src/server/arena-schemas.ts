import { z } from 'zod';
import { DEFAULT_PREDICTIONS_LIMITS } from '../arena/index.ts';

/*
 * Request and response schemas of the arena routes. Responses are serialised through these schemas, which
 * drop any field they do not name, so a private label can never be sent by accident.
 */

const Slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'expected a slug');

/** Largest predictions text accepted by POST submissions (the body limit adds room for JSON escaping). */
export const MAX_PREDICTIONS_BYTES = 32 * 1024 * 1024;

/** Path of a benchmark. */
export const BenchmarkParamsSchema = z.object({ slug: Slug });
/** Path of a round. */
export const RoundParamsSchema = z.object({ slug: Slug, round: Slug });
/** Path of a team of a benchmark. */
export const TeamParamsSchema = z.object({ slug: Slug, team: Slug });

const TaskParam = Slug.optional().describe(
  'A task id of the benchmark; its first (primary) task by default (a benchmark without `tasks:` has one, `main`)',
);

/** Query of the leaderboard. */
export const LeaderboardQuerySchema = z.object({
  format: z.enum(['json', 'csv']).default('json'),
  round: Slug.optional().describe('A round name; the latest round by default'),
  task: TaskParam,
});

/** Query of POST submissions. */
export const SubmissionQuerySchema = z.object({ task: TaskParam });

/** Body of POST submissions. */
export const SubmissionBodySchema = z
  .object({
    format: z.enum(['csv', 'jsonl']).describe('`csv` (header id,prediction) or `jsonl`'),
    predictions: z
      .string()
      .max(Math.min(MAX_PREDICTIONS_BYTES, DEFAULT_PREDICTIONS_LIMITS.maxBytes))
      .describe("The predictions file as text, one row per public and private item of the round's task"),
    task: TaskParam.describe('The task, as the `task` query parameter gives it (give either, or both alike)'),
  })
  .strict();

/** Body of POST prize claims. */
export const PrizeClaimBodySchema = z
  .object({
    track: Slug,
    source: z
      .string()
      .min(1)
      .max(2000)
      .describe('hf:org/name[@revision] or an https:// git URL of the release, on a public address'),
  })
  .strict();

/** Why a closed round's private results are not shown yet, and when they will be. */
export const WithholdingSchema = z
  .object({
    reason: z
      .string()
      .describe('One line: which rounds still score the same private items, and when the results show'),
    rounds: z.array(z.string()).describe('The rounds not yet closed that score the same private items'),
    until: z
      .string()
      .describe('The latest scheduled close of those rounds (the results show once it is closed)'),
  })
  .nullable()
  .describe(
    'Set when a closed round shares private items with a round still running (a database made before private items were tied to one round): its private results are withheld until every such round has closed',
  );

/** A task of a benchmark: its own metric, label set, items, Ladder and leaderboard. */
const TaskSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  metric: z.string(),
  higherIsBetter: z.boolean(),
  labels: z.array(z.string()).nullable(),
});

const RoundSummarySchema = z.object({
  name: z.string(),
  phase: z.enum(['upcoming', 'open', 'frozen', 'ended', 'closed']),
  opensAt: z.string(),
  freezesAt: z.string(),
  closesAt: z.string(),
  closedAt: z.string().nullable(),
  publicItems: z.number().describe('Over all tasks'),
  privateItems: z.number().describe('Over all tasks'),
  submissions: z.number().describe('Over all tasks'),
  withheld: WithholdingSchema,
  tasks: z.array(
    z.object({
      id: z.string(),
      publicItems: z.number(),
      privateItems: z.number(),
      submissions: z.number(),
      withheld: WithholdingSchema,
    }),
  ),
});

const BenchmarkSummaryShape = {
  slug: z.string(),
  title: z.string(),
  description: z.string(),
  metric: z.string().describe("The primary (first) task's metric"),
  higherIsBetter: z.boolean(),
  ladder: z.object({ kind: z.string(), step: z.number().nullable() }),
  dailyCap: z.number().describe('Submissions per team per UTC day, over all tasks'),
  labels: z.array(z.string()).nullable(),
  demo: z.boolean(),
  rounds: z.number(),
  tasks: z.array(TaskSummarySchema).describe('The tasks in order; the first is the primary task'),
};

/** GET /api/arena/benchmarks. */
export const BenchmarkListSchema = z.object({ items: z.array(z.object(BenchmarkSummaryShape)) });

/** GET /api/arena/benchmarks/:slug: public items with labels, private items by id only. */
export const BenchmarkDetailSchema = z.object({
  ...BenchmarkSummaryShape,
  roundList: z.array(RoundSummarySchema),
  prizeTracks: z.array(
    z.object({
      name: z.string(),
      description: z.string(),
      minScore: z.number().nullable(),
      minClass: z.string().nullable(),
    }),
  ),
  publicItems: z.array(
    z.object({ id: z.string(), task: z.string(), label: z.unknown(), round: z.string().nullable() }),
  ),
  privateItems: z.array(z.object({ id: z.string(), task: z.string(), round: z.string().nullable() })),
});

/** GET /api/arena/benchmarks/:slug/rounds. */
export const RoundListSchema = z.object({ items: z.array(RoundSummarySchema) });

/** GET leaderboard. */
export const LeaderboardSchema = z.object({
  benchmark: z.object({
    slug: z.string(),
    title: z.string(),
    metric: z.string(),
    higherIsBetter: z.boolean(),
  }),
  task: z.object({ id: z.string(), title: z.string(), metric: z.string(), higherIsBetter: z.boolean() }),
  tasks: z
    .array(z.string())
    .describe("Every task id of the benchmark, in order (the `task` parameter's values)"),
  round: z.object({
    name: z.string(),
    phase: z.string(),
    opensAt: z.string(),
    freezesAt: z.string(),
    closesAt: z.string(),
    closedAt: z.string().nullable(),
  }),
  kind: z.enum(['public', 'private']),
  bootstrap: z.object({ resamples: z.number(), confidence: z.number(), seed: z.number() }).nullable(),
  withheld: WithholdingSchema,
  entries: z.array(
    z.object({
      rank: z.number(),
      team: z.string(),
      score: z.number(),
      lower: z.number().nullable(),
      upper: z.number().nullable(),
      submissions: z.number(),
      lastSubmissionAt: z.string(),
      prizes: z.array(z.object({ track: z.string(), eligible: z.boolean(), checkedAt: z.string() })),
    }),
  ),
});

/** GET team history. */
export const TeamHistorySchema = z.object({
  benchmark: z.string(),
  team: z.string(),
  submissions: z.array(
    z.object({
      round: z.string(),
      task: z.string(),
      receivedAt: z.string(),
      digest: z.string(),
      publicScore: z.number(),
      improved: z.boolean(),
      privateScore: z.number().nullable(),
      privateWithheld: WithholdingSchema,
    }),
  ),
});

/** POST submissions: what the team learns (the Ladder's release, never the raw public score). */
export const SubmissionOutcomeSchema = z.object({
  submissionId: z.number(),
  team: z.string(),
  task: z.string(),
  digest: z.string(),
  receivedAt: z.string(),
  publicScore: z.number(),
  improved: z.boolean(),
  submissionsToday: z.number().describe("The team's submissions to the benchmark today, over all tasks"),
  dailyCap: z.number(),
  log: z.object({ index: z.number(), hash: z.string() }),
});

/** POST prize claims. */
export const PrizeClaimOutcomeSchema = z.object({
  team: z.string(),
  track: z.string(),
  source: z.string(),
  checkedAt: z.string(),
  eligible: z.boolean(),
  score: z.number(),
  mofClass: z.string().nullable(),
  rules: z.array(z.object({ rule: z.string(), passed: z.boolean(), message: z.string() })),
  released: z.array(z.object({ id: z.string(), title: z.string(), rating: z.string() })),
});
