import { ApertureError, isApertureError } from '../errors.ts';
import {
  type Award,
  type AwardDetail,
  AwardSchema,
  type AwardSummary,
  addAward,
  createProgram,
  deleteAward,
  deleteProgram,
  getAward,
  getProgram,
  listPrograms,
  type PortfolioRow,
  type ProgramDefinition,
  type ProgramSummary,
  programPortfolio,
  saveAward,
  saveProgram,
  validateProgramValue,
} from '../programs/index.ts';
import type { DestinationOptions } from '../util/index.ts';
import { requireAdminToken } from './admin-token.ts';
import { ErrorResponseSchema, FormatQuerySchema } from './api-schemas.ts';
import { acceptCheckSource } from './check-source.ts';
import { fieldError } from './http-errors.ts';
import {
  AwardDetailSchema,
  ObjectBodySchema,
  ProgramDetailSchema,
  ProgramListSchema,
  ProgramPortfolioSchema,
  SlugParamsSchema,
} from './program-api-schemas.ts';
import { type CsvColumn, oneBatch, plainColumns, sendCsv } from './send-csv.ts';
import type { ServerContext, ZodApp } from './server-context.ts';

/** Options of the program routes. */
export interface ProgramRouteOptions {
  /** The admin token guarding POST/PUT/DELETE; without one those routes answer 403. */
  adminToken?: string;
}

const statusColumns = <T extends { status: Record<string, number> }>(): CsvColumn<T>[] =>
  ['pass', 'fail', 'overdue', 'pending', 'unverifiable', 'unchecked'].map((status) => ({
    header: status,
    value: (item: T) => item.status[status] ?? 0,
  }));

const PROGRAM_CSV: CsvColumn<ProgramSummary>[] = [
  ...plainColumns<ProgramSummary>([
    'id',
    'name',
    'kind',
    'funder',
    'demo',
    'currency',
    'totalBudget',
    'computeBudgetGpuHours',
    'startDate',
    'endDate',
    'awardCount',
    'awardedMoney',
    'awardedGpuHours',
  ]),
  ...statusColumns<ProgramSummary>(),
];

const AWARD_CSV: CsvColumn<AwardSummary>[] = [
  ...plainColumns<AwardSummary>([
    'id',
    'program',
    'recipient',
    'recipientType',
    'institution',
    'country',
    'money',
    'computeGpuHours',
    'startDate',
    'endDate',
  ]),
  ...statusColumns<AwardSummary>(),
];

const HISTORY_CSV = plainColumns<AwardDetail['history'][number]>([
  'runId',
  'checkedAt',
  'asOf',
  'requirement',
  'status',
  'score',
  'mofClass',
]);

const PORTFOLIO_CSV = plainColumns<PortfolioRow>(['group', 'mofClass', 'count', 'share']);

// Codes a refused source keeps; other refusals (ERR_GIT_URL, ERR_HF_ID) answer as ERR_USAGE, as before.
const KEPT_SOURCE_CODES = new Set(['ERR_DESTINATION_REFUSED', 'ERR_SOURCE_UNAVAILABLE']);

/**
 * Refuses award and deliverable sources the server must not read: over HTTP only `hf:` ids and https git
 * URLs on public addresses are accepted (as for POST /api/check), never a path on the server's disk nor
 * an internal network destination.
 */
async function refuseUnsafeSources(
  award: Award,
  field: string,
  destination: DestinationOptions,
): Promise<void> {
  const sources: Array<[string | undefined, string]> = [
    [award.source, `${field}.source`],
    ...award.deliverables.map((deliverable, index): [string | undefined, string] => [
      deliverable.source,
      `${field}.deliverables.${index}.source`,
    ]),
  ];
  for (const [source, sourceField] of sources) {
    if (source === undefined) continue;
    try {
      await acceptCheckSource(source, destination);
    } catch (error) {
      const code = isApertureError(error) && KEPT_SOURCE_CODES.has(error.code) ? error.code : 'ERR_USAGE';
      throw fieldError(code, error instanceof Error ? error.message : String(error), sourceField);
    }
  }
}

