import type { FastifyReply, FastifyRequest } from 'fastify';
import { toolVersion } from '../checker/index.ts';
import { readCatalogVersion } from '../store/index.ts';
import type { ServerContext } from './server-context.ts';

/** Query and path fields in a stable order (absent ones dropped), for cache keys. */
export function normaliseFields(fields: object | undefined): string {
  if (fields === undefined || fields === null) return '';
  const entries = Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(entries);
}

/** A cache key: the catalog version, what is computed, and its normalised inputs. */
export function cacheKey(version: number, what: string, ...inputs: (object | undefined)[]): string {
  return `${version}\u0000${what}\u0000${inputs.map(normaliseFields).join('\u0000')}`;
}

/**
 * The ETag of every catalog answer at `version`: the tool version (answers change shape with the code)
 * and the catalog version (they change with the data). Every server process gives the same one.
 */
export function catalogEtag(version: number): string {
  return `"${toolVersion()}-c${version}"`;
}

/** True when an If-None-Match header names `etag` (weak comparison, as RFC 9110 asks for GET). */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}

/**
 * Answers a catalog GET with JSON that depends only on the catalog: reads the catalog version (one
 * primary-key lookup), answers 304 when the client's If-None-Match already has it, otherwise sends
 * the body from the response cache, computing and serialising it (with the route's response schema)
 * on a miss. Keys hold the version, so a write by any process makes the next request recompute.
 */
export async function sendCachedJson(
  context: ServerContext,
  request: FastifyRequest,
  reply: FastifyReply,
  compute: (version: number) => Promise<unknown>,
): Promise<FastifyReply> {
  const version = await readCatalogVersion(context.db);
  const etag = catalogEtag(version);
  if (etagMatches(request.headers['if-none-match'], etag)) {
    return reply.code(304).header('etag', etag).header('cache-control', 'no-cache').send();
  }
  const key = cacheKey(
    version,
    request.routeOptions.url ?? request.url,
    request.params as object,
    request.query as object,
  );
  const body = await context.cache.get(key, async () => reply.serialize(await compute(version)) as string);
  return reply
    .header('etag', etag)
    .header('cache-control', 'no-cache')
    .type('application/json; charset=utf-8')
    .send(body);
}
