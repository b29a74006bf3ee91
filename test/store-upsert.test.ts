import { beforeAll, expect, it } from 'vitest';
import {
  type DatabaseHandle,
  insertRows,
  migrateToLatest,
  readCatalogVersion,
  readTable,
  upsertRows,
} from '../src/store/index.ts';
import { forEachDialect } from './support/dialects.ts';

const KEY = ['source', 'external_id'] as const;

forEachDialect('store upsert', (ctx) => {
  let store: DatabaseHandle;

  beforeAll(async () => {
    store = await ctx.open();
    await migrateToLatest(store);
  });

  it('inserts new natural keys and updates existing ones instead of duplicating', async () => {
    const first = await upsertRows(
      store.db,
      'models',
      [
        { source: 'epoch', external_id: 'GPT-4', name: 'GPT-4', accessibility: 'api', parameters: 1.8e12 },
        {
          source: 'epoch',
          external_id: 'Llama 3',
          name: 'Llama 3',
          accessibility: 'open-weights-restricted',
        },
      ],
      KEY,
    );
    expect(first).toEqual({ inserted: 2, updated: 0 });

    const second = await upsertRows(
      store.db,
      'models',
      [
        {
          source: 'epoch',
          external_id: 'GPT-4',
          name: 'GPT-4 (2023)',
          accessibility: 'api',
          date: '2023-03-14',
        },
        { source: 'epoch', external_id: 'Qwen2', name: 'Qwen2', accessibility: 'open-weights-unrestricted' },
        { source: 'hf', external_id: 'GPT-4', name: 'a namesake from another source' },
      ],
      KEY,
    );
    expect(second).toEqual({ inserted: 2, updated: 1 });

    const rows = await store.db
      .selectFrom('models')
      .select(['source', 'external_id', 'name', 'date', 'parameters', 'accessibility'])
      .orderBy('source')
      .orderBy('external_id')
      .execute();
    // The same literal on both dialects: identical results.
    expect(rows).toEqual([
      {
        source: 'epoch',
        external_id: 'GPT-4',
        name: 'GPT-4 (2023)',
        date: '2023-03-14',
        parameters: 1.8e12,
        accessibility: 'api',
      },
      {
        source: 'epoch',
        external_id: 'Llama 3',
        name: 'Llama 3',
        date: null,
        parameters: null,
        accessibility: 'open-weights-restricted',
      },
      {
        source: 'epoch',
        external_id: 'Qwen2',
        name: 'Qwen2',
        date: null,
        parameters: null,
        accessibility: 'open-weights-unrestricted',
      },
      {
        source: 'hf',
        external_id: 'GPT-4',
        name: 'a namesake from another source',
        date: null,
        parameters: null,
        accessibility: 'unknown',
      },
    ]);
  });

  it('keeps the stored value of a column a row leaves out, and the last of two rows with one key', async () => {
    await upsertRows(
      store.db,
      'organizations',
      [{ name: 'Mistral AI', country: 'FR', region: 'Europe', source: 'epoch', type: 'industry' }],
      ['name'],
    );
    const outcome = await upsertRows(
      store.db,
      'organizations',
      [
        { name: 'Mistral AI', source: 'hf', country: 'XX' },
        { name: 'Mistral AI', source: 'hf', country: 'FR' },
      ],
      ['name'],
    );
    expect(outcome).toEqual({ inserted: 0, updated: 1 });
    const rows = await store.db
      .selectFrom('organizations')
      .select(['name', 'country', 'region', 'type', 'source'])
      .execute();
    expect(rows).toEqual([
      { name: 'Mistral AI', country: 'FR', region: 'Europe', type: 'industry', source: 'hf' },
    ]);
  });

  it('overwrites only updateColumns on conflict, and keepStoredOverNull keeps a stored value', async () => {
    const fresh = await ctx.openFresh();
    await migrateToLatest(fresh);
    await upsertRows(
      fresh.db,
      'organizations',
      [{ name: 'Lab', country: 'FR', region: 'Europe', type: 'industry', source: 'epoch' }],
      ['name'],
    );
    const outcome = await upsertRows(
      fresh.db,
      'organizations',
      [
        { name: 'Lab', country: null, region: null, type: 'academia', source: 'hf' },
        { name: 'New Lab', country: 'DE', region: null, type: null, source: 'hf' },
      ],
      ['name'],
      { updateColumns: ['country', 'region', 'type'], keepStoredOverNull: ['country', 'region'] },
    );
    expect(outcome).toEqual({ inserted: 1, updated: 1 });
    const rows = await fresh.db
      .selectFrom('organizations')
      .select(['name', 'country', 'region', 'type', 'source'])
      .orderBy('name')
      .execute();
    expect(rows).toEqual([
      { name: 'Lab', country: 'FR', region: 'Europe', type: 'academia', source: 'epoch' },
      { name: 'New Lab', country: 'DE', region: null, type: null, source: 'hf' },
    ]);
  });

  it('insertRows leaves stored rows alone and counts only new keys', async () => {
    const fresh = await ctx.openFresh();
    await migrateToLatest(fresh);
    expect(
      await insertRows(fresh.db, 'models', [{ source: 's', external_id: 'a', name: 'first' }], KEY),
    ).toEqual({ inserted: 1 });
    const outcome = await insertRows(
      fresh.db,
      'models',
      [
        { source: 's', external_id: 'a', name: 'second' },
        { source: 's', external_id: 'b', name: 'b' },
      ],
      KEY,
      { batchSize: 1 },
    );
    expect(outcome).toEqual({ inserted: 1 });
    const names = await fresh.db
      .selectFrom('models')
      .select(['external_id', 'name'])
      .orderBy('external_id')
      .execute();
    expect(names).toEqual([
      { external_id: 'a', name: 'first' },
      { external_id: 'b', name: 'b' },
    ]);
  });

  it('bumps the catalog version with a catalog-table write, in the caller transaction too', async () => {
    const fresh = await ctx.openFresh();
    await migrateToLatest(fresh);
    const start = await readCatalogVersion(fresh.db);
    await upsertRows(fresh.db, 'models', [{ source: 's', external_id: 'a', name: 'a' }], KEY);
    const afterUpsert = await readCatalogVersion(fresh.db);
    expect(afterUpsert).toBeGreaterThan(start);
    await insertRows(fresh.db, 'models', [{ source: 's', external_id: 'b', name: 'b' }], KEY);
    const afterInsert = await readCatalogVersion(fresh.db);
    expect(afterInsert).toBeGreaterThan(afterUpsert);
    await expect(
      fresh.db.transaction().execute(async (trx) => {
        await upsertRows(trx, 'models', [{ source: 's', external_id: 'c', name: 'c' }], KEY);
        expect(await readCatalogVersion(trx)).toBeGreaterThan(afterInsert);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    // The bump rolled back with the write it belongs to.
    expect(await readCatalogVersion(fresh.db)).toBe(afterInsert);
    await upsertRows(fresh.db, 'models', [{ source: 's', external_id: 'd', name: 'd' }], KEY, {
      bumpCatalog: false,
    });
    await upsertRows(
      fresh.db,
      'import_runs',
      [{ id: 1, kind: 'epoch', source: 'f', started_at: 'now' }],
      ['id'],
    );
    expect(await readCatalogVersion(fresh.db)).toBe(afterInsert);
  });

  it('writes many rows in batches, and re-importing them changes nothing', async () => {
    const rows = Array.from({ length: 1_234 }, (_, index) => ({
      source: 'bulk',
      external_id: `m${index}`,
      name: `Model ${index}`,
      training_compute_flop: index * 1e21,
    }));
    expect(await upsertRows(store.db, 'models', rows, KEY, { batchSize: 100 })).toEqual({
      inserted: 1_234,
      updated: 0,
    });
    expect(await upsertRows(store.db, 'models', rows, KEY, { batchSize: 100 })).toEqual({
      inserted: 0,
      updated: 1_234,
    });
    const count = await store.db
      .selectFrom('models')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('source', '=', 'bulk')
      .executeTakeFirstOrThrow();
    expect(count.n).toBe(1_234);
  });

  it('returns JSON as text and bigint as numbers on both dialects', async () => {
    const model = await store.db
      .insertInto('models')
      .values({
        source: 'json',
        external_id: 'p',
        name: 'p',
        profile: JSON.stringify({ score: 71, mof: 'II' }),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await upsertRows(
      store.db,
      'adoption_snapshots',
      [{ model_id: model.id, date: '2025-06-01', downloads: 9_007_199_254_740_000, likes: 5 }],
      ['model_id', 'date'],
    );
    const row = await store.db
      .selectFrom('models')
      .innerJoin('adoption_snapshots', 'adoption_snapshots.model_id', 'models.id')
      .select(['models.profile', 'adoption_snapshots.downloads', 'adoption_snapshots.likes'])
      .executeTakeFirstOrThrow();
    expect(typeof row.profile).toBe('string');
    expect(JSON.parse(row.profile!)).toEqual({ score: 71, mof: 'II' });
    expect(row.downloads).toBe(9_007_199_254_740_000);
    expect(row.likes).toBe(5);
  });

  it('leaves no rows when a transaction is rolled back', async () => {
    const fresh = await ctx.openFresh();
    await migrateToLatest(fresh);
    await expect(
      fresh.db.transaction().execute(async (trx) => {
        await upsertRows(
          trx,
          'people',
          [{ source: 'openalex', external_id: 'A1', name: 'Ada' }],
          ['source', 'external_id'],
        );
        await trx
          .insertInto('import_runs')
          .values({ kind: 'openalex', source: 'f.json', started_at: 'now' })
          .execute();
        throw new Error('killed half-way');
      }),
    ).rejects.toThrow('killed half-way');
    expect(await fresh.db.selectFrom('people').selectAll().execute()).toEqual([]);
    expect(await fresh.db.selectFrom('import_runs').selectAll().execute()).toEqual([]);
  });

  it('rolls back the failing batch alone: earlier batches stay, the bad one leaves nothing', async () => {
    const fresh = await ctx.openFresh();
    await migrateToLatest(fresh);
    const rows = [
      { source: 's', external_id: 'a', name: 'a' },
      { source: 's', external_id: 'b', name: 'b' },
      { source: 's', external_id: 'c', name: 'c' },
      // biome-ignore lint/suspicious/noExplicitAny: a value the check constraint refuses
      { source: 's', external_id: 'd', name: 'd', accessibility: 'bogus' as any },
    ];
    await expect(upsertRows(fresh.db, 'models', rows, KEY, { batchSize: 2 })).rejects.toThrow();
    const names = (await fresh.db.selectFrom('models').select('name').orderBy('name').execute()).map(
      (r) => r.name,
    );
    expect(names).toEqual(['a', 'b']);
  });

  it('streams a table in id order across pages', async () => {
    const seen: string[] = [];
    for await (const row of readTable(store.db, 'models', { pageSize: 7 }))
      seen.push(String(row.external_id));
    const expected = await store.db.selectFrom('models').select('external_id').orderBy('id').execute();
    expect(seen).toEqual(expected.map((row) => row.external_id));
    expect(seen.length).toBeGreaterThan(1_000);
  });
});
