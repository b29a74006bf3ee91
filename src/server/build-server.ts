import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions, type RouteOptions } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { toolVersion } from '../checker/index.ts';
import type { Database, DialectName } from '../store/index.ts';
import { allowedHostsFromEnv, type DestinationOptions } from '../util/index.ts';
import { acceptAdminToken } from './admin-token.ts';
import { arenaAdminRoutes } from './arena-admin-routes.ts';
import { arenaRoutes } from './arena-routes.ts';
import { checkReleasePinned } from './check-release-pinned.ts';
import { checkRoutes } from './check-routes.ts';
import { answerClientError } from './client-errors.ts';
import { countryRoutes } from './country-routes.ts';
import {
  DEFAULT_FAILED_AUTHENTICATION_LIMITS,
  type FailedAuthenticationLimits,
  FailedAuthentications,
} from './failed-authentications.ts';
import { feedRoutes } from './feed-routes.ts';
import { healthRoutes } from './health-routes.ts';
import { handleError, replyError } from './http-errors.ts';
import { importRunRoutes } from './import-run-routes.ts';
import { indicatorRoutes } from './indicator-routes.ts';
import { modelRoutes } from './model-routes.ts';
import { documentRoute } from './openapi/document-route.ts';
import { dropUnusedSchemas } from './openapi/drop-unused-schemas.ts';
import { SECURITY_SCHEMES } from './openapi/route-security.ts';
import { organizationRoutes } from './organization-routes.ts';
import { programRoutes } from './program-routes.ts';
import { refuseNulBytes } from './refuse-nul-bytes.ts';
import { DEFAULT_RESPONSE_CACHE_LIMITS, ResponseCache, type ResponseCacheLimits } from './response-cache.ts';
import { docsPagePolicy, registerSecurityHeaders } from './security-headers.ts';
import type { CheckReleaseFunction, ServerContext, ZodApp } from './server-context.ts';
import { sourceRoutes } from './source-routes.ts';
import { watchRoutes } from './watch-routes.ts';
import { DASHBOARD_NOT_BUILT_HTML, defaultWebRoot } from './web-root.ts';

/** Largest request body accepted (POST /api/check needs a few hundred bytes). */
export const BODY_LIMIT_BYTES = 64 * 1024;

/** Options of buildServer. */
export interface BuildServerOptions {
  /** The catalog; the caller opens, migrates and closes it. */
  db: Kysely<Database>;
  /**
   * Where long catalog reads run (indicators, country summaries, list totals): `reads` of a served
   * SQLite handle (its worker threads), `db` by default. The caller closes it with the store.
   */
  reads?: Kysely<Database>;
  dialect: DialectName;
  /** The built dashboard; dist/web under the package root by default. */
  webRoot?: string;
  /** Fastify's pino logger options: false (default) for silence, true or options for JSON logs. */
  logger?: FastifyServerOptions['logger'];
  /** How POST /api/check checks a release (tests inject a fake); checkReleasePinned by default. */
  checkRelease?: CheckReleaseFunction;
  /**
   * Which network destinations clients may name (check, prize-claim, award and deliverable sources):
   * public addresses only, plus `allowHosts` (APERTURE_ALLOW_HOSTS by default); tests inject `lookup`.
   */
  destination?: DestinationOptions;
  /** Time limit of one POST /api/check, 120 s by default. */
  checkTimeoutMs?: number;
  /** POST /api/check requests per client address per minute, 10 by default (also prize claims per token). */
  checkRateLimit?: number;
  /**
   * Failed authentications (team or admin token) allowed per client address before it is refused for the
   * rest of the window: 10 in 10 minutes by default.
   */
  failedAuthenticationLimits?: FailedAuthenticationLimits;
  /**
   * Bounds of the cache of catalog answers (keyed by catalog version, so never stale); maxEntries 0
   * turns it off.
   */
  responseCache?: ResponseCacheLimits;
  /**
   * Token guarding the admin routes (POST/PUT/DELETE of programs and awards, the arena organiser routes);
   * they answer 403 without one. At least 32 characters: a shorter one is refused (see acceptAdminToken).
   */
  adminToken?: string;
  /** Called with each route as Fastify registers it (its onRoute hook, added before any route): tests list the routes so. */
  onRoute?: (route: RouteOptions) => void;
}

/** True when the client would rather have a page than JSON (a browser navigation). */
function wantsHtml(accept: string | undefined): boolean {
  return accept?.includes('text/html') ?? false;
}

