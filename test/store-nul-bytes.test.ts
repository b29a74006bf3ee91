/**
 * NUL bytes at the store (hardening): whatever writer or reader forgets to refuse U+0000 earlier, the store
 * refuses the query the same way on both engines, with ERR_INVALID_INPUT, before it runs. Before, PostgreSQL
 * failed the query (a 500 or exit 70) and SQLite stored the NUL. Binary values pass. SQLite and PostgreSQL.
 */
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { type DatabaseHandle, migrateToLatest } from '../src/store/index.ts';
import { forEachDialect } from './support/dialects.ts';

const REFUSED = { code: 'ERR_INVALID_INPUT', message: expect.stringMatching(/NUL byte \(U\+0000\)/) };

forEachDialect('NUL bytes at the store', (ctx) => {
  let store: DatabaseHandle;
  beforeAll(async () => {
    store = await ctx.open();
    await migrateToLatest(store);
  });

  it('refuses an insert, an update and a filter whose values hold NUL, storing nothing', async () => {
    const created_at = '2025-01-01T00:00:00.000Z';
    await expect(
      store.db.insertInto('teams').values({ slug: 'owls', name: 'The\u0000Owls', created_at }).execute(),
    ).rejects.toMatchObject(REFUSED);
    // Many rows in one statement: the NUL in the last is found too.
    const rows = ['a', 'b', 'c\u0000'].map((slug) => ({ slug, name: slug, created_at }));
    await expect(store.db.insertInto('teams').values(rows).execute()).rejects.toMatchObject(REFUSED);
    expect(await store.db.selectFrom('teams').select('slug').execute()).toEqual([]);

    await store.db.insertInto('teams').values({ slug: 'foxes', name: 'Foxes', created_at }).execute();
    await expect(
      store.db.updateTable('teams').set({ name: 'Fo\u0000xes' }).where('slug', '=', 'foxes').execute(),
    ).rejects.toMatchObject(REFUSED);
    await expect(
      store.db.selectFrom('teams').select('slug').where('name', 'like', '%\u0000%').execute(),
    ).rejects.toMatchObject(REFUSED);
    await expect(
      store.db.selectFrom('teams').select('slug').where('slug', 'in', ['foxes', '\u0000']).execute(),
    ).rejects.toMatchObject(REFUSED);
    await expect(sql`select ${'a\u0000'} as text`.execute(store.db)).rejects.toMatchObject(REFUSED);
    expect(await store.db.selectFrom('teams').select(['slug', 'name']).execute()).toEqual([
      { slug: 'foxes', name: 'Foxes' },
    ]);
  });

  it('lets binary values with zero bytes through', async () => {
    const bytes = Buffer.from([0, 1, 0]);
    // PostgreSQL needs the parameter's type (bytea); SQLite takes a Buffer as a blob.
    const value = store.dialect === 'postgres' ? sql`cast(${bytes} as bytea)` : sql`${bytes}`;
    const result = await sql<{ size: number }>`select length(${value}) as size`.execute(store.db);
    expect(Number(result.rows[0]!.size)).toBe(3);
  });
});
