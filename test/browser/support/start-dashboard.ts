import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { BrowserContext } from 'playwright-core';
import { buildServer } from '../../../src/server/index.ts';
import {
  type Database,
  type DatabaseHandle,
  migrateToLatest,
  openDatabase,
} from '../../../src/store/index.ts';
import { launchBrowser } from './browser.ts';
import { buildDashboard } from './build-dashboard.ts';

/** The built dashboard served by the real server over a temporary SQLite store, and a browser. */
export interface RunningDashboard<T> {
  baseUrl: string;
  /** The built dashboard (dist/web or the test build). */
  outDir: string;
  store: DatabaseHandle;
  app: Awaited<ReturnType<typeof buildServer>>;
  context: BrowserContext;
  /** What `seed` returned. */
  seeded: T;
  /** Closes the browser, the server and the store, and removes the temporary folder. */
  stop(): Promise<void>;
}

/**
 * Builds the dashboard (or reuses a fresh build), migrates a temporary SQLite store, lets `seed` fill
 * it, serves both with buildServer on a free port, and launches Chromium.
 *
 * @example
 * dashboard = await startDashboard('arena', (db) => loadDemoArena(db));
 */
export async function startDashboard<T>(
  name: string,
  seed: (db: Kysely<Database>) => Promise<T>,
): Promise<RunningDashboard<T>> {
  const outDir = await buildDashboard();
  const tempDir = await mkdtemp(path.join(tmpdir(), `aperture-browser-${name}-`));
  const store = await openDatabase({ file: path.join(tempDir, 'catalog.db') });
  await migrateToLatest(store);
  const seeded = await seed(store.db);
  const app = await buildServer({ db: store.db, dialect: store.dialect, webRoot: outDir });
  // Until the server answers GET /api/sources itself, a stub with no sources keeps the charts' sources
  // line (which tolerates a 404) from logging one in every test; the server's own route wins once it exists.
  if (!app.hasRoute({ method: 'GET', url: '/api/sources' }))
    app.get('/api/sources', async () => ({ sources: [] }));
  const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  const { context } = await launchBrowser();
  return {
    baseUrl,
    outDir,
    store,
    app,
    context,
    seeded,
    async stop() {
      await context.close();
      await app.close();
      await store.close();
      await rm(tempDir, { recursive: true, force: true });
    },
  };
}
