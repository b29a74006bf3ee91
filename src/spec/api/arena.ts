import { z } from 'zod';
import { LADDER_KINDS } from '../vocabularies/ladder-kinds.ts';
import { ROUND_PHASES } from '../vocabularies/round-phases.ts';

/*
 * The public arena routes. Responses are serialised through these schemas, which drop any field they do
 * not name, so a private label can never be sent by accident.
 */

/** A benchmark, round, team or track slug. */
export const SlugSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'expected a slug');

/** Largest predictions text accepted by POST submissions (the body limit adds room for JSON escaping). */
export const MAX_PREDICTIONS_BYTES = 32 * 1024 * 1024;

/** Path of a benchmark. */
export const BenchmarkParamsSchema = z.object({ slug: SlugSchema });
/** Path of a round. */
export const RoundParamsSchema = z.object({ slug: SlugSchema, round: SlugSchema });
/** Path of a team of a benchmark. */
export const TeamParamsSchema = z.object({ slug: SlugSchema, team: SlugSchema });

const TaskParam = SlugSchema.optional().describe(
  'A task id of the benchmark; its first (primary) task by default (a benchmark without `tasks:` has one, `main`)',
);

/** Query of the leaderboard. */
export const LeaderboardQuerySchema = z.object({
  format: z.enum(['json', 'csv']).default('json'),
  round: SlugSchema.optional().describe('A round name; the latest round by default'),
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
      .max(MAX_PREDICTIONS_BYTES)
      .describe("The predictions file as text, one row per public and private item of the round's task"),
    task: TaskParam.describe('The task, as the `task` query parameter gives it (give either, or both alike)'),
  })
  .strict();

/** Body of POST prize claims. */
export const PrizeClaimBodySchema = z
  .object({
    track: SlugSchema,
    source: z
      .string()
      .min(1)
      .max(2000)
      .describe('hf:org/name[@revision] or an https:// git URL of the release, on a public address'),
  })
  .strict();

/** Why a closed round's private results are not shown yet, and when they will be; null when they are. */
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

/**
 * Why a closed round's private results on a task are not shown yet (another round still running scores
 * the same private items), and when they will be: `until` is that round's scheduled close, ISO 8601 UTC.
 */
export type Withholding = NonNullable<z.output<typeof WithholdingSchema>>;

/** A task of a benchmark: its own metric, label set, items, Ladder and leaderboard. */
export const TaskSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  metric: z.string(),
  higherIsBetter: z.boolean(),
  labels: z.array(z.string()).nullable(),
});

/** A task as lists show it (see TaskSummarySchema). */
export type TaskSummary = z.output<typeof TaskSummarySchema>;

