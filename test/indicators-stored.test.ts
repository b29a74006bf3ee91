import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  countingNotesName,
  INDICATORS,
  materializeIndicators,
  runImport,
  runIndicator,
} from '../src/observatory/index.ts';
import {
  bumpCatalogVersion,
  type Database,
  type DatabaseHandle,
  migrateToLatest,
  readCatalogVersion,
} from '../src/store/index.ts';
import { forEachDialect } from './support/dialects.ts';

/*
 * Indicators stored when an import commits (materializeIndicators, called by runImport) are what the
 * server reads for the first request of a catalog version: they must be the rows a computation gives,
 * and must never be served for another catalog version or another parameter set.
 */

const HEADER = 'Model,Organization,Publication date,Country (of organization),Model accessibility,Parameters';
const ROWS = [
  'Alpha,Lab One,2023-02-01,United States of America,Open weights (unrestricted),7000000000',
  'Beta,Lab One,2024-05-01,United States of America,API access,',
  'Gamma,Lab Two,2024-07-15,China,Open weights (restricted),13000000000',
  'Delta,Lab Three,2024-11-30,France,Open weights (unrestricted),',
  'Epsilon,Lab Three,2025-01-10,"France,United Kingdom",Unreleased,',
];

/** The stored rows as the table holds them. */
function storedRows(db: Kysely<Database>) {
  return db
    .withTables<{
      indicator_results: {
        name: string;
        params: string;
        catalog_version: number;
        tool_version: string;
        rows: string;
      };
    }>()
    .selectFrom('indicator_results')
    .select(['name', 'params', 'catalog_version', 'tool_version', 'rows'])
    .orderBy('name')
    .execute();
}

/** Replaces the stored rows of `name` by a marker no computation gives. */
async function markStored(db: Kysely<Database>, name: string): Promise<void> {
  await sql`update indicator_results set rows = ${JSON.stringify([{ marker: 1 }])} where name = ${name}`.execute(
    db,
  );
}

forEachDialect('indicators stored when an import commits', (ctx) => {
  let store: DatabaseHandle;
  let csv: string;

  beforeAll(async () => {
    store = await ctx.open();
    await migrateToLatest(store);
    csv = path.join(ctx.tempDir, 'epoch.csv');
    await writeFile(csv, `${HEADER}\n${ROWS.join('\n')}\n`);
  });
  afterAll(async () => {
    await store?.close();
  });

  it('runImport stores every indicator at the version it committed, equal to a computation', async () => {
    const result = await runImport(store.db, { kind: 'epoch', source: csv });
    expect(result.inserted).toBe(ROWS.length);
    const version = await readCatalogVersion(store.db);
    const stored = await storedRows(store.db);
    // Every indicator's rows, and the counting notes of those that have them.
    expect(stored.map((row) => row.name)).toEqual(
      INDICATORS.flatMap((indicator) =>
        indicator.countingNotes ? [indicator.id, countingNotesName(indicator.id)] : [indicator.id],
      ).sort(),
    );
    expect(new Set(stored.map((row) => Number(row.catalog_version)))).toEqual(new Set([version]));
    for (const indicator of INDICATORS) {
      const computed = await runIndicator(store.db, indicator.id);
      const read = await runIndicator(store.db, indicator.id, {}, { stored: true });
      expect(read).toEqual(computed);
    }
    // Not vacuous: the catalog has rows to count.
    expect((await runIndicator(store.db, 'models-per-country')).rows.length).toBeGreaterThan(2);
  });

  it('reads the stored rows for the default parameters of the current version only', async () => {
    await materializeIndicators(store.db);
    await markStored(store.db, 'models-per-country');
    const marker = [{ marker: 1 }];
    expect((await runIndicator(store.db, 'models-per-country', {}, { stored: true })).rows).toEqual(marker);
    // Parameters resolve to the same set (the default spelled out): still the stored rows.
    expect(
      (await runIndicator(store.db, 'models-per-country', { source: 'all' }, { stored: true })).rows,
    ).toEqual(marker);
    // Another parameter set is computed.
    expect(
      (await runIndicator(store.db, 'models-per-country', { from: 2024 }, { stored: true })).rows,
    ).not.toEqual(marker);
    // Without the option, always computed (the CLI).
    expect((await runIndicator(store.db, 'models-per-country')).rows).not.toEqual(marker);

    // A catalog write makes every stored row stale.
    await bumpCatalogVersion(store.db);
    const after = await runIndicator(store.db, 'models-per-country', {}, { stored: true });
    expect(after.rows).toEqual((await runIndicator(store.db, 'models-per-country')).rows);
  });

  it('ignores rows another tool version stored', async () => {
    await materializeIndicators(store.db);
    await markStored(store.db, 'models-per-region');
    expect((await runIndicator(store.db, 'models-per-region', {}, { stored: true })).rows).toEqual([
      { marker: 1 },
    ]);
    await sql`update indicator_results set tool_version = ${'0.0.0-older'}`.execute(store.db);
    expect((await runIndicator(store.db, 'models-per-region', {}, { stored: true })).rows).not.toEqual([
      { marker: 1 },
    ]);
  });

  it('stores nothing when a catalog write commits while it computes', async () => {
    await sql`delete from indicator_results`.execute(store.db);
    const indicator = INDICATORS.find((candidate) => candidate.id === 'models-per-region')!;
    const run = indicator.run;
    // A write that commits between the first and the last indicator, as another import would.
    indicator.run = async (db, params) => {
      await bumpCatalogVersion(store.db);
      return run(db, params);
    };
    try {
      const outcome = await materializeIndicators(store.db);
      expect(outcome.stored).toEqual([]);
    } finally {
      indicator.run = run;
    }
    expect(await storedRows(store.db)).toEqual([]);
    const outcome = await materializeIndicators(store.db);
    expect(outcome.stored).toHaveLength(INDICATORS.length);
    expect(outcome.version).toBe(await readCatalogVersion(store.db));
  });

  it('runImport with storeIndicators false leaves the stored rows alone', async () => {
    await sql`delete from indicator_results`.execute(store.db);
    await runImport(store.db, { kind: 'epoch', source: csv, storeIndicators: false });
    expect(await storedRows(store.db)).toEqual([]);
  });
});
