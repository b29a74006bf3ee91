import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  bundledSnapshotDir,
  loadDemoCatalog,
  loadSnapshot,
  readSnapshotManifest,
  runImport,
} from '../src/observatory/index.ts';
import { buildServer, type ZodApp } from '../src/server/index.ts';
import { DataSourcesResponseSchema } from '../src/spec/index.ts';
import { type DatabaseHandle, migrateToLatest } from '../src/store/index.ts';
import { forEachDialect } from './support/dialects.ts';

forEachDialect('GET /api/sources', (ctx) => {
  let store: DatabaseHandle;
  let app: ZodApp;
  beforeAll(async () => {
    store = await ctx.openFresh();
    await migrateToLatest(store);
    app = await buildServer({ db: store.db, dialect: store.dialect, logger: false });
  });
  afterAll(async () => {
    await app?.close();
  });

  async function sources() {
    const response = await app.inject({ url: '/api/sources' });
    expect(response.statusCode).toBe(200);
    return DataSourcesResponseSchema.parse(response.json()).sources;
  }

  it('lists nothing for an empty catalog', async () => {
    expect(await sources()).toEqual([]);
  });

  it('falls back to the last import run for a source imported by hand, with the license Aperture knows', async () => {
    const file = path.join(ctx.tempDir, 'Dec2025_scores.csv');
    await writeFile(file, 'Indicator,Acme,Beta\nData size,1,0\nCompute,1,1\n');
    await runImport(store.db, { kind: 'fmti', source: file, now: () => new Date('2026-11-02T10:00:00Z') });
    await loadDemoCatalog(store.db);
    const listed = await sources();
    expect(listed.map((source) => source.id)).toEqual(['demo', 'fmti']);
    expect(listed[1]).toEqual({
      id: 'fmti',
      title: 'Foundation Model Transparency Index',
      license: 'CC-BY-4.0',
      attribution: expect.stringContaining('Stanford CRFM'),
      url: expect.stringContaining('stanford-crfm/fmti'),
      snapshotDate: null,
      importedAt: '2026-11-02T10:00:00.000Z',
      records: 2,
    });
    expect(listed[0]).toMatchObject({ id: 'demo', license: null, importedAt: null });
    expect(listed[0]!.records).toBeGreaterThan(0);
  });

  it('answers the snapshot sources with license, attribution, snapshot date and record counts', async () => {
    await loadSnapshot(store.db, { now: () => new Date('2026-12-01T00:00:00Z') });
    const manifest = await readSnapshotManifest(bundledSnapshotDir()!);
    const listed = await sources();
    expect(listed.map((source) => source.id)).toEqual(['demo', 'epoch', 'fmti', 'mot', 'osai']);
    for (const entry of manifest.sources) {
      const source = listed.find((candidate) => candidate.id === entry.id)!;
      expect(source).toMatchObject({
        title: entry.title,
        license: entry.license,
        attribution: entry.attribution,
        url: entry.url,
        snapshotDate: entry.snapshotDate,
        importedAt: '2026-12-01T00:00:00.000Z',
      });
    }
    // The records each source gave, as the manifest counts them (not the stubs of Epoch's base models).
    expect(Object.fromEntries(listed.map((source) => [source.id, source.records]))).toEqual({
      demo: listed[0]!.records,
      ...Object.fromEntries(manifest.sources.map((entry) => [entry.id, entry.records])),
    });
  });
});
