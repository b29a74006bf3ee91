/**
 * GET /api/matches and the sources of GET /api/models/:id, on SQLite and PostgreSQL, over a catalog
 * imported as a user would (the import runs matching): an Epoch model, the same model rated by the
 * OSAI index with another date and country, and the index's rating of its family.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runImport } from '../src/observatory/index.ts';
import { buildServer, type ZodApp } from '../src/server/index.ts';
import { type DatabaseHandle, migrateToLatest } from '../src/store/index.ts';
import { forEachDialect } from './support/dialects.ts';

const EPOCH =
  'Model,Organization,Country (of organization),Publication date,Model accessibility,Parameters\nDemo-7B,Demo Lab,France,2023-05-01,Open weights (unrestricted),7000000000\n';
const PARAMETERS =
  '- name: Availability\n  params:\n    - { ref: weights_endmodel, name: End User Model Weights }\n';
const system = (name: string, origin: string, date: string) =>
  `# - National origin: ${origin}\nsystem:\n  name: ${name}\n  releasedate: ${date}\norg:\n  name: Demo Lab AI\nweights_endmodel:\n  class: open\n`;

forEachDialect('matches API', (ctx) => {
  let store: DatabaseHandle;
  let app: ZodApp;
  let epochId = 0;

  beforeAll(async () => {
    store = await ctx.openFresh();
    await migrateToLatest(store);
    const dir = path.join(ctx.tempDir, `matches-${ctx.dialect}`);
    await mkdir(path.join(dir, 'osai'), { recursive: true });
    await writeFile(path.join(dir, 'epoch.csv'), EPOCH);
    await writeFile(path.join(dir, 'osai', '_parameters.yml'), PARAMETERS);
    await writeFile(path.join(dir, 'osai', 'demo-7b.yaml'), system('Demo-7B', 'Germany', '2024-02'));
    await writeFile(path.join(dir, 'osai', 'demo.yaml'), system('Demo', 'France', '2025-01'));
    await runImport(store.db, { kind: 'epoch', source: 'epoch.csv', cwd: dir, storeIndicators: false });
    await runImport(store.db, { kind: 'osai', source: 'osai', cwd: dir, storeIndicators: false });
    epochId = (
      await store.db.selectFrom('models').select('id').where('source', '=', 'epoch').executeTakeFirstOrThrow()
    ).id;
    app = await buildServer({ db: store.db, dialect: store.dialect, webRoot: ctx.tempDir });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('lists matches, filtered by status and kind, highest confidence first', async () => {
    const all = (await app.inject({ url: '/api/matches?kind=model' })).json();
    expect(all.total).toBe(2);
    expect(
      all.items.map((item: { left: string; right: string; relation: string }) => [
        item.relation,
        item.left,
        item.right,
      ]),
    ).toEqual([
      ['same', 'epoch:Demo-7B', 'osai:Demo-7B'],
      ['family', 'osai:Demo', 'epoch:Demo-7B'],
    ]);
    expect(all.items[0]).toMatchObject({ status: 'accepted', decidedBy: 'rule', confidence: 0.95 });
    const organizations = (
      await app.inject({ url: '/api/matches?kind=organization&status=accepted' })
    ).json();
    expect(organizations.items).toMatchObject([{ left: 'org:Demo Lab', right: 'org:Demo Lab AI' }]);
    const csv = await app.inject({ url: '/api/matches?format=csv&kind=model' });
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body.split('\n')[0]).toBe(
      'id,kind,relation,left,right,confidence,status,decidedBy,reasons,updatedAt',
    );
    expect((await app.inject({ url: '/api/matches?status=maybe' })).statusCode).toBe(400);
  });

  it("shows every source's facts of the entity, with their disagreements", async () => {
    const model = (await app.inject({ url: `/api/models/${epochId}` })).json();
    expect(model.entityId).not.toBeNull();
    expect(
      model.sources.map((source: { source: string; relation: string }) => [source.source, source.relation]),
    ).toEqual([
      ['epoch', 'self'],
      ['osai', 'same'],
      ['osai', 'family'],
    ]);
    expect(model.sources[1]).toMatchObject({ date: '2024-02', countries: ['DE'], matchStatus: 'accepted' });
    expect(model.sources[1].ratings[0]).toMatchObject({ scheme: 'osai', score: 100 });
    expect(model.disagreements).toEqual([
      {
        field: 'date',
        values: [
          { source: 'epoch', modelId: epochId, value: '2023-05-01' },
          { source: 'osai', modelId: model.sources[1].modelId, value: '2024-02' },
        ],
      },
      {
        field: 'countries',
        values: [
          { source: 'epoch', modelId: epochId, value: 'FR' },
          { source: 'osai', modelId: model.sources[1].modelId, value: 'DE' },
        ],
      },
    ]);
  });
});
