import {
  addItems,
  closeRound,
  createBenchmark,
  createTeam,
  issueToken,
  openRound,
  parseLogJsonLines,
  type RawItem,
  readItemsFile,
  resolveTasks,
  revokeToken,
  validateBenchmarkDefinition,
  verifyLog,
  verifyStoreLog,
} from '../arena/index.ts';
import { isApertureError } from '../errors.ts';
import {
  BenchmarkCreateBodySchema,
  BenchmarkCreatedSchema,
  BenchmarkParamsSchema,
  ErrorResponseSchema,
  ItemsAddedSchema,
  ItemsBodySchema,
  LogVerificationSchema,
  MAX_ITEMS_TEXT_BYTES,
  MAX_LOG_TEXT_BYTES,
  RoundCloseBodySchema,
  RoundCreateBodySchema,
  RoundCreatedSchema,
  RoundParamsSchema,
  RoundResultsSchema,
  StoreLogVerificationSchema,
  summarizeDocumentIssues,
  TeamCreateBodySchema,
  TeamCreatedSchema,
  TeamSlugParamsSchema,
  TokenIssueBodySchema,
  TokenIssuedSchema,
  TokenParamsSchema,
  TokenRevokedSchema,
  VerifyLogBodySchema,
  VerifyStoreLogQuerySchema,
} from '../spec/index.ts';
import { requireAdminToken } from './admin-token.ts';
import { fieldError } from './http-errors.ts';
import { rateLimitedPerAddress } from './rate-limited.ts';
import type { ServerContext, ZodApp } from './server-context.ts';

/** Organiser requests per address per minute. */
const ADMIN_RATE_PER_MINUTE = 60;
/** Log verifications per address per minute (no token needed, so kept low; a token in the request changes nothing). */
const VERIFY_RATE_PER_MINUTE = 20;
/** Rejected items named in a 422 message. */
const LISTED_REJECTIONS = 5;

/** Options of arenaAdminRoutes. */
export interface ArenaAdminRouteOptions {
  /** The server's admin token (APERTURE_ADMIN_TOKEN); without one the organiser routes answer 403. */
  adminToken?: string;
}

const AUTH =
  'Organiser route: Authorization: Bearer <APERTURE_ADMIN_TOKEN> (the server admin token, not a team token)';

const ADMIN_ERRORS = {
  400: ErrorResponseSchema,
  401: ErrorResponseSchema,
  403: ErrorResponseSchema,
  404: ErrorResponseSchema,
  409: ErrorResponseSchema,
  429: ErrorResponseSchema,
};

/** Validates a definition with the CLI's parser; problems become a 400 naming the first one's field. */
function definitionFromBody(definition: string | Record<string, unknown>) {
  // JSON is YAML, so an object goes through the same parser (and the same limits) as a file.
  const text = typeof definition === 'string' ? definition : JSON.stringify(definition, null, 2);
  const checked = validateBenchmarkDefinition(text, 'definition');
  if (checked.ok) return checked.value;
  const first = checked.issues[0]?.path;
  throw fieldError(
    'ERR_USAGE',
    summarizeDocumentIssues('definition', checked.issues),
    first ? `definition.${first}` : 'definition',
  );
}

/** Reads the items text; for private items, parser details that could quote a label are withheld. */
function itemsFromBody(text: string, format: 'csv' | 'jsonl', split: 'public' | 'private'): RawItem[] {
  try {
    return readItemsFile(Buffer.from(text, 'utf8'), format);
  } catch (error) {
    if (
      split === 'private' &&
      isApertureError(error) &&
      error.message.startsWith('items file is not valid CSV')
    )
      throw fieldError(
        'ERR_INVALID_INPUT',
        'items file is not valid CSV (parser details are withheld for private items: they may quote a label)',
        'items',
      );
    throw error;
  }
}

/** The rejected items as one message; a private label quoted in a reason is replaced by `<label>`. */
function rejectionMessage(
  rejected: readonly { id: string; reason: string }[],
  items: readonly RawItem[],
  split: 'public' | 'private',
): string {
  const labels = new Map(items.map((item) => [item.id, item.label]));
  const listed = rejected.slice(0, LISTED_REJECTIONS).map(({ id, reason }) => {
    const quoted = JSON.stringify(labels.get(id));
    const safe = split === 'private' && quoted !== undefined ? reason.replaceAll(quoted, '<label>') : reason;
    return `${id}: ${safe}`;
  });
  const more = rejected.length > LISTED_REJECTIONS ? `; and ${rejected.length - LISTED_REJECTIONS} more` : '';
  return `${rejected.length} item(s) rejected; nothing was added: ${listed.join('; ')}${more}`;
}

