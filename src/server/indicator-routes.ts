import { ApertureError } from '../errors.ts';
import {
  INDICATORS,
  indicatorQueryFields,
  listIndicatorParameters,
  runIndicator,
} from '../observatory/index.ts';
import {
  ErrorResponseSchema,
  IndicatorListSchema,
  IndicatorParamsSchema,
  IndicatorQuerySchema,
  IndicatorResultSchema,
  type IndicatorRow,
} from '../spec/index.ts';
import { readCatalogVersion } from '../store/index.ts';
import { cacheKey, sendCachedJson } from './cached-json.ts';
import { oneBatch, sendCsv } from './send-csv.ts';
import type { ServerContext, ZodApp } from './server-context.ts';

/** GET /api/indicators and GET /api/indicators/:name. */
export function indicatorRoutes(app: ZodApp, context: ServerContext): void {
  app.get(
    '/api/indicators',
    {
      schema: {
        tags: ['indicators'],
        summary: 'Every indicator: what it counts, its columns, chart and parameters',
        response: { 200: IndicatorListSchema },
      },
    },
    async () => ({
      items: INDICATORS.map((indicator) => ({
        name: indicator.id,
        title: indicator.title,
        summary: indicator.summary,
        chart: indicator.chart,
        columns: indicator.columns,
        sources: [...indicator.sources],
        parameters: listIndicatorParameters(indicator.params).map((parameter) => ({
          ...parameter,
          choices: parameter.choices ? [...parameter.choices] : undefined,
        })),
      })),
    }),
  );

  app.get(
    '/api/indicators/:name',
    {
      schema: {
        tags: ['indicators'],
        summary: 'Compute one indicator (its parameters as query fields; format=csv for CSV)',
        params: IndicatorParamsSchema,
        // Every indicator's parameters, documented; runIndicator checks them against the named indicator.
        querystring: IndicatorQuerySchema.extend(indicatorQueryFields()),
        response: { 200: IndicatorResultSchema, 400: ErrorResponseSchema, 404: ErrorResponseSchema },
      },
    },
    async (request, reply) => {
      const { format, ...params } = request.query;
      if (!INDICATORS.some((indicator) => indicator.id === request.params.name)) {
        throw new ApertureError(
          'ERR_NOT_FOUND',
          `no indicator ${JSON.stringify(request.params.name)}; indicators: ${INDICATORS.map((indicator) => indicator.id).join(', ')}`,
        );
      }
      const name = request.params.name;
      const compute = (version: number) =>
        context.cache.get(cacheKey(version, 'indicator', { name }, params), () =>
          runIndicator(context.reads, name, params, { stored: true }),
        );
      if (format !== 'csv') return sendCachedJson(context, request, reply, compute);
      const result = await compute(await readCatalogVersion(context.db));
      const columns = result.columns.map((column) => ({
        header: column.name,
        value: (row: IndicatorRow) => row[column.name] ?? null,
      }));
      return sendCsv(reply, `${result.name}.csv`, columns, oneBatch(result.rows));
    },
  );
}
