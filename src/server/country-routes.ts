import { listCountries } from '../observatory/index.ts';
import {
  CountryListSchema,
  type CountrySummary,
  ErrorResponseSchema,
  FormatQuerySchema,
} from '../spec/index.ts';
import { readCatalogVersion } from '../store/index.ts';
import { cacheKey, sendCachedJson } from './cached-json.ts';
import { oneBatch, plainColumns, sendCsv } from './send-csv.ts';
import type { ServerContext, ZodApp } from './server-context.ts';

const COUNTRY_CSV_COLUMNS = plainColumns<CountrySummary>([
  'country',
  'countryName',
  'region',
  'modelCount',
  'openModelCount',
  'organizationCount',
]);

/** GET /api/countries. */
export function countryRoutes(app: ZodApp, context: ServerContext): void {
  app.get(
    '/api/countries',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Countries with their models (a model counts once per distinct country) and organizations',
        querystring: FormatQuerySchema,
        response: { 200: CountryListSchema, 400: ErrorResponseSchema },
      },
    },
    async (request, reply) => {
      const countries = (version: number) =>
        context.cache.get(cacheKey(version, 'countries'), () => listCountries(context.reads));
      if (request.query.format === 'csv') {
        const items = await countries(await readCatalogVersion(context.db));
        return sendCsv(reply, 'countries.csv', COUNTRY_CSV_COLUMNS, oneBatch(items));
      }
      return sendCachedJson(context, request, reply, async (version) => ({
        items: await countries(version),
      }));
    },
  );
}
