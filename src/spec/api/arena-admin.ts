import { z } from 'zod';
import { ITEM_SPLITS } from '../vocabularies/item-splits.ts';
import { TOKEN_SCOPES } from '../vocabularies/token-scopes.ts';
import { BootstrapSchema, SlugSchema, WithholdingSchema } from './arena.ts';
import { TOKEN_ID_PATTERN } from './team-token-id.ts';

/*
 * The arena organiser routes (admin token). Responses go through these schemas, which drop any field they
 * do not name: no route echoes an item's label.
 */

/** Largest items text accepted by POST items (the body limit adds room for JSON escaping). */
export const MAX_ITEMS_TEXT_BYTES = 16 * 1024 * 1024;

/** Largest transparency log text accepted by POST verify-log. */
export const MAX_LOG_TEXT_BYTES = 32 * 1024 * 1024;

/** Body of POST /api/arena/benchmarks. */
export const BenchmarkCreateBodySchema = z
  .object({
    definition: z
      .union([
        z
          .string()
          .min(1)
          .max(1024 * 1024),
        z.record(z.string(), z.unknown()),
      ])
      .describe(
        'The benchmark definition: YAML (or JSON) text as `aperture arena create` reads it, or the same as a JSON object',
      ),
  })
  .strict();

/** POST /api/arena/benchmarks: what was created. */
export const BenchmarkCreatedSchema = z.object({
  slug: z.string(),
  metric: z.string().describe("The primary (first) task's metric"),
  rounds: z.number(),
  prizeTracks: z.number(),
});

/** Body of POST items. */
export const ItemsBodySchema = z
  .object({
    split: z.enum(ITEM_SPLITS).describe('public (labels released) or private (labels stay on the server)'),
    round: SlugSchema.optional().describe(
      'Fresh items of this round (only after its freeze, before any submission). Private items need it on a benchmark of several rounds: a private item is scored in one round only',
    ),
    task: SlugSchema.optional().describe(
      "The task the items belong to; the benchmark's first (primary) task by default",
    ),
    format: z
      .enum(['csv', 'jsonl'])
      .describe('`csv` (header id,label) or `jsonl` ({"id", "label"} per line)'),
    items: z.string().min(1).max(MAX_ITEMS_TEXT_BYTES).describe('The items file as text'),
  })
  .strict();

/** POST items: how many were added (all or nothing). */
export const ItemsAddedSchema = z.object({
  benchmark: z.string(),
  split: z.enum(ITEM_SPLITS),
  round: z.string().nullable(),
  task: z.string().describe('The task the items went to (the primary task unless the request named one)'),
  inserted: z.number(),
});

/** Body of POST rounds: a new round (UTC ISO times). */
export const RoundCreateBodySchema = z
  .object({
    name: SlugSchema,
    opensAt: z.string().describe('UTC time, e.g. 2025-06-01T00:00:00Z'),
    freezesAt: z.string().describe('Submission freeze: fresh items and predictions from here'),
    closesAt: z.string(),
  })
  .strict();

/** POST rounds: the round added. */
export const RoundCreatedSchema = z.object({ benchmark: z.string(), round: z.string() });

/** Body of POST close (optional). */
export const RoundCloseBodySchema = z
  .object({ force: z.boolean().default(false).describe("Close before the round's close time") })
  .strict()
  .default({ force: false });

const PrivateResultSchema = z.object({
  rank: z.number(),
  team: z.string(),
  score: z.number(),
  lower: z.number(),
  upper: z.number(),
  submissionId: z.number(),
  digest: z.string(),
  receivedAt: z.string(),
  submissions: z.number(),
});

/**
 * POST close: the revealed private leaderboard of every task (top-level fields: the primary task's); a task
 * whose results are withheld has no entries and says why.
 */
export const RoundResultsSchema = z.object({
  closedAt: z.string().describe('When the close took hold: before closesAt when it was forced'),
  closesAt: z.string().describe("The round's scheduled close"),
  bootstrap: BootstrapSchema,
  items: z.number(),
  entries: z.array(PrivateResultSchema),
  withheld: WithholdingSchema,
  tasks: z.array(
    z.object({
      task: z.string(),
      metric: z.string(),
      higherIsBetter: z.boolean(),
      bootstrap: BootstrapSchema,
      items: z.number(),
      entries: z.array(PrivateResultSchema),
      withheld: WithholdingSchema,
    }),
  ),
});

/** Body of POST teams. */
export const TeamCreateBodySchema = z
  .object({ slug: SlugSchema, name: z.string().min(1).max(200).optional() })
  .strict();

/** POST teams: the team created. */
export const TeamCreatedSchema = z.object({ slug: z.string(), name: z.string() });

/** Path of a team. */
export const TeamSlugParamsSchema = z.object({ team: SlugSchema });

/** Body of POST team tokens (optional). */
export const TokenIssueBodySchema = z
  .object({
    scope: z
      .enum(TOKEN_SCOPES)
      .default('submit')
      .describe('submit, or admin (also claims prizes for the team)'),
  })
  .strict()
  .default({ scope: 'submit' });

/** POST team tokens: the token, shown this once (only its hash is stored). */
export const TokenIssuedSchema = z.object({
  id: z.string().describe('The token id (what follows apt_ up to the next _): revoke the token with it'),
  team: z.string(),
  scope: z.enum(TOKEN_SCOPES),
  token: z.string(),
});

/** Path of a token: its id, what follows `apt_` up to the next `_` (never the whole token). */
export const TokenParamsSchema = z.object({
  id: z
    .string()
    .regex(TOKEN_ID_PATTERN, 'expected a token id: the part of the token between apt_ and the next _'),
});

/** DELETE token. */
export const TokenRevokedSchema = z.object({ id: z.string(), revoked: z.literal(true) });

/** A published head hash of the log to verify against, if any. */
const PublishedHeadSchema = z
  .string()
  .regex(/^[0-9a-f]{64}$/, 'expected a sha256 hex digest')
  .optional()
  .describe('The published head hash, if any');

/** Body of POST verify-log. */
export const VerifyLogBodySchema = z
  .object({
    log: z.string().max(MAX_LOG_TEXT_BYTES).describe('The JSON Lines export of GET /api/arena/log'),
    count: z.number().int().nonnegative().optional().describe('The published entry count, if any'),
    head: PublishedHeadSchema,
  })
  .strict();

/** POST verify-log: the count and head hash, or the first broken entry (0-based) and its line. */
export const LogVerificationSchema = z.union([
  z.object({ ok: z.literal(true), count: z.number(), head: z.string() }),
  z.object({
    ok: z.literal(false),
    index: z.number(),
    line: z.number().nullable(),
    reason: z.string(),
  }),
]);

/** Query of GET /api/arena/log/verify. */
export const VerifyStoreLogQuerySchema = z
  .object({
    count: z.coerce.number().int().nonnegative().optional().describe('The published entry count, if any'),
    head: PublishedHeadSchema,
  })
  .strict();

/**
 * GET /api/arena/log/verify: the server's log verifies and its store matches it (with how many submission
 * and close entries were checked), or the first problem: its entry (null when no entry is at fault, such as
 * a submission the log does not record), the submission concerned, and why.
 */
export const StoreLogVerificationSchema = z.union([
  z.object({
    ok: z.literal(true),
    count: z.number(),
    head: z.string(),
    submissions: z.number(),
    closes: z.number(),
  }),
  z.object({
    ok: z.literal(false),
    index: z.number().nullable(),
    submission: z.number().nullable(),
    reason: z.string(),
  }),
]);
