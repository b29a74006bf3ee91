import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { beforeAll } from 'vitest';
import { type BuildServerOptions, buildServer, type ZodApp } from '../../src/server/index.ts';
import { type DatabaseHandle, migrateToLatest } from '../../src/store/index.ts';
import type { DialectContext } from './dialects.ts';

/** The server and store of {@link recordingArenaApi}, set once its beforeAll has run. */
export interface RecordingArenaApi {
  readonly app: ZodApp;
  readonly store: DatabaseHandle;
  /** Every response body `call` has seen, for a final assertion that no hidden label leaked. */
  readonly bodies: string[];
  /** `app.inject`, keeping the response body in `bodies`. */
  call(options: InjectOptions): Promise<LightMyRequestResponse>;
}

/**
 * Registers a beforeAll that opens a fresh migrated store of the suite's dialect and builds the API
 * server on it with `options` (e.g. the admin token), and returns the running server with a recording
 * inject.
 *
 * @example
 * const api = recordingArenaApi(ctx, { adminToken: ADMIN });
 * const response = await api.call({ url: '/api/arena/benchmarks' });
 */
export function recordingArenaApi(
  ctx: DialectContext,
  options: Omit<BuildServerOptions, 'db' | 'dialect'>,
): RecordingArenaApi {
  let app: ZodApp | undefined;
  let store: DatabaseHandle | undefined;
  const bodies: string[] = [];
  beforeAll(async () => {
    store = await ctx.openFresh();
    await migrateToLatest(store);
    app = await buildServer({ ...options, db: store.db, dialect: store.dialect });
    await app.ready();
  });
  return {
    get app() {
      if (!app) throw new Error('the arena API is not started yet (use it inside a test)');
      return app;
    },
    get store() {
      if (!store) throw new Error('the arena API is not started yet (use it inside a test)');
      return store;
    },
    bodies,
    async call(options) {
      const response = await this.app.inject(options);
      bodies.push(response.body);
      return response;
    },
  };
}
