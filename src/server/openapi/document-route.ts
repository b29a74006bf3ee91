import type { RouteOptions } from 'fastify';
import { ErrorResponseSchema } from '../../spec/index.ts';
import { operationIdOf } from './operation-id.ts';
import { securityOf } from './route-security.ts';

/**
 * An onRoute hook that completes what the OpenAPI document says of an /api route, from the route
 * itself: its operationId (from method and path, unless the route names one) and its security
 * requirement (from the authentication hooks it runs, so the document cannot call a guarded route
 * public or the reverse); a route that declares no client error gets the shared error body for 4xx.
 *
 * @example
 * app.addHook('onRoute', documentRoute); // before @fastify/swagger is registered
 */
export function documentRoute(route: RouteOptions): void {
  if (!route.url.startsWith('/api/') || route.schema?.hide) return;
  const method = Array.isArray(route.method) ? route.method[0]! : route.method;
  const schema: Record<string, unknown> = { ...route.schema };
  schema.operationId ??= operationIdOf(method, route.url);
  schema.security ??= securityOf(route.onRequest);
  // Every route refuses a malformed request (a NUL byte in a parameter, headers too large) with the
  // usual error body, whether or not it declares errors of its own.
  const response = (schema.response ?? {}) as Record<string, unknown>;
  if (!Object.keys(response).some((status) => status.startsWith('4'))) {
    schema.response = { ...response, '4xx': ErrorResponseSchema };
  }
  route.schema = schema;
}