/** Validates a program body; policy files, local sources and internal destinations are refused over HTTP. */
async function programFromBody(body: unknown, destination: DestinationOptions): Promise<ProgramDefinition> {
  const validation = validateProgramValue(body, 'body');
  if (!validation.ok) {
    const issue = validation.issues[0]!;
    throw fieldError(
      'ERR_USAGE',
      `invalid body field ${issue.path || '(root)'}: ${issue.message}`,
      issue.path || 'body',
    );
  }
  validation.value.requirements.forEach((requirement, index) => {
    if (requirement.kind === 'release-pack' && typeof requirement.policy === 'string') {
      throw fieldError(
        'ERR_USAGE',
        'a policy file path is not accepted over HTTP; give the policy inline',
        `requirements.${index}.policy`,
      );
    }
  });
  for (const [index, award] of validation.value.awards.entries()) {
    await refuseUnsafeSources(award, `awards.${index}`, destination);
  }
  return validation.value;
}

async function awardFromBody(body: unknown, destination: DestinationOptions): Promise<Award> {
  const result = AwardSchema.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const field = issue.path.map(String).join('.') || 'body';
    throw fieldError('ERR_USAGE', `invalid body field ${field}: ${issue.message}`, field);
  }
  await refuseUnsafeSources(result.data, 'body', destination);
  return result.data;
}

/**
 * GET /api/programs, /api/programs/:id, /api/programs/:id/portfolio, /api/awards/:id (each also as CSV
 * with format=csv), and admin-token-protected POST/PUT/DELETE of programs and awards.
 */
