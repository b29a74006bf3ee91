import { afterAll, beforeAll, expect, it } from 'vitest';
import { bareModelRecord } from '../src/observatory/importers/bare-model-record.ts';
import { type CatalogModelRecord, writeCatalog } from '../src/observatory/index.ts';
import { buildServer, type ZodApp } from '../src/server/index.ts';
import { type DatabaseHandle, migrateToLatest, readCatalogVersion, upsertRows } from '../src/store/index.ts';
import { forEachDialect, POSTGRES_AVAILABLE } from './support/dialects.ts';

/** Answers per dialect, compared at the end: both engines must answer identically. */
const ANSWERS: Record<string, unknown[]> = {};

function model(name: string, country: string, year: number): CatalogModelRecord {
  return bareModelRecord(
    name,
    { source: 'demo', file: 'test', line: null },
    {
      organizations: [`${country} Lab`],
      organizationKinds: ['industry'],
      published: { text: `${year}-05-01`, iso: `${year}-05-01` },
      domains: ['Language'],
      parameters: 7e9,
      accessibility: 'open-weights-unrestricted',
      accessibilityText: 'Open weights (unrestricted)',
      countries: [country],
    },
  );
}

forEachDialect('server response cache', (ctx) => {
  let store: DatabaseHandle;
  let app: ZodApp;
  let other: ZodApp;
  const answers: unknown[] = [];

  beforeAll(async () => {
    store = await ctx.open();
    await migrateToLatest(store);
    await writeCatalog(store.db, { models: [model('alpha-1', 'FR', 2023), model('beta-2', 'US', 2024)] });
    app = await buildServer({ db: store.db, dialect: store.dialect });
    // A second server on the same catalog: no process-local state may make the two disagree.
    other = await buildServer({ db: (await ctx.open()).db, dialect: store.dialect });
  });
  afterAll(async () => {
    ANSWERS[ctx.dialect] = answers;
    await app?.close();
    await other?.close();
  });

  it('writeCatalog bumps the catalog version once per batch, in its transaction', async () => {
    const before = await readCatalogVersion(store.db);
    await writeCatalog(store.db, { models: [model('alpha-1', 'FR', 2023)] });
    expect(await readCatalogVersion(store.db)).toBe(before + 1);
    await expect(
      store.db.transaction().execute(async (trx) => {
        await writeCatalog(trx, { models: [model('gamma-3', 'CN', 2024)] });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await readCatalogVersion(store.db)).toBe(before + 1);
  });

  it('an import between two identical requests changes the answer, on every server', async () => {
    const url = '/api/models?country=FR&sort=name';
    const first = await app.inject({ url });
    expect(first.statusCode).toBe(200);
    expect(first.json().total).toBe(1);
    const cached = await app.inject({ url });
    expect(cached.body).toBe(first.body);
    answers.push(first.json().items.map((item: { name: string }) => item.name));

    await writeCatalog(store.db, { models: [model('alpha-4', 'FR', 2025)] });
    for (const server of [app, other]) {
      const after = await server.inject({ url });
      expect(after.json().total).toBe(2);
      expect(after.json().items.map((item: { name: string }) => item.name)).toEqual(['alpha-1', 'alpha-4']);
      expect(after.headers.etag).not.toBe(first.headers.etag);
    }
    const countries = await app.inject({ url: '/api/countries' });
    const france = countries.json().items.find((item: { country: string }) => item.country === 'FR');
    expect(france.modelCount).toBe(2);
    const indicator = await app.inject({ url: '/api/indicators/models-per-country?source=demo&from=2020' });
    expect(indicator.statusCode, indicator.body).toBe(200);
    answers.push(countries.json(), indicator.json().rows);
  });

  it('sends a version-based ETag and answers If-None-Match with 304 until the catalog changes', async () => {
    const url = '/api/organizations?sort=-modelCount';
    const first = await app.inject({ url });
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^".+-c\d+"$/);
    expect(first.headers['cache-control']).toBe('no-cache');
    const again = await other.inject({ url, headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect((await app.inject({ url, headers: { 'if-none-match': `W/${etag}, "x"` } })).statusCode).toBe(304);

    await writeCatalog(store.db, { models: [model('delta-5', 'DE', 2025)] });
    const changed = await app.inject({ url, headers: { 'if-none-match': etag } });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    // Ids differ (a PostgreSQL sequence does not roll back with the transaction above); the rest may not.
    answers.push(changed.json().items.map(({ id: _id, ...rest }: { id: number }) => rest));
  });

  it('does not cache failures, and a raw store write to a catalog table is seen', async () => {
    const missing = await app.inject({ url: '/api/models/999999' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers.etag).toBeUndefined();
    const bad = await app.inject({ url: '/api/indicators/models-per-country?from=abc' });
    expect(bad.statusCode).toBe(400);
    // upsertRows bumps the catalog version when it writes a catalog table, so no cached answer goes stale.
    const version = await readCatalogVersion(store.db);
    const before = await app.inject({ url: '/api/organizations?sort=name' });
    await upsertRows(store.db, 'organizations', [{ name: 'Zeta Raw', source: 'demo' }], ['name']);
    expect(await readCatalogVersion(store.db)).toBeGreaterThan(version);
    const after = await app.inject({ url: '/api/organizations?sort=name' });
    expect(after.body).not.toBe(before.body);
    expect(after.body).toContain('Zeta Raw');
  });
});

it.runIf(POSTGRES_AVAILABLE)('SQLite and PostgreSQL give identical cached answers', () => {
  expect(ANSWERS.postgres).toEqual(ANSWERS.sqlite);
});
