import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CatalogModelRecord,
  INDICATORS,
  materializeIndicators,
  writeCatalog,
} from '../src/observatory/index.ts';
import { buildServer, type ZodApp } from '../src/server/index.ts';
import { type DatabaseHandle, migrateToLatest, openDatabase } from '../src/store/index.ts';
import { countTurnsDuring } from './support/event-loop-turns.ts';

/*
 * A served SQLite store runs its long catalog reads on worker threads (store.reads): the answers must be
 * those of the main connection, its errors the same, and the event loop must keep turning meanwhile.
 * SQLite only: on PostgreSQL `reads` is the main instance (its driver is asynchronous already).
 */

const COUNTRIES = ['US', 'CN', 'FR', 'GB', 'DE', 'JP'] as const;
const ACCESS = ['open-weights-unrestricted', 'api', 'open-weights-restricted', 'unreleased'] as const;
/** Enough models that a cold indicator takes a visible time on one core. */
const MODELS = 20_000;

function model(i: number): CatalogModelRecord {
  const country = COUNTRIES[i % COUNTRIES.length]!;
  const year = 2015 + (i % 11);
  const month = String((i % 12) + 1).padStart(2, '0');
  return {
    name: `model-${i}`,
    organizations: [`${country} Lab ${i % 40}`],
    organizationKinds: [i % 3 === 0 ? 'academia' : 'industry'],
    published: { text: `${year}-${month}-01`, iso: `${year}-${month}-01` },
    domains: ['Language'],
    parameters: 1e9 + i,
    trainingComputeFlop: null,
    accessibility: ACCESS[i % ACCESS.length]!,
    accessibilityText: ACCESS[i % ACCESS.length]!,
    countries: i % 7 === 0 ? [country, 'FR'] : [country],
    multinational: i % 7 === 0,
    unmappedCountries: [],
    baseModel: null,
    link: null,
    notability: [],
    warnings: [],
    source: { source: 'demo', file: 'test', line: null },
  };
}

describe('long reads on worker threads (SQLite)', () => {
  let root: string;
  let store: DatabaseHandle;
  let direct: ZodApp;
  let pooled: ZodApp;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'aperture-cold-reads-'));
    store = await openDatabase({
      file: path.join(root, 'catalog.db'),
      env: {},
      serving: true,
      readWorkers: 2,
    });
    await migrateToLatest(store);
    for (let start = 0; start < MODELS; start += 5_000) {
      await writeCatalog(store.db, {
        models: Array.from({ length: 5_000 }, (_, i) => model(start + i)),
      });
    }
    direct = await buildServer({ db: store.db, dialect: store.dialect });
    pooled = await buildServer({ db: store.db, reads: store.reads, dialect: store.dialect });
  });
  afterAll(async () => {
    await direct?.close();
    await pooled?.close();
    await store?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('a served handle reads on the pool, and every long read answers as on the main connection', async () => {
    expect(store.reads).not.toBe(store.db);
    const urls = [
      ...INDICATORS.map((indicator) => `/api/indicators/${indicator.id}`),
      '/api/indicators/models-per-country?from=2020&to=2022',
      '/api/indicators/adoption-by-origin?by=region',
      '/api/indicators/models-per-region?format=csv',
      '/api/countries',
      '/api/models?country=FR&sort=-date',
      '/api/organizations?sort=-modelCount',
      '/api/organizations?country=US',
    ];
    for (const url of urls) {
      const [a, b] = await Promise.all([direct.inject({ url }), pooled.inject({ url })]);
      expect(b.statusCode, url).toBe(200);
      expect(b.body, url).toBe(a.body);
    }
    // Not vacuous: the catalog has something to count.
    const countries = (await pooled.inject({ url: '/api/countries' })).json();
    expect(
      countries.items.find((item: { country: string }) => item.country === 'FR').modelCount,
    ).toBeGreaterThan(MODELS / COUNTRIES.length);
  });

  it('keeps the event loop turning while a cold indicator is computed (the main connection does not)', async () => {
    // Parameters no earlier request used, so both compute.
    const onPool = await countTurnsDuring(() =>
      pooled.inject({ url: '/api/indicators/adoption-by-origin?source=demo' }),
    );
    const onMain = await countTurnsDuring(() =>
      direct.inject({ url: '/api/indicators/adoption-by-origin?source=demo' }),
    );
    expect(onPool.value.statusCode).toBe(200);
    expect(onPool.value.body).toBe(onMain.value.body);
    expect(onMain.turns).toBeLessThan(10);
    expect(onPool.turns).toBeGreaterThan(50);
  });

  it('answers the first request of a catalog version from the rows stored at that version', async () => {
    // A new version (the earlier answers of this one are in the response cache), as an import commits it.
    await writeCatalog(store.db, { models: [model(MODELS)] });
    await materializeIndicators(store.db);
    await sql`update indicator_results set rows = ${JSON.stringify([{ year: 1900, region: 'stored', models: 1 }])} where name = 'models-per-region'`.execute(
      store.db,
    );
    const answer = await pooled.inject({ url: '/api/indicators/models-per-region' });
    expect(answer.json().rows).toEqual([{ year: 1900, region: 'stored', models: 1 }]);
    await writeCatalog(store.db, { models: [model(MODELS + 1)] });
    const after = await pooled.inject({ url: '/api/indicators/models-per-region' });
    expect(after.json().rows).not.toContainEqual({ year: 1900, region: 'stored', models: 1 });
    expect(after.body).toBe((await direct.inject({ url: '/api/indicators/models-per-region' })).body);
  });

  it('answers a failing query on a worker as on the main connection (500 ERR_INTERNAL, no detail)', async () => {
    await sql`drop table affiliations`.execute(store.db);
    const url = '/api/indicators/brain-flow?from=1990';
    const [a, b] = await Promise.all([direct.inject({ url }), pooled.inject({ url })]);
    expect(a.statusCode).toBe(500);
    expect(b.statusCode).toBe(500);
    expect(b.json()).toEqual(a.json());
    expect(b.json().error.code).toBe('ERR_INTERNAL');
    // The pool carries on after the failure.
    expect((await pooled.inject({ url: '/api/indicators/models-per-country?from=2016' })).statusCode).toBe(
      200,
    );
  });
});
