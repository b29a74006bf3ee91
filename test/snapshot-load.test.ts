import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { bundledSnapshotDir, loadSnapshot, readSnapshotManifest } from '../src/observatory/index.ts';
import { type DatabaseHandle, migrateToLatest, withCatalogSources } from '../src/store/index.ts';
import { forEachDialect } from './support/dialects.ts';

const BUNDLE = bundledSnapshotDir()!;

async function count(store: DatabaseHandle, table: 'models' | 'openness_ratings' | 'transparency_scores') {
  const row = await store.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

forEachDialect('loading the bundled snapshot', (ctx) => {
  let store: DatabaseHandle;
  beforeAll(async () => {
    store = await ctx.open();
    await migrateToLatest(store);
  });

  it('loads every source through the import pipeline and records it in catalog_sources', async () => {
    const manifest = await readSnapshotManifest(BUNDLE);
    const outcome = await loadSnapshot(store.db, { now: () => new Date('2026-12-01T00:00:00Z') });
    expect(outcome.sources.map((source) => [source.id, source.outcome])).toEqual(
      manifest.sources.map((source) => [source.id, 'loaded']),
    );
    for (const source of manifest.sources) {
      const loaded = outcome.sources.find((entry) => entry.id === source.id)!;
      expect(loaded).toMatchObject({ records: source.records, rejected: source.rejected });
      const run = await store.db
        .selectFrom('import_runs')
        .selectAll()
        .where('id', '=', loaded.run!)
        .executeTakeFirstOrThrow();
      expect(run).toMatchObject({ kind: source.id, status: 'finished', rejected: source.rejected });
      expect(run.source).toBe(`snapshot/${source.file}`);
    }
    // The fused row of the 2025-05 Epoch export is a rejected row of the epoch run, with its file and line.
    const rejected = await store.db.selectFrom('rejected_rows').select(['file', 'line']).execute();
    expect(rejected).toContainEqual({ file: 'epoch/notable_ai_models.2025-05.head80.csv', line: 24 });

    const rows = await withCatalogSources(store.db)
      .selectFrom('catalog_sources')
      .selectAll()
      .orderBy('id')
      .execute();
    expect(rows.map((row) => [row.id, row.origin, row.sha256])).toEqual(
      manifest.sources.map((source) => [source.id, 'snapshot', source.sha256]),
    );
    expect(rows[0]).toMatchObject({
      license: 'CC-BY-4.0',
      snapshot_date: '2025-05',
      imported_at: '2026-12-01T00:00:00.000Z',
    });
    expect(await count(store, 'transparency_scores')).toBe(13);
    expect(await count(store, 'openness_ratings')).toBe(39 + 28);
    const deepseek = await store.db
      .selectFrom('models')
      .select(['name', 'date'])
      .where('source', '=', 'epoch')
      .where('external_id', '=', 'DeepSeek-R1')
      .executeTakeFirst();
    expect(deepseek).toEqual({ name: 'DeepSeek-R1', date: '2025-01-20' });
  });

  it('skips sources already loaded from the same snapshot, and those a sync refreshed', async () => {
    const before = await count(store, 'models');
    const runsBefore = await store.db.selectFrom('import_runs').select('id').execute();
    await withCatalogSources(store.db)
      .updateTable('catalog_sources')
      .set({ origin: 'sync', sha256: 'other' })
      .where('id', '=', 'osai')
      .execute();
    const again = await loadSnapshot(store.db);
    expect(again.sources.map((source) => [source.id, source.outcome])).toEqual([
      ['epoch', 'already-loaded'],
      ['fmti', 'already-loaded'],
      ['mot', 'already-loaded'],
      ['osai', 'synced'],
    ]);
    expect(await count(store, 'models')).toBe(before);
    expect(await store.db.selectFrom('import_runs').select('id').execute()).toEqual(runsBefore);
  });

  it('refuses a snapshot file that does not match its manifest checksum, writing nothing', async () => {
    const copy = path.join(ctx.tempDir, 'snapshot');
    await cp(BUNDLE, copy, { recursive: true });
    const file = path.join(copy, 'fmti.jsonl');
    await writeFile(file, (await readFile(file, 'utf8')).replace('"total":', '"total": '));
    const fresh = await ctx.openFresh();
    await migrateToLatest(fresh);
    await expect(loadSnapshot(fresh.db, { dir: copy })).rejects.toMatchObject({
      code: 'ERR_UNREADABLE',
      message: expect.stringContaining('fmti.jsonl does not match its manifest checksum'),
    });
    expect(await count(fresh, 'transparency_scores')).toBe(0);
  });
});