/** A round with its phase and counts, over all tasks and per task. */
export const RoundSummarySchema = z.object({
  name: z.string(),
  phase: z.enum(ROUND_PHASES),
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

/**
 * A round as the API shows it (see RoundSummarySchema): `withheld` is the first task's withholding, the
 * tasks in order, primary first.
 */
export type RoundSummary = z.output<typeof RoundSummarySchema>;

/** A benchmark as lists show it; metric, higherIsBetter and labels are its primary task's. */
export const BenchmarkSummarySchema = z.object({
  slug: z.string(),
  title: z.string(),
  description: z.string(),
  metric: z.string().describe("The primary (first) task's metric"),
  higherIsBetter: z.boolean(),
  ladder: z.object({ kind: z.enum(LADDER_KINDS), step: z.number().nullable() }),
  dailyCap: z.number().describe('Submissions per team per UTC day, over all tasks'),
  labels: z.array(z.string()).nullable(),
  demo: z.boolean(),
  rounds: z.number(),
  tasks: z.array(TaskSummarySchema).describe('The tasks in order; the first is the primary task'),
});

/** A benchmark as lists show it (see BenchmarkSummarySchema). */
export type BenchmarkSummary = z.output<typeof BenchmarkSummarySchema>;

/** GET /api/arena/benchmarks. */
export const BenchmarkListSchema = z.object({ items: z.array(BenchmarkSummarySchema) });

/** GET /api/arena/benchmarks/:slug: public items with labels, private items by id only. */
export const BenchmarkDetailSchema = BenchmarkSummarySchema.extend({
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

/** A benchmark with its rounds, prize tracks and items, each naming its task (see BenchmarkDetailSchema). */
export type BenchmarkDetail = z.output<typeof BenchmarkDetailSchema>;

/** GET /api/arena/benchmarks/:slug/rounds. */
export const RoundListSchema = z.object({ items: z.array(RoundSummarySchema) });

/** A team's standing on a prize track, as the leaderboard shows it. */
export const PrizeStandingSchema = z.object({
  track: z.string(),
  eligible: z.boolean(),
  checkedAt: z.string(),
});

/** A team's standing on a prize track (see PrizeStandingSchema). */
export type PrizeStanding = z.output<typeof PrizeStandingSchema>;

/** One row of a leaderboard. */
export const LeaderboardEntrySchema = z.object({
  rank: z.number(),
  team: z.string(),
  score: z.number(),
  lower: z.number().nullable(),
  upper: z.number().nullable(),
  submissions: z.number(),
  lastSubmissionAt: z.string(),
  prizes: z.array(PrizeStandingSchema),
});

/**
 * One row of a leaderboard (see LeaderboardEntrySchema): `lower` and `upper` bound the bootstrap
 * interval on the private leaderboard, null on the public one, which shows Ladder releases.
 */
export type LeaderboardEntry = z.output<typeof LeaderboardEntrySchema>;

/** The bootstrap behind a private leaderboard's intervals. */
export const BootstrapSchema = z.object({ resamples: z.number(), confidence: z.number(), seed: z.number() });

/** GET leaderboard: one round and task. */
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
    phase: z.enum(ROUND_PHASES),
    opensAt: z.string(),
    freezesAt: z.string(),
    closesAt: z.string(),
    closedAt: z.string().nullable(),
  }),
  kind: z.enum(['public', 'private']),
  bootstrap: BootstrapSchema.nullable(),
  withheld: WithholdingSchema,
  entries: z.array(LeaderboardEntrySchema),
});

/**
 * A round's leaderboard for one task (see LeaderboardSchema): public (Ladder releases) while it runs,
 * private (with intervals) once closed, unless its private results are withheld, in which case the closed
 * round shows its public board. `benchmark.metric` and `higherIsBetter` are the task's.
 */
export type Leaderboard = z.output<typeof LeaderboardSchema>;

/** One submission in a team's history. */
export const TeamSubmissionSchema = z.object({
  round: z.string(),
  task: z.string(),
  receivedAt: z.string(),
  digest: z.string(),
  publicScore: z.number(),
  improved: z.boolean(),
  privateScore: z.number().nullable(),
  privateWithheld: WithholdingSchema,
});

/**
 * One submission in a team's history (see TeamSubmissionSchema): `publicScore` is the Ladder's release
 * shown after it; `privateScore` shows once the round is closed, unless `privateWithheld` says why not.
 */
export type TeamSubmission = z.output<typeof TeamSubmissionSchema>;

/** GET team history. */
export const TeamHistorySchema = z.object({
  benchmark: z.string(),
  team: z.string(),
  submissions: z.array(TeamSubmissionSchema),
});

/** A team's submissions to a benchmark (see TeamHistorySchema). */
export type TeamHistory = z.output<typeof TeamHistorySchema>;

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

/**
 * What a team learns from an accepted submission (see SubmissionOutcomeSchema): `publicScore` is the
 * public leaderboard score after it (the Ladder's release); `improved` when it became the team's best.
 */
export type SubmissionOutcome = z.output<typeof SubmissionOutcomeSchema>;

/** POST prize claims: the verdict, stored and returned. */
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

/**
 * The verdict on a prize claim (see PrizeClaimOutcomeSchema): each of the track's rules with whether it
 * passed and why, and what the release makes available (the components rated open or partial).
 */
export type PrizeClaimOutcome = z.output<typeof PrizeClaimOutcomeSchema>;
