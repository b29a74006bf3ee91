import { ApertureError } from '../errors.ts';
import { countModels, getModel, iterateModels, listMatches, listModelItems } from '../observatory/index.ts';
import {
  type EntityMatch,
  ErrorResponseSchema,
  IdParamsSchema,
  MAX_PAGE_SIZE,
  MatchPageSchema,
  MatchQuerySchema,
  ModelDetailSchema,
  ModelListQuerySchema,
  ModelPageSchema,
  type ModelSummary,
} from '../spec/index.ts';
import { cacheKey, sendCachedJson } from './cached-json.ts';
import { type CsvColumn, plainColumns, sendCsv } from './send-csv.ts';
import type { ServerContext, ZodApp } from './server-context.ts';

/** CSV columns of the model list (lists joined with `;`). */
export const MODEL_CSV_COLUMNS: readonly CsvColumn<ModelSummary>[] = [
  ...plainColumns<ModelSummary>(['id', 'name', 'source']),
  { header: 'organizationId', value: (model) => model.organization?.id ?? null },
  { header: 'organization', value: (model) => model.organization?.name ?? null },
  ...plainColumns<ModelSummary>([
    'date',
    'domain',
    'parameters',
    'trainingComputeFlop',
    'accessibility',
    'opennessScore',
    'mofClass',
  ]),
  // Spelled out: the CSV writer would turn false into an empty cell, the same as never checked.
  {
    header: 'openWashing',
    value: (model) => (model.openWashing === null ? null : String(model.openWashing)),
  },
  ...plainColumns<ModelSummary>(['openWashingReason']),
  { header: 'countries', value: (model) => model.countries.join(';') },
  { header: 'regions', value: (model) => model.regions.join(';') },
  ...plainColumns<ModelSummary>(['sourceUrl']),
];

/** CSV columns of the match list (reasons as `rule: detail` joined with `;`). */
const MATCH_CSV_COLUMNS: readonly CsvColumn<EntityMatch>[] = [
  ...plainColumns<EntityMatch>([
    'id',
    'kind',
    'relation',
    'left',
    'right',
    'confidence',
    'status',
    'decidedBy',
  ]),
  { header: 'reasons', value: (match) => match.reasons.map((r) => `${r.rule}: ${r.detail}`).join('; ') },
  ...plainColumns<EntityMatch>(['updatedAt']),
];

/** GET /api/models, GET /api/models/:id and GET /api/matches. */
export function modelRoutes(app: ZodApp, context: ServerContext): void {
  app.get(
    '/api/models',
    {
      schema: {
        tags: ['catalog'],
        summary: 'List models (filter, sort, paginate; format=csv for all of them)',
        querystring: ModelListQuerySchema,
        response: { 200: ModelPageSchema, 400: ErrorResponseSchema },
      },
    },
    async (request, reply) => {
      const { format, page, pageSize, sort, ...filter } = request.query;
      if (format === 'csv') {
        return sendCsv(reply, 'models.csv', MODEL_CSV_COLUMNS, iterateModels(context.db, filter, sort));
      }
      return sendCachedJson(context, request, reply, async (version) => {
        // The total depends on the filter only: counted once per catalog version for all its pages.
        const [items, total] = await Promise.all([
          listModelItems(context.db, { ...filter, sort, page, pageSize }),
          context.cache.get(cacheKey(version, 'models-count', filter), () =>
            countModels(context.reads, filter),
          ),
        ]);
        return { items, page, pageSize, total };
      });
    },
  );

  app.get(
    '/api/models/:id',
    {
      schema: {
        tags: ['catalog'],
        summary: 'One model: profile, lineage, adoption and ratings',
        params: IdParamsSchema,
        response: { 200: ModelDetailSchema, 400: ErrorResponseSchema, 404: ErrorResponseSchema },
      },
    },
    async (request, reply) =>
      sendCachedJson(context, request, reply, async () => {
        const model = await getModel(context.db, request.params.id);
        if (!model) throw new ApertureError('ERR_NOT_FOUND', `no model with id ${request.params.id}`);
        return model;
      }),
  );

  app.get(
    '/api/matches',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Model and organisation matches across sources, with confidence, reasons and status',
        querystring: MatchQuerySchema,
        response: { 200: MatchPageSchema, 400: ErrorResponseSchema },
      },
    },
    async (request, reply) => {
      const { format, page, pageSize, status, kind } = request.query;
      const filter = { ...(status ? { status } : {}), ...(kind ? { kind } : {}) };
      if (format === 'csv') {
        async function* all() {
          for (let next = 1; ; next += 1) {
            const { items } = await listMatches(context.db, {
              ...filter,
              page: next,
              pageSize: MAX_PAGE_SIZE,
            });
            if (items.length > 0) yield items;
            if (items.length < MAX_PAGE_SIZE) return;
          }
        }
        return sendCsv(reply, 'matches.csv', MATCH_CSV_COLUMNS, all());
      }
      return sendCachedJson(context, request, reply, () =>
        listMatches(context.db, { ...filter, page, pageSize }),
      );
    },
  );
}
