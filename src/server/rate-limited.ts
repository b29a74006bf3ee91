/**
 * Route config for @fastify/rate-limit: `max` requests a minute per arena token id when the request
 * carries one (a team's clients may share an address), else per client address; the 429 says when to retry.
 *
 * @example
 * app.post('/api/arena/verify-log', { config: rateLimited(30) }, handler);
 */
export function rateLimited(max: number) {
  return {
    rateLimit: {
      max,
      timeWindow: 60_000,
      keyGenerator: (request: { headers: { authorization?: string }; ip: string }) =>
        /^Bearer\s+apt_(\d+)_/i.exec(request.headers.authorization ?? '')?.[1] ?? request.ip,
      errorResponseBuilder: (_request: unknown, limit: { after: string; statusCode: number }) =>
        Object.assign(new Error(`too many requests from this address; retry in ${limit.after}`), {
          statusCode: limit.statusCode,
        }),
    },
  };
}

/** The token of `Authorization: Bearer …`, if any. */
export function bearer(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}
