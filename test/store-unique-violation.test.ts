/** isUniqueViolation and dialectOf read the same answers from SQLite and PostgreSQL. */
import { expect, it } from 'vitest';
import { dialectOf, isUniqueViolation, migrateToLatest } from '../src/store/index.ts';
import { forEachDialect } from './support/dialects.ts';

const row = (slug: string) => ({
  slug,
  name: slug,
  kind: 'grant' as const,
  funder: 'F',
  currency: 'USD',
  total_budget: 1,
  demo: 0,
  definition: '{}',
  updated_at: '2026-01-01T00:00:00.000Z',
});

async function failureOf(write: () => Promise<unknown>): Promise<unknown> {
  try {
    await write();
  } catch (error) {
    return error;
  }
  throw new Error('the write did not fail');
}

forEachDialect('store unique violations', (ctx) => {
  it('names its dialect, also inside a transaction', async () => {
    const store = await ctx.open();
    expect(dialectOf(store.db)).toBe(ctx.dialect);
    expect(await store.db.transaction().execute(async (trx) => dialectOf(trx))).toBe(ctx.dialect);
  });

  it('tells a broken unique constraint from other failed writes', async () => {
    const store = await ctx.open();
    await migrateToLatest(store);
    await store.db.insertInto('programs').values(row('unique-one')).execute();
    const duplicate = await failureOf(() =>
      store.db.insertInto('programs').values(row('unique-one')).execute(),
    );
    expect(isUniqueViolation(duplicate)).toBe(true);
    const badKind = await failureOf(() =>
      store.db
        .insertInto('programs')
        .values({ ...row('unique-two'), kind: 'loan' as never })
        .execute(),
    );
    expect(isUniqueViolation(badKind)).toBe(false);
    const noTable = await failureOf(() =>
      store.db
        .selectFrom('no_such_table' as never)
        .selectAll()
        .execute(),
    );
    expect(isUniqueViolation(noTable)).toBe(false);
  });

  it('is false for anything that is not a database error', () => {
    for (const value of [null, undefined, 'SQLITE_CONSTRAINT_UNIQUE', new Error('23505'), { code: 23505 }])
      expect(isUniqueViolation(value), String(value)).toBe(false);
  });
});
