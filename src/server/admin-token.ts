import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApertureError } from '../errors.ts';
import type { FailedAuthentications } from './failed-authentications.ts';
import { replyError } from './http-errors.ts';
import { authenticatesWith } from './openapi/route-security.ts';
import { refuseBlockedAddress } from './refuse-blocked-address.ts';

/** The shortest admin token a server takes: 32 random characters are beyond guessing, even unthrottled. */
export const MIN_ADMIN_TOKEN_LENGTH = 32;

/**
 * The admin token a server may start with: undefined (or empty) turns the admin routes off; a token under
 * MIN_ADMIN_TOKEN_LENGTH characters, or one holding a space or a control character (which no
 * `Authorization: Bearer` header could carry), is refused with ERR_USAGE (exit code 2), and the message
 * never quotes the token.
 *
 * @example
 * const adminToken = acceptAdminToken(process.env.APERTURE_ADMIN_TOKEN); // throws for 'secret'
 */
export function acceptAdminToken(token: string | undefined): string | undefined {
  if (token === undefined || token === '') return undefined;
  if (/[\s\p{Cc}]/u.test(token)) {
    throw new ApertureError(
      'ERR_USAGE',
      'APERTURE_ADMIN_TOKEN holds a space or a control character, which no Authorization header can carry; make one with: openssl rand -hex 32',
    );
  }
  const length = [...token].length;
  if (length < MIN_ADMIN_TOKEN_LENGTH) {
    throw new ApertureError(
      'ERR_USAGE',
      `APERTURE_ADMIN_TOKEN is too short (${length} character${length === 1 ? '' : 's'}); an admin token needs at least ${MIN_ADMIN_TOKEN_LENGTH} so that it cannot be guessed (make one with: openssl rand -hex 32), or unset it to turn the admin routes off`,
    );
  }
  return token;
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/**
 * An onRequest hook that lets a request through only with `Authorization: Bearer <admin token>`. The token
 * is kept as a sha256 digest and compared in constant time. 401 when no token is presented, 403 when it
 * is wrong or when the server has no admin token (admin routes are then disabled). A wrong token counts
 * as a failed authentication of the address; an address with too many gets 429 before any comparison, so
 * the admin token cannot be guessed at speed.
 *
 * @example
 * app.post('/api/programs', { onRequest: requireAdminToken(process.env.APERTURE_ADMIN_TOKEN, failed) }, handler);
 */
export function requireAdminToken(token: string | undefined, failed: FailedAuthentications) {
  const expected = token && token.length > 0 ? digest(token) : null;
  return authenticatesWith(async (request: FastifyRequest, reply: FastifyReply) => {
    if (refuseBlockedAddress(failed, request, reply)) return reply;
    const header = request.headers.authorization;
    const presented = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1] : undefined;
    if (presented === undefined) {
      return replyError(
        reply.header('www-authenticate', 'Bearer'),
        'ERR_UNAUTHORIZED',
        'this route needs an admin token: send Authorization: Bearer <token>',
      );
    }
    if (expected === null) {
      return replyError(
        reply,
        'ERR_FORBIDDEN',
        'admin routes are disabled: the server has no APERTURE_ADMIN_TOKEN',
      );
    }
    if (!timingSafeEqual(digest(presented), expected)) {
      failed.record(request.ip);
      return replyError(reply, 'ERR_FORBIDDEN', 'the admin token is not valid');
    }
  }, 'adminToken');
}
