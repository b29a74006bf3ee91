import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApertureError } from '../errors.ts';
import { readJsonStringFields } from '../util/index.ts';
import { fieldError } from './http-errors.ts';

/**
 * Replaces, in an encapsulated Fastify context, the JSON body parser with one that decodes the body as it
 * arrives and gives the event loop turns while it does (readJsonStringFields), for routes whose body is an
 * object of strings: JSON.parse of a 32 MB body would hold every other request for a quarter of a second.
 * The route's bodyLimit still applies (a larger Content-Length is refused before reading); the decoded
 * object then goes through the route's schema as usual. Register the routes on the same context.
 *
 * @example
 * app.register(async (scope) => {
 *   streamedJsonStringBody(scope);
 *   scope.post('/api/arena/…/submissions', { bodyLimit: 33 * 2 ** 20 }, handler);
 * });
 */
export function streamedJsonStringBody(scope: FastifyInstance): void {
  scope.removeContentTypeParser('application/json');
  scope.addContentTypeParser(
    'application/json',
    async (request: FastifyRequest, payload: AsyncIterable<Uint8Array>) => {
      const maxBytes = request.routeOptions.bodyLimit ?? scope.initialConfig.bodyLimit ?? 1024 * 1024;
      const tooLarge = () =>
        new ApertureError(
          'ERR_TOO_LARGE',
          `the request body is larger than the server accepts (${maxBytes} bytes)`,
        );
      if (Number(request.headers['content-length'] ?? 0) > maxBytes) throw tooLarge();
      const body = await readJsonStringFields(payload, { maxBytes });
      if (body.ok) return body.fields;
      if (body.reason === 'too-large') throw tooLarge();
      throw fieldError('ERR_USAGE', body.message, body.field ?? 'body');
    },
  );
}
