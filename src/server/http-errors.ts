import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ApertureError, ERROR_CODES, type ErrorCode, isApertureError } from '../errors.ts';

/** The body of every error response. */
export interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

/** An error body. */
export function errorBody(code: ErrorCode, message: string, field?: string): ErrorBody {
  return { error: field === undefined ? { code, message } : { code, message, field } };
}

/**
 * Answers with an error of ours: the status from ERROR_CODES, the body `{ error: { code, message } }`.
 *
 * @example
 * return replyError(reply.header('retry-after', 30), 'ERR_RATE_LIMITED', 'too many failed authentications');
 */
export function replyError(reply: FastifyReply, code: ErrorCode, message: string): FastifyReply {
  return reply.code(ERROR_CODES[code].httpStatus).send(errorBody(code, message));
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

/** Our code for an error Fastify or a plugin raised with this status (its status is the code's, in ERROR_CODES). */
const CODE_OF_FASTIFY_STATUS: Partial<Record<number, ErrorCode>> = {
  400: 'ERR_USAGE',
  404: 'ERR_NOT_FOUND',
  413: 'ERR_TOO_LARGE',
  415: 'ERR_UNSUPPORTED_MEDIA_TYPE',
  429: 'ERR_RATE_LIMITED',
};

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
      status: ERROR_CODES.ERR_USAGE.httpStatus,
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
  const code = status === undefined ? undefined : CODE_OF_FASTIFY_STATUS[status];
  if (code !== undefined) {
    const text =
      code === 'ERR_TOO_LARGE' ? `the request body is larger than the server accepts (${message})` : message;
    return { status: ERROR_CODES[code].httpStatus, body: errorBody(code, text), internal: false };
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
