import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  benchmarkDetail,
  claimPrize,
  exportLog,
  leaderboard,
  listBenchmarks,
  listRounds,
  submitPredictions,
  teamHistory,
} from '../arena/index.ts';
import {
  BenchmarkDetailSchema,
  BenchmarkListSchema,
  BenchmarkParamsSchema,
  ErrorResponseSchema,
  type LeaderboardEntry,
  LeaderboardQuerySchema,
  LeaderboardSchema,
  MAX_PREDICTIONS_BYTES,
  PrizeClaimBodySchema,
  PrizeClaimOutcomeSchema,
  RoundListSchema,
  RoundParamsSchema,
  SubmissionBodySchema,
  SubmissionOutcomeSchema,
  SubmissionQuerySchema,
  TeamHistorySchema,
  TeamParamsSchema,
} from '../spec/index.ts';
import { acceptCheckSource } from './check-source.ts';
import { fieldError } from './http-errors.ts';
import { rateLimitedPerTeamToken } from './rate-limited.ts';
import { type CsvColumn, oneBatch, sendCsv } from './send-csv.ts';
import type { ServerContext, ZodApp } from './server-context.ts';
import { streamedJsonStringBody } from './streamed-json-body.ts';
import { bearer, requireTeamToken } from './team-token-auth.ts';

/** Submissions per verified token per minute; the daily cap per team applies as well. */
const SUBMISSION_RATE_PER_MINUTE = 30;

const LEADERBOARD_CSV: CsvColumn<LeaderboardEntry>[] = [
  { header: 'rank', value: (entry) => entry.rank },
  { header: 'team', value: (entry) => entry.team },
  { header: 'score', value: (entry) => entry.score },
  { header: 'lower', value: (entry) => entry.lower },
  { header: 'upper', value: (entry) => entry.upper },
  { header: 'submissions', value: (entry) => entry.submissions },
  { header: 'lastSubmissionAt', value: (entry) => entry.lastSubmissionAt },
  {
    header: 'eligibleTracks',
    value: (entry) =>
      entry.prizes
        .filter((prize) => prize.eligible)
        .map((prize) => prize.track)
        .join(' '),
  },
];

const ERRORS = { 400: ErrorResponseSchema, 404: ErrorResponseSchema };

/** The task of a submission: the query's or the body's (they must agree when both are given). */
function submissionTask(query: string | undefined, body: string | undefined): string | undefined {
  if (query !== undefined && body !== undefined && query !== body)
    throw fieldError(
      'ERR_USAGE',
      `the task query parameter ("${query}") and the body's task ("${body}") differ; give one`,
      'task',
    );
  return query ?? body;
}

/**
 * The arena under /api/arena: benchmarks (private labels never included), rounds, leaderboards (JSON or
 * CSV), team histories, the transparency log export, and, with a team's Bearer token, submissions and
 * prize claims: the token is checked first (before the body is read), then the request counts toward the
 * token's rate limit.
 */
