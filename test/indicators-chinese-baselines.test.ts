import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runImport, runIndicator } from '../src/observatory/index.ts';
import { EXPECTED_BASELINES, WORKS } from '../src/observatory/test-support/openalex-works.ts';
import { type DatabaseHandle, migrateToLatest } from '../src/store/index.ts';
import { forEachDialect } from './support/dialects.ts';

/*
 * `aperture import openalex-works` and the chinese-baselines indicator, end to end on both dialects,
 * with works in OpenAlex's own shapes (an API page and JSON Lines) whose mentions are known by
 * construction.
 */

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'aperture-openalex-works-'));
  await writeFile(
    path.join(dir, 'page.json'),
    JSON.stringify({ meta: { count: 4, page: 1 }, results: WORKS.slice(0, 4) }, null, 2),
  );
  await writeFile(
    path.join(dir, 'works.jsonl'),
    `${[...WORKS.slice(4).map((work) => JSON.stringify(work)), '{"title": "no id"}'].join('\n')}\n`,
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

forEachDialect('import openalex-works and chinese-baselines', (ctx) => {
  let store: DatabaseHandle;

  beforeAll(async () => {
    store = await ctx.openFresh();
    await migrateToLatest(store);
  });

  it('is empty before any work is imported', async () => {
    const result = await runIndicator(store.db, 'chinese-baselines');
    expect(result.rows).toEqual([]);
    expect(result.summary).toContain('aperture import openalex-works');
  });

  it('stores works and their family mentions, never the abstract, and rejects a work without an id', async () => {
    const page = await runImport(store.db, { kind: 'openalex-works', source: path.join(dir, 'page.json') });
    expect(page).toMatchObject({ records: 4, inserted: 4, updated: 0, rejectedCount: 0 });
    const lines = await runImport(store.db, {
      kind: 'openalex-works',
      source: path.join(dir, 'works.jsonl'),
    });
    expect(lines).toMatchObject({ records: 3, inserted: 3, rejectedCount: 1 });
    expect(lines.rejected[0]).toMatchObject({ line: 4, reason: expect.stringContaining('no id') });

    const mentions = await store.db
      .selectFrom('work_model_mentions as wm')
      .innerJoin('works as w', 'w.id', 'wm.work_id')
      .select(['w.external_id', 'wm.family', 'wm.origin', 'wm.rule'])
      .orderBy('w.external_id')
      .orderBy('wm.family')
      .execute();
    expect(
      mentions.map((row) => `${row.external_id.slice(-2)} ${row.family} ${row.origin} ${row.rule}`),
    ).toEqual([
      '01 llama US base-model:abstract',
      '02 llama US base-model:abstract',
      '02 qwen CN baseline:abstract',
      '04 deepseek CN baseline:abstract',
      '04 qwen CN baseline:abstract',
      '05 mistral FR base-model:title',
      '07 yi CN base-model:abstract',
    ]);
    const stored = JSON.stringify(await store.db.selectFrom('works').selectAll().execute());
    expect(stored).not.toContain('ten thousand');
    expect(stored).not.toContain('legal benchmark');
    expect(stored).toContain('Legal reasoning with small models');
  });

  it('counts works per year and origin as constructed', async () => {
    const result = await runIndicator(store.db, 'chinese-baselines');
    expect(result.rows.map(({ share: _share, ...row }) => row)).toEqual(EXPECTED_BASELINES);
    expect(result.rows.find((row) => row.year === 2024 && row.origin === 'CN')?.share).toBe(0.6667);
    const only2024 = await runIndicator(store.db, 'chinese-baselines', { from: 2024 });
    expect(only2024.rows.map((row) => row.origin)).toEqual(['CN', 'FR']);
  });

  it('imports the same works again without a change, and replaces a work’s mentions when it changes', async () => {
    const before = await runIndicator(store.db, 'chinese-baselines');
    const again = await runImport(store.db, { kind: 'openalex-works', source: path.join(dir, 'page.json') });
    expect(again).toMatchObject({ inserted: 0, updated: 4 });
    expect((await runIndicator(store.db, 'chinese-baselines')).rows).toEqual(before.rows);

    const changed = { ...WORKS[1], abstract_inverted_index: { 'A study of law.': [0] } };
    await writeFile(path.join(dir, 'changed.json'), JSON.stringify(changed));
    await runImport(store.db, { kind: 'openalex-works', source: path.join(dir, 'changed.json') });
    const rows = (await runIndicator(store.db, 'chinese-baselines', { to: 2023 })).rows;
    expect(rows.map((row) => [row.origin, row.works])).toEqual([['US', 1]]);
  });
});
