import type { onRequestHookHandler, RouteOptions } from 'fastify';

/** The bearer tokens the API takes, as OpenAPI security schemes. */
export const SECURITY_SCHEMES = {
  adminToken: {
    type: 'http',
    scheme: 'bearer',
    description:
      'The server admin token (APERTURE_ADMIN_TOKEN): programs, awards and the arena organiser routes',
  },
  teamToken: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'apt_<id>_<secret>',
    description: 'A team token issued by `aperture arena team token` (scopes: submit, admin)',
  },
} as const;

/** A security scheme's name. */
export type SecuritySchemeName = keyof typeof SECURITY_SCHEMES;

const SCHEME_OF_HOOK = new WeakMap<object, SecuritySchemeName>();

/**
 * Marks an onRequest hook as the one that authenticates with SCHEME, so every route that runs it is
 * documented with that security requirement (and every route that runs none as public).
 *
 * @example
 * return authenticatesWith(async (request, reply) => { … }, 'adminToken');
 */
export function authenticatesWith<Hook extends object>(hook: Hook, scheme: SecuritySchemeName): Hook {
  SCHEME_OF_HOOK.set(hook, scheme);
  return hook;
}

/**
 * The OpenAPI security requirement of a route, read from the authentication hooks it runs: `[]` (no
 * token) when it runs none.
 */
export function securityOf(
  onRequest: RouteOptions['onRequest'] | onRequestHookHandler | undefined,
): Array<Partial<Record<SecuritySchemeName, string[]>>> {
  const hooks = onRequest === undefined ? [] : Array.isArray(onRequest) ? onRequest : [onRequest];
  const schemes = hooks.flatMap((hook) => {
    const scheme = SCHEME_OF_HOOK.get(hook);
    return scheme ? [scheme] : [];
  });
  return schemes.map((scheme) => ({ [scheme]: [] }));
}
