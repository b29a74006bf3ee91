import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { CheckReport } from '../checker/index.ts';
import type { Database, DialectName } from '../store/index.ts';
import type { DestinationOptions } from '../util/index.ts';
import type { FailedAuthentications } from './failed-authentications.ts';
import type { ResponseCache } from './response-cache.ts';

/** The Fastify instance routes are declared on: zod schemas type requests and replies. */
export type ZodApp = FastifyInstance<
  Server,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/**
 * Checks one release a client named; the server calls checkReleasePinned unless a test injects another.
 * `destination` holds git clones to the addresses acceptCheckSource judged (see GitOptions.destination).
 */
export type CheckReleaseFunction = (
  target: string,
  options: { destination: DestinationOptions },
) => Promise<CheckReport>;

/** What routes need from the server: the catalog and how to check a release. */
export interface ServerContext {
  db: Kysely<Database>;
  /**
   * Where long catalog reads run (indicators, country summaries, list totals): the SQLite read pool's
   * worker threads when serving a file, so they never hold the event loop; `db` otherwise.
   */
  reads: Kysely<Database>;
  dialect: DialectName;
  checkRelease: CheckReleaseFunction;
  /** Which destinations clients may name: APERTURE_ALLOW_HOSTS, and the resolver (tests inject one). */
  destination: DestinationOptions;
  /** Longest a POST /api/check may run before it answers 504. */
  checkTimeoutMs: number;
  /** POST /api/check requests allowed per client address per minute. */
  checkRateLimit: number;
  /** Computed catalog answers keyed by catalog version (see sendCachedJson). */
  cache: ResponseCache;
  /** Failed authentications (team and admin tokens) per client address, shared by every route. */
  failedAuthentications: FailedAuthentications;
}
