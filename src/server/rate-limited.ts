import type { FastifyRequest } from 'fastify';
import { ApertureError } from '../errors.ts';
import { authenticatedTeam } from './team-token-auth.ts';

/*
 * Route configs for @fastify/rate-limit. A limit keyed on a credential counts only credentials that were
 * verified: keying on what a request merely claims (a token id in its header) would let anyone spend a
 * team's budget, or escape every limit by claiming a new id each time. Failed authentications have their
 * own, stricter bucket per address (FailedAuthentications).
 */

const MINUTE_MS = 60_000;

/**
 * The errorResponseBuilder of @fastify/rate-limit: an ERR_RATE_LIMITED abort (429 from ERROR_CODES) that
 * says what was counted. The plugin throws what the builder returns, having set Retry-After and the
 * x-ratelimit headers on the reply, so the error handler answers it like any other error.
 *
 * @example
 * config: { rateLimit: { max: 5, timeWindow: 60_000, errorResponseBuilder: tooManyRequests('checks from this address') } }
 */
export function tooManyRequests(what: string) {
  return (_request: unknown, limit: { after: string }): ApertureError =>
    new ApertureError('ERR_RATE_LIMITED', `too many ${what}; retry in ${limit.after}`);
}

/**
 * `max` requests a minute per client address, counted when the request arrives.
 *
 * @example
 * app.post('/api/arena/verify-log', { config: rateLimitedPerAddress(20) }, handler);
 */
export function rateLimitedPerAddress(max: number) {
  return {
    rateLimit: {
      max,
      timeWindow: MINUTE_MS,
      keyGenerator: (request: FastifyRequest) => `address:${request.ip}`,
      errorResponseBuilder: tooManyRequests('requests from this address'),
    },
  };
}

/**
 * `max` requests a minute per verified team token. The route must authenticate in onRequest
 * (requireTeamToken); this limit runs in preParsing, after every onRequest hook and before the body is
 * read. Without an authenticated team (a route wired wrongly) it falls back to the client address.
 *
 * @example
 * app.post(url, { onRequest: requireTeamToken(db, failed, 'submit'), config: rateLimitedPerTeamToken(30) }, handler);
 */
export function rateLimitedPerTeamToken(max: number) {
  return {
    rateLimit: {
      max,
      timeWindow: MINUTE_MS,
      hook: 'preParsing' as const,
      keyGenerator: (request: FastifyRequest) => {
        const team = authenticatedTeam(request);
        return team ? `token:${team.tokenId}` : `address:${request.ip}`;
      },
      errorResponseBuilder: tooManyRequests('requests with this token'),
    },
  };
}
