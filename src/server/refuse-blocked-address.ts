import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FailedAuthentications } from './failed-authentications.ts';
import { replyError } from './http-errors.ts';

/**
 * Answers 429 (ERR_RATE_LIMITED, with Retry-After) when the request's address has used up its failed
 * authentications, and returns true; returns false when the address may try. Call it before checking any
 * credential, so a blocked address learns nothing from its guesses.
 *
 * @example
 * if (refuseBlockedAddress(failed, request, reply)) return reply;
 */
export function refuseBlockedAddress(
  failed: FailedAuthentications,
  request: FastifyRequest,
  reply: FastifyReply,
): boolean {
  const waitMs = failed.retryAfterMs(request.ip);
  if (waitMs <= 0) return false;
  const seconds = Math.ceil(waitMs / 1000);
  replyError(
    reply.header('retry-after', seconds),
    'ERR_RATE_LIMITED',
    `too many failed authentications from this address; retry in ${seconds} s with a valid token`,
  );
  return true;
}
