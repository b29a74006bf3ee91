import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli } from '../src/cli/test-support/recording-io.ts';
import { buildServer, type ZodApp } from '../src/server/index.ts';
import { type DatabaseHandle, migrateToLatest } from '../src/store/index.ts';
import { forEachDialect } from './support/dialects.ts';
import { OPEN_WASHING_README, PLAIN_README, writeReleaseFolder } from './support/open-washing-release.ts';

/*
 * The open-washing flag from `aperture import release-pack` to the catalog API: a release that calls
 * itself open source under a restricted license is flagged (1, with the profile's reason), a release that
 * makes no such claim is stored as not flagged (0), and a model no one checked (an Epoch row) stays
 * unassessed (null) and matches neither filter value.
 */

const EPOCH_CSV = [
  'Model,Organization,Country (of organization),Publication date,Model accessibility',
  'Gull-70B,Shore Lab,United States of America,2024-01-02,API access',
  '',
].join('\n');

forEachDialect('open-washing flag in the catalog', (ctx) => {
  let store: DatabaseHandle;
  let app: ZodApp;
  let flaggedDir = '';

  const importCli = async (argv: string[]) => {
    const { args, env } = ctx.cli();
    const result = await runCli(['import', ...argv, ...args, '--json'], { env, cwd: ctx.tempDir });
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as { inserted: number; updated: number };
  };

  // biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the assertions themselves
  async function getJson(url: string): Promise<any> {
    const response = await app.inject({ method: 'GET', url });
    expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
    return response.json();
  }

  const names = (body: { items: { name: string }[] }) => body.items.map((item) => item.name).sort();

  beforeAll(async () => {
    store = await ctx.open();
    await migrateToLatest(store);
    flaggedDir = await writeReleaseFolder(path.join(ctx.tempDir, 'brook'), OPEN_WASHING_README);
    const plainDir = await writeReleaseFolder(path.join(ctx.tempDir, 'reed'), PLAIN_README);
    await writeFile(path.join(ctx.tempDir, 'epoch.csv'), EPOCH_CSV);
    expect(await importCli(['release-pack', flaggedDir])).toMatchObject({ inserted: 1 });
    expect(await importCli(['release-pack', plainDir])).toMatchObject({ inserted: 1 });
    expect(await importCli(['epoch', 'epoch.csv'])).toMatchObject({ inserted: 1 });
    app = await buildServer({ db: store.db, dialect: store.dialect, webRoot: ctx.tempDir });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('stores 1 with the reason for an open-washing release, 0 for one that is not, null for an unchecked model', async () => {
    const rows = await store.db
      .selectFrom('models')
      .select(['name', 'source', 'open_washing', 'open_washing_reason'])
      .orderBy('name')
      .execute();
    expect(rows).toEqual([
      {
        name: 'Brook-8B',
        source: 'release-pack',
        open_washing: 1,
        open_washing_reason: expect.stringMatching(/^calls itself open source, but .*llama3\.1/),
      },
      { name: 'Gull-70B', source: 'epoch', open_washing: null, open_washing_reason: null },
      { name: 'Reed-1B', source: 'release-pack', open_washing: 0, open_washing_reason: null },
    ]);
  });

  it('filters GET /api/models by openWashing=true and =false; unchecked models match neither', async () => {
    const flagged = await getJson('/api/models?openWashing=true');
    expect(names(flagged)).toEqual(['Brook-8B']);
    expect(flagged.total).toBe(1);
    expect(flagged.items[0]).toMatchObject({
      openWashing: true,
      openWashingReason: expect.stringContaining('calls itself open source'),
    });
    const notFlagged = await getJson('/api/models?openWashing=false');
    expect(names(notFlagged)).toEqual(['Reed-1B']);
    expect(notFlagged.items[0]).toMatchObject({ openWashing: false, openWashingReason: null });
    const all = await getJson('/api/models');
    expect(names(all)).toEqual(['Brook-8B', 'Gull-70B', 'Reed-1B']);
    expect(all.items.find((item: { name: string }) => item.name === 'Gull-70B')).toMatchObject({
      openWashing: null,
      openWashingReason: null,
    });
    expect(names(await getJson('/api/models?openWashing=true&source=epoch'))).toEqual([]);
  });

  it('shows the flag and its reason on the model detail', async () => {
    const { items } = await getJson('/api/models?openWashing=true');
    const detail = await getJson(`/api/models/${items[0].id}`);
    expect(detail).toMatchObject({
      name: 'Brook-8B',
      openWashing: true,
      openWashingReason: expect.stringContaining('llama3.1'),
      profile: { openWashing: { flagged: true, license: 'llama3.1' } },
    });
  });

  it('answers 400 naming openWashing for a value other than true or false', async () => {
    for (const value of ['yes', '1', 'TRUE', '']) {
      const response = await app.inject({ url: `/api/models?openWashing=${value}` });
      expect(response.statusCode, value).toBe(400);
      expect(response.json().error, value).toMatchObject({ code: 'ERR_USAGE', field: 'openWashing' });
    }
  });

  it('carries the flag and reason as CSV columns, filtered too', async () => {
    const response = await app.inject({ url: '/api/models?format=csv&sort=name' });
    expect(response.statusCode).toBe(200);
    const [header, ...rows] = parse(response.body) as string[][];
    const flag = header!.indexOf('openWashing');
    const reason = header!.indexOf('openWashingReason');
    const name = header!.indexOf('name');
    expect(flag).toBeGreaterThan(0);
    expect(reason).toBe(flag + 1);
    expect(rows.map((row) => [row[name], row[flag]])).toEqual([
      ['Brook-8B', 'true'],
      ['Gull-70B', ''],
      ['Reed-1B', 'false'],
    ]);
    expect(rows[0]![reason]).toContain('calls itself open source');
    const filtered = await app.inject({ url: '/api/models?format=csv&openWashing=true' });
    const [, ...flaggedRows] = parse(filtered.body) as string[][];
    expect(flaggedRows.map((row) => row[name])).toEqual(['Brook-8B']);
  });

  it('describes the filter and the fields in the OpenAPI document', async () => {
    const document = (await app.inject({ url: '/openapi.json' })).json();
    const parameters = document.paths['/api/models'].get.parameters as { name: string; in: string }[];
    expect(parameters).toContainEqual(expect.objectContaining({ name: 'openWashing', in: 'query' }));
    const summary = JSON.stringify(document.components.schemas.ModelSummary);
    expect(summary).toContain('openWashing');
    expect(summary).toContain('openWashingReason');
  });

  it('clears the flag when the release, checked again, no longer calls itself open source', async () => {
    await writeFile(
      path.join(flaggedDir, 'README.md'),
      OPEN_WASHING_README.replace('our open-source model', 'our model'),
    );
    expect(await importCli(['release-pack', flaggedDir])).toMatchObject({ inserted: 0, updated: 1 });
    const row = await store.db
      .selectFrom('models')
      .select(['open_washing', 'open_washing_reason'])
      .where('name', '=', 'Brook-8B')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ open_washing: 0, open_washing_reason: null });
    expect(names(await getJson('/api/models?openWashing=true'))).toEqual([]);
  });
});
