import { toolVersion } from '../checker/index.ts';
import { HealthSchema } from '../spec/index.ts';
import type { ServerContext, ZodApp } from './server-context.ts';

/** GET /api/health: the server answers, with its version and database engine. */
export function healthRoutes(app: ZodApp, context: ServerContext): void {
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['meta'],
        summary: 'Liveness, version and database engine',
        response: { 200: HealthSchema },
      },
    },
    async () => ({ status: 'ok' as const, version: toolVersion(), dialect: context.dialect }),
  );
}
