import type { z } from 'zod';
import { ApertureError } from '../errors.ts';
import { renderJson } from '../report/index.ts';
import { CheckBodySchema, CheckReportResponseSchema, ErrorResponseSchema } from '../spec/index.ts';
import { redactServerPaths } from '../util/index.ts';
import { acceptCheckSource } from './check-source.ts';
import { tooManyRequests } from './rate-limited.ts';
import type { ServerContext, ZodApp } from './server-context.ts';

/** Resolves with `work`, or rejects with ERR_TIMEOUT after `ms` (the work itself is not cancelled). */
async function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new ApertureError('ERR_TIMEOUT', `${what} took longer than ${ms / 1000} s`)),
      ms,
    );
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** POST /api/check: checks a Hub model or an https git repository and returns the JSON report v1. */
export function checkRoutes(app: ZodApp, context: ServerContext): void {
  app.post(
    '/api/check',
    {
      config: {
        rateLimit: {
          max: context.checkRateLimit,
          timeWindow: 60_000,
          errorResponseBuilder: tooManyRequests('checks from this address'),
        },
      },
      schema: {
        tags: ['check'],
        summary:
          'Check a release (hf:org/name[@revision] or an https:// git URL): the report of `aperture check --json`',
        body: CheckBodySchema,
        response: {
          200: CheckReportResponseSchema,
          400: ErrorResponseSchema,
          413: ErrorResponseSchema,
          429: ErrorResponseSchema,
          502: ErrorResponseSchema,
          504: ErrorResponseSchema,
        },
      },
    },
    async (request) => {
      const source = await acceptCheckSource(request.body.source, context.destination);
      const report = await withTimeout(
        context.checkRelease(source, { destination: context.destination }),
        context.checkTimeoutMs,
        `checking ${source}`,
      );
      // Parsed back from renderJson so the API answers what `aperture check --json` prints, less the
      // server's own folders (the clone's temp folder in warnings and locations).
      return JSON.parse(redactServerPaths(renderJson([report]))) as z.output<
        typeof CheckReportResponseSchema
      >;
    },
  );
}