export function arenaRoutes(app: ZodApp, context: ServerContext): void {
  app.get(
    '/api/arena/benchmarks',
    { schema: { tags: ['arena'], summary: 'Arena benchmarks', response: { 200: BenchmarkListSchema } } },
    async () => ({ items: await listBenchmarks(context.db) }),
  );

  app.get(
    '/api/arena/benchmarks/:slug',
    {
      schema: {
        tags: ['arena'],
        summary:
          'A benchmark: rounds, prize tracks, public items with labels, private item ids (never their labels)',
        params: BenchmarkParamsSchema,
        response: { 200: BenchmarkDetailSchema, ...ERRORS },
      },
    },
    async (request) => benchmarkDetail(context.db, request.params.slug),
  );

  app.get(
    '/api/arena/benchmarks/:slug/rounds',
    {
      schema: {
        tags: ['arena'],
        summary: 'The rounds of a benchmark with their phase and counts',
        params: BenchmarkParamsSchema,
        response: { 200: RoundListSchema, ...ERRORS },
      },
    },
    async (request) => ({ items: await listRounds(context.db, request.params.slug) }),
  );

  app.get(
    '/api/arena/benchmarks/:slug/leaderboard',
    {
      schema: {
        tags: ['arena'],
        summary:
          'Leaderboard of a round and task (the primary task by default): Ladder releases while it runs, private scores with bootstrap intervals once closed (unless `withheld` says why they are not shown yet)',
        params: BenchmarkParamsSchema,
        querystring: LeaderboardQuerySchema,
        response: { 200: LeaderboardSchema, ...ERRORS },
      },
    },
    async (request, reply) => {
      const { round, task, format } = request.query;
      const board = await leaderboard(context.db, request.params.slug, round, { task });
      if (format === 'csv')
        return sendCsv(
          reply,
          // A benchmark with several tasks has one board per task: the file name says which.
          `${board.benchmark.slug}-${board.round.name}${board.tasks.length > 1 ? `-${board.task.id}` : ''}-leaderboard.csv`,
          LEADERBOARD_CSV,
          oneBatch(board.entries),
        );
      return board;
    },
  );

  app.get(
    '/api/arena/benchmarks/:slug/teams/:team/history',
    {
      schema: {
        tags: ['arena'],
        summary:
          "A team's submissions to a benchmark, with the public score shown after each and the private score once its round is closed (or why it is withheld and until when)",
        params: TeamParamsSchema,
        response: { 200: TeamHistorySchema, ...ERRORS },
      },
    },
    async (request) => teamHistory(context.db, request.params.slug, request.params.team),
  );

  app.get(
    '/api/arena/log',
    {
      schema: {
        tags: ['arena'],
        summary: 'The transparency log as JSON Lines (verify with `aperture arena verify-log FILE`)',
        response: {
          200: {
            description: 'One log entry per line, oldest first',
            content: { 'application/x-ndjson': { schema: z.string() } },
          },
        },
      },
    },
    async (_request, reply) => {
      const { jsonLines } = await exportLog(context.db);
      return reply
        .type('application/x-ndjson; charset=utf-8')
        .header('content-disposition', 'attachment; filename="arena-log.jsonl"')
        .send(jsonLines);
    },
  );

  // The submission body is decoded as it arrives (and only after the token checked out, in onRequest).
  app.register(async (plain) => {
    streamedJsonStringBody(plain);
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.post(
      '/api/arena/benchmarks/:slug/rounds/:round/submissions',
      {
        bodyLimit: MAX_PREDICTIONS_BYTES + 1024 * 1024,
        onRequest: requireTeamToken(context.db, context.failedAuthentications, 'submit'),
        config: rateLimitedPerTeamToken(SUBMISSION_RATE_PER_MINUTE),
        schema: {
          tags: ['arena'],
          summary:
            "Submit predictions for every public and private item of a round's task, the primary task unless `task` names another; the daily cap counts every task (Authorization: Bearer apt_…)",
          params: RoundParamsSchema,
          querystring: SubmissionQuerySchema,
          body: SubmissionBodySchema,
          response: {
            200: SubmissionOutcomeSchema,
            ...ERRORS,
            401: ErrorResponseSchema,
            409: ErrorResponseSchema,
            413: ErrorResponseSchema,
            422: ErrorResponseSchema,
            429: ErrorResponseSchema,
          },
        },
      },
      async (request) =>
        submitPredictions(context.db, {
          benchmark: request.params.slug,
          round: request.params.round,
          task: submissionTask(request.query.task, request.body.task),
          token: bearer(request.headers.authorization),
          text: request.body.predictions,
          format: request.body.format,
        }),
    );
  });

  app.post(
    '/api/arena/benchmarks/:slug/prize-claims',
    {
      onRequest: requireTeamToken(context.db, context.failedAuthentications, 'admin'),
      config: rateLimitedPerTeamToken(context.checkRateLimit),
      schema: {
        tags: ['arena'],
        summary: "Claim a prize track: the checker verifies the team's release (admin token)",
        params: BenchmarkParamsSchema,
        body: PrizeClaimBodySchema,
        response: {
          200: PrizeClaimOutcomeSchema,
          ...ERRORS,
          401: ErrorResponseSchema,
          403: ErrorResponseSchema,
          429: ErrorResponseSchema,
        },
      },
    },
    async (request) =>
      claimPrize(
        context.db,
        {
          benchmark: request.params.slug,
          track: request.body.track,
          token: bearer(request.headers.authorization),
          source: request.body.source,
        },
        {
          acceptSource: (source) => acceptCheckSource(source, context.destination),
          checkRelease: (source) => context.checkRelease(source, { destination: context.destination }),
        },
      ),
  );
}