export function programRoutes(app: ZodApp, context: ServerContext, options: ProgramRouteOptions = {}): void {
  const admin = requireAdminToken(options.adminToken, context.failedAuthentications);
  const adminResponses = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema };

  app.get(
    '/api/programs',
    {
      schema: {
        tags: ['programs'],
        summary: 'Funding programs with award totals and deliverables by latest verification status',
        querystring: FormatQuerySchema,
        response: { 200: ProgramListSchema, 400: ErrorResponseSchema },
      },
    },
    async (request, reply) => {
      const items = await listPrograms(context.db);
      if (request.query.format === 'csv') return sendCsv(reply, 'programs.csv', PROGRAM_CSV, oneBatch(items));
      return { items };
    },
  );

  app.get(
    '/api/programs/:id',
    {
      schema: {
        tags: ['programs'],
        summary:
          'One program: requirements and awards with their latest verification status (CSV: the awards)',
        params: SlugParamsSchema,
        querystring: FormatQuerySchema,
        response: { 200: ProgramDetailSchema, 400: ErrorResponseSchema, 404: ErrorResponseSchema },
      },
    },
    async (request, reply) => {
      const program = await getProgram(context.db, request.params.id);
      if (request.query.format === 'csv') {
        return sendCsv(reply, `${program.id}-awards.csv`, AWARD_CSV, oneBatch(program.awards));
      }
      return program;
    },
  );

  app.get(
    '/api/programs/:id/portfolio',
    {
      schema: {
        tags: ['programs'],
        summary: 'Openness of the funded work vs the field (observatory models)',
        params: SlugParamsSchema,
        querystring: FormatQuerySchema,
        response: { 200: ProgramPortfolioSchema, 400: ErrorResponseSchema, 404: ErrorResponseSchema },
      },
    },
    async (request, reply) => {
      const portfolio = await programPortfolio(context.db, request.params.id);
      if (request.query.format === 'csv') {
        return sendCsv(reply, `${portfolio.program}-portfolio.csv`, PORTFOLIO_CSV, oneBatch(portfolio.rows));
      }
      return portfolio;
    },
  );

  app.get(
    '/api/awards/:id',
    {
      schema: {
        tags: ['programs'],
        summary:
          'One award: deliverables, staged-release timeline and verification history (CSV: the history)',
        params: SlugParamsSchema,
        querystring: FormatQuerySchema,
        response: { 200: AwardDetailSchema, 400: ErrorResponseSchema, 404: ErrorResponseSchema },
      },
    },
    async (request, reply) => {
      const award = await getAward(context.db, request.params.id);
      if (request.query.format === 'csv') {
        return sendCsv(reply, `${award.id}-history.csv`, HISTORY_CSV, oneBatch(award.history));
      }
      return award;
    },
  );

  app.post(
    '/api/programs',
    {
      onRequest: admin,
      schema: {
        tags: ['programs'],
        summary: 'Create a program from its definition (admin token)',
        body: ObjectBodySchema,
        response: { 201: ProgramDetailSchema, ...adminResponses, 409: ErrorResponseSchema },
      },
    },
    async (request, reply) => {
      const program = await programFromBody(request.body, context.destination);
      await createProgram(context.db, program);
      return reply.code(201).send(await getProgram(context.db, program.id));
    },
  );

  app.put(
    '/api/programs/:id',
    {
      onRequest: admin,
      schema: {
        tags: ['programs'],
        summary: 'Create or replace a program (admin token)',
        params: SlugParamsSchema,
        body: ObjectBodySchema,
        response: { 200: ProgramDetailSchema, ...adminResponses },
      },
    },
    async (request) => {
      const program = await programFromBody(request.body, context.destination);
      if (program.id !== request.params.id) {
        throw fieldError(
          'ERR_USAGE',
          `body id "${program.id}" differs from the URL id "${request.params.id}"`,
          'id',
        );
      }
      await saveProgram(context.db, program);
      return getProgram(context.db, program.id);
    },
  );

  app.delete(
    '/api/programs/:id',
    {
      onRequest: admin,
      schema: {
        tags: ['programs'],
        summary: 'Delete a program with its awards and verification history (admin token)',
        params: SlugParamsSchema,
        response: { ...adminResponses, 404: ErrorResponseSchema },
      },
    },
    async (request, reply) => {
      if (!(await deleteProgram(context.db, request.params.id))) {
        throw new ApertureError('ERR_NOT_FOUND', `no program "${request.params.id}"`);
      }
      return reply.code(204).send(undefined as never);
    },
  );

  app.post(
    '/api/programs/:id/awards',
    {
      onRequest: admin,
      schema: {
        tags: ['programs'],
        summary: 'Add an award to a program (admin token)',
        params: SlugParamsSchema,
        body: ObjectBodySchema,
        response: {
          201: AwardDetailSchema,
          ...adminResponses,
          404: ErrorResponseSchema,
          409: ErrorResponseSchema,
        },
      },
    },
    async (request, reply) => {
      const award = await awardFromBody(request.body, context.destination);
      await addAward(context.db, request.params.id, award);
      return reply.code(201).send(await getAward(context.db, award.id));
    },
  );

  app.put(
    '/api/awards/:id',
    {
      onRequest: admin,
      schema: {
        tags: ['programs'],
        summary: 'Replace an award (admin token)',
        params: SlugParamsSchema,
        body: ObjectBodySchema,
        response: { 200: AwardDetailSchema, ...adminResponses, 404: ErrorResponseSchema },
      },
    },
    async (request) => {
      const award = await awardFromBody(request.body, context.destination);
      if (award.id !== request.params.id) {
        throw fieldError(
          'ERR_USAGE',
          `body id "${award.id}" differs from the URL id "${request.params.id}"`,
          'id',
        );
      }
      const current = await getAward(context.db, request.params.id);
      await saveAward(context.db, current.program, award);
      return getAward(context.db, award.id);
    },
  );

  app.delete(
    '/api/awards/:id',
    {
      onRequest: admin,
      schema: {
        tags: ['programs'],
        summary: 'Delete an award with its deliverables and verification history (admin token)',
        params: SlugParamsSchema,
        response: { ...adminResponses, 404: ErrorResponseSchema },
      },
    },
    async (request, reply) => {
      if (!(await deleteAward(context.db, request.params.id))) {
        throw new ApertureError('ERR_NOT_FOUND', `no award "${request.params.id}"`);
      }
      return reply.code(204).send(undefined as never);
    },
  );
}
