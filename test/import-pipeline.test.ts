import { beforeAll, describe, expect, it } from 'vitest';
import {
  collectItems,
  parseEpochCsvFile,
  parseFmtiScoresFile,
  parseMotFolder,
  parseOsaiFolder,
  runImport,
  writeCatalog,
} from '../src/observatory/index.ts';
import { sharedData } from '../src/observatory/test-support/shared-data.ts';
import { type DatabaseHandle, migrateToLatest, TABLE_NAMES } from '../src/store/index.ts';
import { forEachDialect } from './support/dialects.ts';

const EPOCH_2024 = sharedData('epoch/notable_ai_models.2024-12.csv');
const EPOCH_2025 = sharedData('epoch/notable_ai_models.2025-05.head80.csv');
const MOT = sharedData('mot/models');
const OSAI = sharedData('osai');
const FMTI = sharedData('fmti/Dec2025_scores.csv');

async function counts(store: DatabaseHandle): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of TABLE_NAMES) {
    const row = await store.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    out[table] = Number(row.count);
  }
  return out;
}

/** Catalog tables only: import_runs and rejected_rows grow with every run by design. */
function catalogCounts(all: Record<string, number>): Record<string, number> {
  const { import_runs: _runs, rejected_rows: _rejected, ...rest } = all;
  return rest;
}

const SAMPLES = [
  { kind: 'epoch', path: EPOCH_2025, parse: (p: string) => parseEpochCsvFile(p) },
  { kind: 'epoch', path: EPOCH_2024, parse: (p: string) => parseEpochCsvFile(p) },
  { kind: 'mot', path: MOT, parse: (p: string) => parseMotFolder(p) },
  { kind: 'osai', path: OSAI, parse: (p: string) => parseOsaiFolder(p) },
  { kind: 'fmti', path: FMTI, parse: (p: string) => parseFmtiScoresFile(p) },
] as const;

forEachDialect('import pipeline on the shared samples', (ctx) => {
  let store: DatabaseHandle;
  beforeAll(async () => {
    store = await ctx.open();
    await migrateToLatest(store);
  });

  for (const sample of SAMPLES) {
    it.skipIf(sample.path === null)(
      `imports ${sample.kind} ${sample.path?.split('/').pop()} with the parser's counts, idempotently`,
      async () => {
        const path = sample.path!;
        const parsed = await collectItems(sample.parse(path) as AsyncIterable<never>);
        const first = await runImport(store.db, { kind: sample.kind, source: path, batchSize: 100 });
        expect(first.records).toBe(parsed.records.length);
        expect(first.inserted + first.updated).toBe(parsed.records.length);
        expect(first.rejectedCount).toBe(parsed.rejected.length);
        expect(first.rejected).toEqual(
          parsed.rejected.map(({ file, line, reason }) => ({ file, line, reason })),
        );
        const stored = await store.db
          .selectFrom('rejected_rows')
          .select(['file', 'line', 'reason'])
          .where('run_id', '=', first.run)
          .orderBy('id')
          .execute();
        expect(stored).toEqual(first.rejected);
        const run = await store.db
          .selectFrom('import_runs')
          .selectAll()
          .where('id', '=', first.run)
          .executeTakeFirstOrThrow();
        expect(run).toMatchObject({
          status: 'finished',
          inserted: first.inserted,
          updated: first.updated,
          rejected: first.rejectedCount,
        });

        const before = await counts(store);
        const again = await runImport(store.db, { kind: sample.kind, source: path, batchSize: 100 });
        expect(again.inserted).toBe(0);
        expect(again.updated).toBe(parsed.records.length);
        expect(catalogCounts(await counts(store))).toEqual(catalogCounts(before));
      },
    );
  }

  it.skipIf(EPOCH_2025 === null)('reports the fused row at line 24 of the 2025-05 Epoch file', async () => {
    const result = await runImport(store.db, { kind: 'epoch', source: EPOCH_2025! });
    expect(result.rejected).toEqual([
      expect.objectContaining({ file: EPOCH_2025, line: 24, reason: expect.stringContaining('fused') }),
    ]);
  });

  it.skipIf(EPOCH_2024 === null)(
    'gives each Epoch model its organization, countries and regions',
    async () => {
      const gpt4 = await store.db
        .selectFrom('models')
        .innerJoin('organizations', 'organizations.id', 'models.organization_id')
        .select([
          'models.id',
          'models.accessibility',
          'organizations.name as organization',
          'organizations.country',
          'organizations.region',
        ])
        .where('models.source', '=', 'epoch')
        .where('models.external_id', '=', 'GPT-4')
        .executeTakeFirstOrThrow();
      expect(gpt4).toMatchObject({
        organization: 'OpenAI',
        country: 'US',
        region: 'us',
        accessibility: 'api',
      });
      const countries = await store.db
        .selectFrom('model_countries')
        .select('country')
        .where('model_id', '=', gpt4.id)
        .execute();
      expect(countries.map((row) => row.country)).toEqual(['US']);
    },
  );

  it.skipIf(MOT === null || OSAI === null)('links MOF and OSAI ratings to their models', async () => {
    const unlinked = await store.db
      .selectFrom('openness_ratings')
      .select('subject')
      .where('scheme', 'in', ['mof', 'osai'])
      .where('model_id', 'is', null)
      .execute();
    expect(unlinked).toEqual([]);
    const scores = await store.db.selectFrom('openness_ratings').select(['score']).execute();
    for (const { score } of scores) if (score !== null) expect(score).toBeGreaterThanOrEqual(0);
  });
});

forEachDialect('import pipeline crash and resume', (ctx) => {
  it.skipIf(EPOCH_2025 === null)(
    'a writer failing on the 3rd batch leaves a failed run and earlier batches; a re-run completes',
    async () => {
      const store = await ctx.openFresh();
      await migrateToLatest(store);
      let calls = 0;
      const failing: typeof writeCatalog = async (db, batch) => {
        calls += 1;
        if (calls === 3) throw new Error('disk on fire');
        return writeCatalog(db, batch);
      };
      await expect(
        runImport(store.db, { kind: 'epoch', source: EPOCH_2025!, batchSize: 10, writer: failing }),
      ).rejects.toThrow(/failed after 2 batch\(es\).*disk on fire/);
      const runs = await store.db.selectFrom('import_runs').selectAll().execute();
      expect(runs).toEqual([expect.objectContaining({ status: 'failed', inserted: 20, updated: 0 })]);
      const written = await store.db
        .selectFrom('models')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('source', '=', 'epoch')
        .executeTakeFirstOrThrow();
      expect(Number(written.count)).toBeGreaterThanOrEqual(20);

      const rerun = await runImport(store.db, { kind: 'epoch', source: EPOCH_2025!, batchSize: 10 });
      expect(rerun.inserted + rerun.updated).toBe(79);
      expect(rerun.updated).toBeGreaterThanOrEqual(20);
      const full = await runImport(store.db, { kind: 'epoch', source: EPOCH_2025!, batchSize: 10 });
      expect(full.inserted).toBe(0);
      const duplicates = await store.db
        .selectFrom('models')
        .select(['source', 'external_id'])
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .groupBy(['source', 'external_id'])
        .having((eb) => eb.fn.countAll(), '>', 1)
        .execute();
      expect(duplicates).toEqual([]);
    },
  );
});

describe('runImport input errors', () => {
  it('refuses an unknown kind, listing the kinds', async () => {
    await expect(runImport({} as never, { kind: 'nope', source: 'x' })).rejects.toThrow(
      /unknown import kind "nope"; kinds: epoch, mot, osai, fmti, openalex/,
    );
  });
});
