/**
 * No page or API answer shows a server path: imports of absolute paths, the demo program's resolved
 * release folders and their verification messages, and the stored profiles of checked releases all
 * answer with relative or short labels.
 */
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadDemoArena } from '../src/arena/index.ts';
import { runImport } from '../src/observatory/index.ts';
import { loadDemoPrograms, verifyDeliverables } from '../src/programs/index.ts';
import { buildServer, type ZodApp } from '../src/server/index.ts';
import { type DatabaseHandle, migrateToLatest } from '../src/store/index.ts';
import { forEachDialect } from './support/dialects.ts';

const PACK = path.resolve(import.meta.dirname, '../examples/open-science-pack');
/** Paths the server must never show: its working folder, temp folder and home folder. */
const SERVER_FOLDERS = [process.cwd(), os.tmpdir(), os.homedir(), path.resolve(import.meta.dirname, '..')];

function leaks(body: string): string[] {
  return SERVER_FOLDERS.filter((folder) => body.includes(`${folder}/`) || body.includes(`"${folder}"`));
}

forEachDialect('no server paths in answers', (ctx) => {
  let store: DatabaseHandle;
  let app: ZodApp;

  beforeAll(async () => {
    store = await ctx.openFresh();
    await migrateToLatest(store);
    // Imports named by absolute paths, as an operator types them on the server.
    await runImport(store.db, { kind: 'release-pack', source: PACK, storeIndicators: false });
    const motFile = path.join(ctx.tempDir, `model-${ctx.dialect}.yml`);
    await writeFile(motFile, 'release:\n  name: Leaky\n  producer: Lab\n  components: []\n');
    await runImport(store.db, { kind: 'mot', source: motFile, storeIndicators: false });
    const broken = path.join(ctx.tempDir, `broken-${ctx.dialect}.yml`);
    await writeFile(broken, 'release: [\n');
    await runImport(store.db, { kind: 'mot', source: broken, storeIndicators: false });
    await loadDemoArena(store.db);
    await loadDemoPrograms(store.db);
    await verifyDeliverables(store.db, { asOf: '2026-06-01' });
    app = await buildServer({ db: store.db, dialect: store.dialect });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('answers every catalog, import and program page without a server path', async () => {
    const get = async (url: string) => {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(200);
      return response.body;
    };
    const urls = [
      '/api/import-runs',
      '/api/models?pageSize=100',
      '/api/models?format=csv',
      '/api/organizations',
      '/api/countries',
      '/api/programs',
      '/api/programs/open-artifacts-fellowship',
      '/api/programs/open-artifacts-fellowship/portfolio',
    ];
    const models = JSON.parse(await get('/api/models?pageSize=100')).items as Array<{ id: number }>;
    for (const model of models) urls.push(`/api/models/${model.id}`);
    const program = JSON.parse(await get('/api/programs/open-artifacts-fellowship')) as {
      awards: Array<{ id: string }>;
    };
    for (const award of program.awards)
      urls.push(`/api/awards/${award.id}`, `/api/awards/${award.id}?format=csv`);
    for (const url of urls) expect(leaks(await get(url)), url).toEqual([]);

    const runs = JSON.parse(await get('/api/import-runs')).items as Array<{ source: string }>;
    expect(runs.map((run) => run.source)).toEqual([
      `…/broken-${ctx.dialect}.yml`,
      `…/model-${ctx.dialect}.yml`,
      'examples/open-science-pack',
    ]);
    const award = JSON.parse(await get('/api/awards/oaf-2026-pebble')) as {
      deliverables: Array<{ source: string }>;
    };
    expect(award.deliverables.map((deliverable) => deliverable.source)).toContain(
      'examples/open-science-pack',
    );
  });
});