/**
 * The Aperture HTTP API and dashboard as a Fastify app (not yet listening): the catalog, indicators
 * and release checks under /api, OpenAPI 3.1 at /openapi.json with a docs page at /docs, and the
 * built dashboard at / (with SPA fallback). Errors are `{ error: { code, message, field? } }`, those of
 * Node's HTTP parser (431, 408, 400) included; every response carries the security headers of
 * registerSecurityHeaders (Content-Security-Policy, X-Frame-Options, …). Refuses (ERR_USAGE) an admin
 * token under 32 characters.
 *
 * @example
 * const app = await buildServer({ db: store.db, reads: store.reads, dialect: store.dialect });
 * const response = await app.inject({ url: '/api/models?country=FR' });
 * await app.listen({ host: '127.0.0.1', port: 8080 });
 */
export async function buildServer(options: BuildServerOptions): Promise<ZodApp> {
  const adminToken = acceptAdminToken(options.adminToken);
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT_BYTES,
    genReqId: () => randomUUID(),
    // Errors met before any route (parser refusals, malformed URLs) answer in the shape of all others.
    clientErrorHandler: answerClientError,
    frameworkErrors: handleError,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  if (options.onRoute) app.addHook('onRoute', options.onRoute);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  await registerSecurityHeaders(app);
  // Before swagger collects the routes: operationIds and security requirements come from the routes.
  app.addHook('onRoute', documentRoute);
  // Before any route's schema: NUL in any field is a 400 naming it, whatever the route (and the store).
  app.addHook('preValidation', refuseNulBytes);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Aperture API',
        description:
          'The observatory catalog (models, organizations, countries), its indicators, release checks, the arena and funding programs. Every list and indicator also answers format=csv.',
        version: toolVersion(),
        license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
      },
      servers: [{ url: '/', description: 'The server that serves this document' }],
      components: { securitySchemes: SECURITY_SCHEMES },
      tags: [
        { name: 'catalog', description: 'Models, organizations, countries, import runs' },
        { name: 'indicators', description: 'Observatory indicators' },
        { name: 'check', description: 'Openness checks of releases' },
        { name: 'meta', description: 'Server status' },
        { name: 'arena', description: 'Benchmarks, rounds, leaderboards, submissions, transparency log' },
        { name: 'programs', description: 'Funding programs, awards, deliverables and their verification' },
        {
          name: 'watch',
          description: 'The release watch: new releases of watched organizations, as Atom and JSON',
        },
      ],
    },
    transform: jsonSchemaTransform,
    transformObject: (documentObject) => dropUnusedSchemas(jsonSchemaTransformObject(documentObject)),
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs', transformStaticCSP: docsPagePolicy });
  await app.register(fastifyRateLimit, { global: false });

  const context: ServerContext = {
    db: options.db,
    reads: options.reads ?? options.db,
    dialect: options.dialect,
    checkRelease: options.checkRelease ?? checkReleasePinned,
    destination: options.destination ?? { allowHosts: allowedHostsFromEnv(process.env) },
    checkTimeoutMs: options.checkTimeoutMs ?? 120_000,
    checkRateLimit: options.checkRateLimit ?? 10,
    cache: new ResponseCache(options.responseCache ?? DEFAULT_RESPONSE_CACHE_LIMITS),
    failedAuthentications: new FailedAuthentications(
      options.failedAuthenticationLimits ?? DEFAULT_FAILED_AUTHENTICATION_LIMITS,
    ),
  };
  for (const routes of [
    healthRoutes,
    modelRoutes,
    organizationRoutes,
    countryRoutes,
    indicatorRoutes,
    checkRoutes,
    importRunRoutes,
    sourceRoutes,
    arenaRoutes,
    feedRoutes,
  ]) {
    routes(app, context);
  }
  arenaAdminRoutes(app, context, { adminToken });
  programRoutes(app, context, { adminToken });
  watchRoutes(app, context, { adminToken });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const webRoot = path.resolve(options.webRoot ?? defaultWebRoot());
  const dashboardBuilt = existsSync(path.join(webRoot, 'index.html'));
  if (dashboardBuilt) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: true });
  } else {
    app.get('/', { schema: { hide: true } }, async (_request, reply) =>
      reply.type('text/html; charset=utf-8').send(DASHBOARD_NOT_BUILT_HTML),
    );
  }

  app.setNotFoundHandler(async (request, reply) => {
    const pathname = request.url.split('?')[0]!;
    const isApi = pathname === '/api' || pathname.startsWith('/api/');
    // Client-side routes of the dashboard (/models/42) load index.html, which routes in the browser.
    if (!isApi && dashboardBuilt && request.method === 'GET' && wantsHtml(request.headers.accept)) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return replyError(
      reply,
      'ERR_NOT_FOUND',
      `no route ${request.method} ${pathname}; see /docs for the API`,
    );
  });

  return app;
}
