import fastifyHelmet from '@fastify/helmet';
import type { ZodApp } from './server-context.ts';

/**
 * The Content-Security-Policy of every response. The dashboard and the API docs page load scripts,
 * styles, fonts and images from the server alone and talk only to its API; nothing is inlined (React
 * sets style attributes through the DOM, which style-src does not govern), no plugin runs and no page
 * may frame them. No `upgrade-insecure-requests`: the server speaks plain HTTP (TLS, if any, ends at a
 * proxy), and upgrading the dashboard's requests to https would break it.
 */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'connect-src': ["'self'"],
  'font-src': ["'self'", 'data:'],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'img-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
} as const;

/**
 * The docs page's policy: Swagger UI adds `<style>` elements as it renders, so that page alone (not the
 * dashboard, not the API) also allows inline styles; its scripts stay the server's own files. For
 * @fastify/swagger-ui's `transformStaticCSP`.
 *
 * @example
 * await app.register(fastifySwaggerUi, { routePrefix: '/docs', transformStaticCSP: docsPagePolicy });
 */
export function docsPagePolicy(header: string): string {
  return header.replace(/(^|;)style-src 'self'/, "$1style-src 'self' 'unsafe-inline'");
}

/**
 * Registers @fastify/helmet on every route: the Content-Security-Policy above, `X-Content-Type-Options:
 * nosniff`, `X-Frame-Options: DENY` (frame-ancestors for older browsers), `Referrer-Policy: no-referrer`
 * (the dashboard's links to papers and repositories leak no page address) and helmet's cross-origin
 * isolation headers. Strict-Transport-Security is left to the TLS proxy in front, which alone knows the
 * site is served over https.
 *
 * @example
 * await registerSecurityHeaders(app); // before the routes
 */
export async function registerSecurityHeaders(app: ZodApp): Promise<void> {
  await app.register(fastifyHelmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: Object.fromEntries(
        Object.entries(CONTENT_SECURITY_POLICY).map(([name, values]) => [name, [...values]]),
      ),
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: false,
  });
}
