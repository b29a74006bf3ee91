import { ApertureError } from '../errors.ts';
import {
  addAward,
  createProgram,
  deleteAward,
  deleteProgram,
  findProgramWarnings,
  getAward,
  getProgram,
  listPrograms,
  programPortfolio,
  saveAward,
  saveProgram,
} from '../programs/index.ts';
import {
  AwardDetailSchema,
  DeletedResponseSchema,
  ErrorResponseSchema,
  FormatQuerySchema,
  ObjectBodySchema,
  ProgramDetailSchema,
  ProgramListSchema,
  ProgramPortfolioSchema,
  ProgramSavedSchema,
  SlugParamsSchema,
} from '../spec/index.ts';
import { requireAdminToken } from './admin-token.ts';
import { fieldError } from './http-errors.ts';
import { awardFromBody, programFromBody } from './program-bodies.ts';
import { AWARD_CSV, HISTORY_CSV, PORTFOLIO_CSV, PROGRAM_CSV } from './program-csv-columns.ts';
import { oneBatch, sendCsv } from './send-csv.ts';
import type { ServerContext, ZodApp } from './server-context.ts';

/** Options of the program routes. */
export interface ProgramRouteOptions {
  /** The admin token guarding POST/PUT/DELETE; without one those routes answer 403. */
  adminToken?: string;
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
        response: { 201: ProgramSavedSchema, ...adminResponses, 409: ErrorResponseSchema },
      },
    },
    async (request, reply) => {
      const program = await programFromBody(request.body, context.destination);
      const warnings = await findProgramWarnings(context.db, program);
      await createProgram(context.db, program);
      return reply.code(201).send({ ...(await getProgram(context.db, program.id)), warnings });
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
        response: { 200: ProgramSavedSchema, ...adminResponses },
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
      const warnings = await findProgramWarnings(context.db, program);
      await saveProgram(context.db, program);
      return { ...(await getProgram(context.db, program.id)), warnings };
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
        response: { 204: DeletedResponseSchema, ...adminResponses, 404: ErrorResponseSchema },
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
        response: { 204: DeletedResponseSchema, ...adminResponses, 404: ErrorResponseSchema },
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
