import { type Kysely, Migrator } from 'kysely';
import { expect } from 'vitest';
import { type DatabaseHandle, migrationsFor } from '../../src/store/index.ts';
import type { DialectContext } from './dialects.ts';

/**
 * A fresh store of the block's dialect migrated up to (and including) migration `name`, with the
 * migrator that got it there: for tests that put rows in an old schema, then migrate to the latest
 * (or down again) and check what came through.
 *
 * @example
 * const { store, migrator } = await storeAtMigration(ctx, '0013-indicator-results');
 * await migrateToLatest(store);
 */
export async function storeAtMigration(
  ctx: DialectContext,
  name: string,
): Promise<{ store: DatabaseHandle; migrator: Migrator }> {
  const store = await ctx.openFresh();
  const migrations = migrationsFor(store.dialect);
  const migrator = new Migrator({
    db: store.db as unknown as Kysely<unknown>,
    provider: { getMigrations: async () => migrations },
  });
  expect((await migrator.migrateTo(name)).error).toBeUndefined();
  return { store, migrator };
}
