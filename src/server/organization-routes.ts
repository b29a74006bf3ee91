import { ApertureError } from '../errors.ts';
import {
  countOrganizations,
  getOrganization,
  iterateOrganizations,
  listOrganizationItems,
} from '../observatory/index.ts';
import {
  ErrorResponseSchema,
  IdParamsSchema,
  OrganizationDetailSchema,
  OrganizationListQuerySchema,
  OrganizationPageSchema,
  type OrganizationSummary,
} from '../spec/index.ts';
import { cacheKey, sendCachedJson } from './cached-json.ts';
import { plainColumns, sendCsv } from './send-csv.ts';
import type { ServerContext, ZodApp } from './server-context.ts';

const ORGANIZATION_CSV_COLUMNS = plainColumns<OrganizationSummary>([
  'id',
  'name',
  'country',
  'countryName',
  'region',
  'type',
  'modelCount',
  'openModelCount',
]);

/** GET /api/organizations and GET /api/organizations/:id. */
export function organizationRoutes(app: ZodApp, context: ServerContext): void {
  app.get(
    '/api/organizations',
    {
      schema: {
        tags: ['catalog'],
        summary: 'List organizations with their model counts',
        querystring: OrganizationListQuerySchema,
        response: { 200: OrganizationPageSchema, 400: ErrorResponseSchema },
      },
    },
    async (request, reply) => {
      const { format, page, pageSize, ...filter } = request.query;
      if (format === 'csv') {
        return sendCsv(
          reply,
          'organizations.csv',
          ORGANIZATION_CSV_COLUMNS,
          iterateOrganizations(context.db, filter),
        );
      }
      return sendCachedJson(context, request, reply, async (version) => {
        const { sort: _sort, ...countFilter } = filter;
        const [items, total] = await Promise.all([
          // Sorting by model count aggregates every model: both run on the read workers.
          listOrganizationItems(context.reads, { ...filter, page, pageSize }),
          context.cache.get(cacheKey(version, 'organizations-count', countFilter), () =>
            countOrganizations(context.reads, countFilter),
          ),
        ]);
        return { items, page, pageSize, total };
      });
    },
  );

  app.get(
    '/api/organizations/:id',
    {
      schema: {
        tags: ['catalog'],
        summary: 'One organization and its newest models',
        params: IdParamsSchema,
        response: { 200: OrganizationDetailSchema, 400: ErrorResponseSchema, 404: ErrorResponseSchema },
      },
    },
    async (request, reply) =>
      sendCachedJson(context, request, reply, async () => {
        const organization = await getOrganization(context.db, request.params.id);
        if (!organization) {
          throw new ApertureError('ERR_NOT_FOUND', `no organization with id ${request.params.id}`);
        }
        return organization;
      }),
  );
}
