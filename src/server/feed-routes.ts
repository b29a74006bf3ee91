import { z } from 'zod';
import { toolVersion } from '../checker/index.ts';
import { listWatchedReleases, renderAtomFeed } from '../observatory/index.ts';
import {
  ErrorResponseSchema,
  ReleaseFeedQuerySchema,
  ReleaseListQuerySchema,
  WatchedReleasePageSchema,
} from '../spec/index.ts';
import type { ServerContext, ZodApp } from './server-context.ts';

/** The absolute URL a request was made to, on the host it named (the feed's links point back there). */
function requestOrigin(request: { protocol: string; host: string }): string {
  return `${request.protocol}://${request.host}`;
}

/**
 * GET /feed.atom (the release watch as an Atom 1.0 feed) and GET /api/watch/releases (the same releases
 * as JSON pages, for the dashboard), both filtered by organization, country, minimum score, MOF class and
 * the open-washing flag.
 */
export function feedRoutes(app: ZodApp, context: ServerContext): void {
  app.get(
    '/feed.atom',
    {
      schema: {
        tags: ['watch'],
        operationId: 'getReleaseFeed',
        // Outside /api, so documentRoute does not complete it: a public route, stated here.
        security: [],
        summary: 'New releases of watched organizations with their openness, as an Atom feed',
        description:
          'An Atom 1.0 (RFC 4287) document, newest first: one entry per release the release watch found (`aperture watch run`), with a stable id, `published` (found), `updated` (checked), the organization as author, the Hub page as link, categories `country:XX`, `mof-class:II`, `open-washing`, and a text summary of its openness score and MOF class. Filters narrow it; see docs/watch.md.',
        querystring: ReleaseFeedQuerySchema,
        produces: ['application/atom+xml'],
        response: {
          200: {
            description: 'The Atom feed (application/atom+xml)',
            content: {
              'application/atom+xml': { schema: z.string().describe('An Atom 1.0 feed document') },
            },
          },
          400: ErrorResponseSchema,
        },
      },
    },
    async (request, reply) => {
      const { limit, ...filters } = request.query;
      const { items } = await listWatchedReleases(context.reads, filters, { page: 1, pageSize: limit });
      const origin = requestOrigin(request);
      const query = new URL(request.url, origin).search;
      const xml = renderAtomFeed(items, {
        selfUrl: `${origin}/feed.atom${query}`,
        pageUrl: `${origin}/releases${query}`,
        filters,
        emptyUpdated: new Date().toISOString(),
        generatorVersion: toolVersion(),
      });
      return reply.type('application/atom+xml; charset=utf-8').send(xml);
    },
  );

  app.get(
    '/api/watch/releases',
    {
      schema: {
        tags: ['watch'],
        summary: 'Releases the release watch found, newest first, with their openness',
        querystring: ReleaseListQuerySchema,
        response: { 200: WatchedReleasePageSchema, 400: ErrorResponseSchema },
      },
    },
    async (request) => {
      const { page, pageSize, ...filters } = request.query;
      return listWatchedReleases(context.reads, filters, { page, pageSize });
    },
  );
}