/** Maps the entry index verifyLog names to its line in the text (blank lines are skipped by the parser). */
function lineOfEntry(text: string, index: number): number | null {
  let seen = 0;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.trim() === '') continue;
    if (seen === index) return i + 1;
    seen++;
  }
  return null;
}

/**
 * The arena's organiser routes, the HTTP twins of `aperture arena create|add-items|open-round|close-round|team`:
 * POST benchmarks, items, rounds, round close, teams and team tokens, and DELETE tokens, all behind the
 * server admin token (APERTURE_ADMIN_TOKEN, as for programs; the CLI's organiser commands need the store
 * itself, so a team token, even with the admin scope, is not enough). POST /api/arena/verify-log and
 * GET /api/arena/log/verify need no token. All are rate-limited per address, and wrong admin tokens count as failed authentications.
 *
 * @example
 * arenaAdminRoutes(app, context, { adminToken: process.env.APERTURE_ADMIN_TOKEN });
 */
export function arenaAdminRoutes(
  app: ZodApp,
  context: ServerContext,
  options: ArenaAdminRouteOptions = {},
): void {
  // onRequest: refuse before the body is read or validated; wrong admin tokens count per address.
  const admin = requireAdminToken(options.adminToken, context.failedAuthentications);
  const adminConfig = rateLimitedPerAddress(ADMIN_RATE_PER_MINUTE);

  app.post(
    '/api/arena/benchmarks',
    {
      onRequest: admin,
      config: adminConfig,
      bodyLimit: 2 * 1024 * 1024,
      schema: {
        tags: ['arena'],
        summary: `Create a benchmark with its rounds and prize tracks (\`aperture arena create\`). ${AUTH}`,
        body: BenchmarkCreateBodySchema,
        response: { 201: BenchmarkCreatedSchema, ...ADMIN_ERRORS, 413: ErrorResponseSchema },
      },
    },
    async (request, reply) => {
      const definition = definitionFromBody(request.body.definition);
      const created = await createBenchmark(context.db, definition);
      return reply.code(201).send({
        slug: definition.slug,
        // The primary task's, as everywhere a benchmark names one metric.
        metric: resolveTasks(definition)[0]!.metric,
        rounds: created.rounds,
        prizeTracks: created.prizeTracks,
      });
    },
  );

  app.post(
    '/api/arena/benchmarks/:slug/items',
    {
      onRequest: admin,
      config: adminConfig,
      bodyLimit: MAX_ITEMS_TEXT_BYTES + 4 * 1024 * 1024,
      schema: {
        tags: ['arena'],
        summary: `Add labelled items to a task (the primary task by default), all or nothing (\`aperture arena add-items\`); fresh items of a round only after its freeze and before any submission (409 otherwise). A private item is scored in one round only: private items without \`round\` on a benchmark of several rounds are refused (409 naming the field \`round\`). Labels are never echoed. ${AUTH}`,
        params: BenchmarkParamsSchema,
        body: ItemsBodySchema,
        response: {
          201: ItemsAddedSchema,
          ...ADMIN_ERRORS,
          413: ErrorResponseSchema,
          422: ErrorResponseSchema,
        },
      },
    },
    async (request, reply) => {
      const { split, round, task, format } = request.body;
      const items = itemsFromBody(request.body.items, format, split);
      const outcome = await addItems(context.db, {
        benchmark: request.params.slug,
        split,
        round,
        task,
        items,
      });
      if (outcome.rejected.length > 0)
        throw fieldError('ERR_INVALID_INPUT', rejectionMessage(outcome.rejected, items, split), 'items');
      return reply.code(201).send({
        benchmark: request.params.slug,
        split,
        round: round ?? null,
        task: outcome.task,
        inserted: outcome.inserted,
      });
    },
  );

  app.post(
    '/api/arena/benchmarks/:slug/rounds',
    {
      onRequest: admin,
      config: adminConfig,
      schema: {
        tags: ['arena'],
        summary: `Add a round to a benchmark (\`aperture arena open-round\`); 409 when the benchmark has a round and private items without a round, which a second round would score again. ${AUTH}`,
        params: BenchmarkParamsSchema,
        body: RoundCreateBodySchema,
        response: { 201: RoundCreatedSchema, ...ADMIN_ERRORS, 422: ErrorResponseSchema },
      },
    },
    async (request, reply) => {
      await openRound(context.db, request.params.slug, request.body);
      return reply.code(201).send({ benchmark: request.params.slug, round: request.body.name });
    },
  );

  app.post(
    '/api/arena/benchmarks/:slug/rounds/:round/close',
    {
      onRequest: admin,
      config: adminConfig,
      schema: {
        tags: ['arena'],
        summary: `Close a round and reveal its private leaderboard with bootstrap intervals (\`aperture arena close-round\`); 409 before its close time unless force. A task whose private items a round still running also scores answers no entries and says why in \`withheld\`. ${AUTH}`,
        params: RoundParamsSchema,
        body: RoundCloseBodySchema,
        response: { 200: RoundResultsSchema, ...ADMIN_ERRORS },
      },
    },
    async (request) =>
      closeRound(context.db, request.params.slug, request.params.round, { force: request.body.force }),
  );

  app.post(
    '/api/arena/teams',
    {
      onRequest: admin,
      config: adminConfig,
      schema: {
        tags: ['arena'],
        summary: `Create a team (\`aperture arena team create\`). ${AUTH}`,
        body: TeamCreateBodySchema,
        response: { 201: TeamCreatedSchema, ...ADMIN_ERRORS },
      },
    },
    async (request, reply) => {
      await createTeam(context.db, request.body);
      return reply.code(201).send({ slug: request.body.slug, name: request.body.name ?? request.body.slug });
    },
  );

  app.post(
    '/api/arena/teams/:team/tokens',
    {
      onRequest: admin,
      config: adminConfig,
      schema: {
        tags: ['arena'],
        summary: `Issue a team token, shown once; only its hash is stored (\`aperture arena team token\`). ${AUTH}`,
        params: TeamSlugParamsSchema,
        body: TokenIssueBodySchema,
        response: { 201: TokenIssuedSchema, ...ADMIN_ERRORS },
      },
    },
    async (request, reply) => {
      const { scope } = request.body;
      const { id, token } = await issueToken(context.db, request.params.team, scope);
      return reply
        .code(201)
        .header('cache-control', 'no-store')
        .send({ id, team: request.params.team, scope, token });
    },
  );

  app.delete(
    '/api/arena/tokens/:id',
    {
      onRequest: admin,
      config: adminConfig,
      schema: {
        tags: ['arena'],
        summary: `Revoke a team token by its id, the part of the token between apt_ and the next _ (\`aperture arena team revoke\`). ${AUTH}`,
        params: TokenParamsSchema,
        response: { 200: TokenRevokedSchema, ...ADMIN_ERRORS },
      },
    },
    async (request) => {
      const { id } = request.params;
      await revokeToken(context.db, id);
      return { id, revoked: true as const };
    },
  );

  app.post(
    '/api/arena/verify-log',
    {
      config: rateLimitedPerAddress(VERIFY_RATE_PER_MINUTE),
      bodyLimit: MAX_LOG_TEXT_BYTES + 4 * 1024 * 1024,
      schema: {
        tags: ['arena'],
        summary:
          'Verify a transparency log export (`aperture arena verify-log`): the entry count and head hash, or the first broken entry and why. No token needed.',
        body: VerifyLogBodySchema,
        response: {
          200: LogVerificationSchema,
          400: ErrorResponseSchema,
          413: ErrorResponseSchema,
          429: ErrorResponseSchema,
        },
      },
    },
    async (request) => {
      const { log, count, head } = request.body;
      const parsed = parseLogJsonLines(log);
      if (!parsed.ok) {
        const index = log
          .split('\n')
          .slice(0, parsed.line - 1)
          .filter((line) => line.trim() !== '').length;
        return {
          ok: false as const,
          index,
          line: parsed.line,
          reason: `line ${parsed.line}: ${parsed.reason}`,
        };
      }
      const verdict = verifyLog(parsed.entries, { count, head });
      if (verdict.ok) return verdict;
      return { ...verdict, line: lineOfEntry(log, verdict.index) };
    },
  );

  app.get(
    '/api/arena/log/verify',
    {
      config: rateLimitedPerAddress(VERIFY_RATE_PER_MINUTE),
      schema: {
        tags: ['arena'],
        summary:
          "Verify the server's own transparency log and its store against it (`aperture arena verify-log --store`): every logged submission's round, team, digest, time, public score and committed scores, and every close's submissions and private leaderboard. Names the first entry or submission an edit went behind. No token needed.",
        querystring: VerifyStoreLogQuerySchema,
        response: { 200: StoreLogVerificationSchema, 400: ErrorResponseSchema, 429: ErrorResponseSchema },
      },
    },
    async (request) => verifyStoreLog(context.db, request.query),
  );
}
