import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ApertureError, ERROR_CODES, type ErrorCode, isApertureError } from '../errors.ts';

/**
 * Codes only HTTP has (no CLI equivalent), with their status; every other error uses ERROR_CODES of
 * src/errors.ts, so the CLI and the API name a failure the same way.
 */
export const HTTP_ONLY_ERROR_CODES = {
  ERR_RATE_LIMITED: { httpStatus: 429, summary: 'too many requests from this address' },
  ERR_HEADERS_TOO_LARGE: { httpStatus: 431, summary: 'the request headers exceed the size limit' },
  ERR_REQUEST_TIMEOUT: { httpStatus: 408, summary: 'the request did not arrive in time' },
  ERR_TIMEOUT: { httpStatus: 504, summary: 'the work took longer than the server allows' },
  ERR_UNSUPPORTED_MEDIA_TYPE: { httpStatus: 415, summary: 'the body is not JSON' },
} as const;

/** The body of every error response. */
export interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

/** An error body. */
export function errorBody(code: string, message: string, field?: string): ErrorBody {
  return { error: field === undefined ? { code, message } : { code, message, field } };
}

/**
 * An ApertureError about one request field, which the error body names in `field` (see describeError).
 *
 * @example
 * throw fieldError('ERR_USAGE', 'body id "a" differs from the URL id "b"', 'id');
 */
export function fieldError(code: ErrorCode, message: string, field: string): ApertureError {
  return new ApertureError(code, message, { field });
}

/** Where a validation issue sits: `pageSize` from the instance path `/pageSize`. */
function fieldOf(instancePath: string | undefined, context: string | undefined): string {
  const field = (instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
  return field === '' ? (context ?? 'request') : field;
}

/** Status and body for any error a route or plugin threw; never a stack trace. */
export function describeError(error: unknown): { status: number; body: ErrorBody; internal: boolean } {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issue = error.validation[0]!;
    const field = fieldOf(issue.instancePath, error.validationContext);
    const where = error.validationContext ? `${error.validationContext} ` : '';
    return {
      status: 400,
      body: errorBody('ERR_USAGE', `invalid ${where}field ${field}: ${issue.message}`, field),
      internal: false,
    };
  }
  if (isApertureError(error)) {
    // A route or the service may name the request field an ApertureError is about.
    return {
      status: error.httpStatus,
      body: errorBody(error.code, error.message, error.field),
      internal: false,
    };
  }
  const status = (error as FastifyError | undefined)?.statusCode;
  const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  switch (status) {
    case 400:
      return { status, body: errorBody('ERR_USAGE', message), internal: false };
    case 404:
      return { status, body: errorBody('ERR_NOT_FOUND', message), internal: false };
    case 413:
      return {
        status,
        body: errorBody('ERR_TOO_LARGE', `the request body is larger than the server accepts (${message})`),
        internal: false,
      };
    case 415:
      return { status, body: errorBody('ERR_UNSUPPORTED_MEDIA_TYPE', message), internal: false };
    case 429:
      return { status, body: errorBody('ERR_RATE_LIMITED', message), internal: false };
  }
  if (status !== undefined && status >= 400 && status < 500) {
    return { status, body: errorBody('ERR_USAGE', message), internal: false };
  }
  return {
    status: ERROR_CODES.ERR_INTERNAL.httpStatus,
    body: errorBody('ERR_INTERNAL', 'internal error; the server log has the details'),
    internal: true,
  };
}

/** Fastify's error handler: maps errors to `{ error: { code, message, field? } }` and logs internal ones. */
export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const { status, body, internal } = describeError(error);
  if (internal) request.log.error({ err: error }, 'request failed');
  else request.log.info({ code: body.error.code, status }, body.error.message);
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}
