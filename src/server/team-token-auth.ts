import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { type AuthenticatedTeam, authenticateToken } from '../arena/index.ts';
import { isApertureError } from '../errors.ts';
import type { TokenScope } from '../spec/index.ts';
import type { Database } from '../store/index.ts';
import type { FailedAuthentications } from './failed-authentications.ts';
import { authenticatesWith } from './openapi/route-security.ts';
import { refuseBlockedAddress } from './refuse-blocked-address.ts';

const TEAMS = new WeakMap<FastifyRequest, AuthenticatedTeam>();

/** The token of `Authorization: Bearer …`, if any. */
export function bearer(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}

/**
 * An onRequest hook that authenticates the team token (`Authorization: Bearer apt_…`, with at least
 * `scope`) before anything else happens to the request: no body is read and no request limit is counted
 * until the token checks out. An address with too many failed authentications gets 429 without a check;
 * a presented token that fails gets 401 and counts as a failure; a token without the scope gets 403.
 * The route then finds the team with {@link authenticatedTeam} (its rate limit keys on the token).
 *
 * @example
 * app.post(url, { onRequest: requireTeamToken(db, failed, 'submit'), config: rateLimitedPerTeamToken(30) }, handler);
 */
export function requireTeamToken(db: Kysely<Database>, failed: FailedAuthentications, scope: TokenScope) {
  return authenticatesWith(async (request: FastifyRequest, reply: FastifyReply) => {
    if (refuseBlockedAddress(failed, request, reply)) return reply;
    const token = bearer(request.headers.authorization);
    try {
      TEAMS.set(request, await authenticateToken(db, token, scope));
    } catch (error) {
      // A request without a token guesses nothing; one with a wrong token does.
      if (token !== undefined && isApertureError(error) && error.code === 'ERR_UNAUTHORIZED')
        failed.record(request.ip);
      throw error;
    }
  }, 'teamToken');
}

/** The team requireTeamToken authenticated for this request, if it ran. */
export function authenticatedTeam(request: FastifyRequest): AuthenticatedTeam | undefined {
  return TEAMS.get(request);
}
