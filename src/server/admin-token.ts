import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FailedAuthentications } from './failed-authentications.ts';
import { errorBody } from './http-errors.ts';
import { authenticatesWith } from './openapi/route-security.ts';
import { refuseBlockedAddress } from './refuse-blocked-address.ts';

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
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer')
        .send(
          errorBody(
            'ERR_UNAUTHORIZED',
            'this route needs an admin token: send Authorization: Bearer <token>',
          ),
        );
    }
    if (expected === null) {
      return reply
        .code(403)
        .send(
          errorBody('ERR_FORBIDDEN', 'admin routes are disabled: the server has no APERTURE_ADMIN_TOKEN'),
        );
    }
    if (!timingSafeEqual(digest(presented), expected)) {
      failed.record(request.ip);
      return reply.code(403).send(errorBody('ERR_FORBIDDEN', 'the admin token is not valid'));
    }
  }, 'adminToken');
}
