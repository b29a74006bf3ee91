import type { FastifyRequest } from 'fastify';
import { findNulByte, nulPathText } from '../spec/index.ts';
import { fieldError } from './http-errors.ts';

/** The parts of a request a client fills in, in the order they are checked, as Fastify names them. */
const REQUEST_PARTS = ['params', 'querystring', 'body'] as const;

/**
 * A preValidation hook for the whole app: a NUL character (U+0000, `%00` in a URL, `\u0000` in JSON) in any
 * path parameter, query field (name or value) or body string is refused with a 400 `ERR_USAGE` naming the
 * field, the same shape as a schema error. PostgreSQL cannot hold NUL in text (it failed with a 500) and
 * SQLite kept it, so one rule here keeps every route, present and future, off both.
 *
 * @example
 * app.addHook('preValidation', refuseNulBytes);
 */
export async function refuseNulBytes(request: FastifyRequest): Promise<void> {
  for (const part of REQUEST_PARTS) {
    const value = part === 'querystring' ? request.query : request[part];
    const path = findNulByte(value);
    if (path === undefined) continue;
    const field = nulPathText(path, part === 'querystring' ? 'query' : part);
    throw fieldError(
      'ERR_USAGE',
      `invalid ${part} field ${field}: holds a NUL byte (U+0000), which no field accepts; remove it`,
      field,
    );
  }
}
