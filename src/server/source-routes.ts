import { listDataSources } from '../observatory/index.ts';
import { DataSourcesResponseSchema } from '../spec/index.ts';
import type { ServerContext, ZodApp } from './server-context.ts';

/** GET /api/sources: the public data sources behind the catalog, their licenses and snapshot dates. */
export function sourceRoutes(app: ZodApp, context: ServerContext): void {
  app.get(
    '/api/sources',
    {
      schema: {
        tags: ['catalog'],
        summary:
          'The data sources the catalog holds, with license, attribution, snapshot date and record count',
        response: { 200: DataSourcesResponseSchema },
      },
    },
    async () => listDataSources(context.reads),
  );
}
