import { expect, it } from 'vitest';
import { appliedMigrations, migrateToLatest, migrationsFor, TABLE_NAMES } from '../src/store/index.ts';
import { forEachDialect } from './support/dialects.ts';

forEachDialect('store migrations', (ctx) => {
  it('apply once, then change nothing when run again', async () => {
    const store = await ctx.openFresh();
    const known = Object.keys(migrationsFor(store.dialect)).sort();
    expect(await appliedMigrations(store)).toEqual([]);
    const first = await migrateToLatest(store);
    expect(first.applied).toEqual(known);
    const second = await migrateToLatest(store);
    expect(second).toEqual({ applied: [], known });
    expect(await appliedMigrations(store)).toEqual(known);
  });

  it('are idempotent across connections too (a second process migrating finds nothing to do)', async () => {
    const store = await ctx.open();
    await migrateToLatest(store);
    const other = await ctx.open();
    expect((await migrateToLatest(other)).applied).toEqual([]);
  });

  it('create every catalog table with its id and natural-key columns', async () => {
    const store = await ctx.openFresh();
    await migrateToLatest(store);
    const tables = await store.db.introspection.getTables();
    const byName = new Map(tables.map((table) => [table.name, table.columns.map((column) => column.name)]));
    for (const table of TABLE_NAMES) {
      expect(byName.get(table), table).toBeDefined();
      expect(byName.get(table), table).toContain('id');
    }
    expect(byName.get('models')).toEqual(
      expect.arrayContaining(['source', 'external_id', 'accessibility', 'profile', 'organization_id']),
    );
    expect(byName.get('model_countries')).toEqual(expect.arrayContaining(['model_id', 'country']));
    expect(byName.get('rejected_rows')).toEqual(expect.arrayContaining(['run_id', 'file', 'line', 'reason']));
  });

  it('refuses an accessibility outside the vocabulary', async () => {
    const store = await ctx.openFresh();
    await migrateToLatest(store);
    await expect(
      store.db
        .insertInto('models')
        // biome-ignore lint/suspicious/noExplicitAny: deliberately bypassing the column type
        .values({ source: 's', external_id: 'x', name: 'x', accessibility: 'open-ish' as any })
        .execute(),
    ).rejects.toThrow(/check constraint|CHECK constraint/i);
  });

  it('enforces foreign keys (cascade from models to their countries)', async () => {
    const store = await ctx.openFresh();
    await migrateToLatest(store);
    await expect(
      store.db.insertInto('model_countries').values({ model_id: 999, country: 'US' }).execute(),
    ).rejects.toThrow(/foreign key/i);
    const model = await store.db
      .insertInto('models')
      .values({ source: 's', external_id: 'x', name: 'x' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await store.db.insertInto('model_countries').values({ model_id: model.id, country: 'US' }).execute();
    await store.db.deleteFrom('models').where('id', '=', model.id).execute();
    expect(await store.db.selectFrom('model_countries').selectAll().execute()).toEqual([]);
  });
});
