/**
 * Migration 0016 (research signals): `models.organization_kinds`, `works` and `work_model_mentions`.
 * Existing models keep their rows with no kinds until re-imported; a work's mentions go with it; the
 * migration goes down and up again cleanly. SQLite and PostgreSQL.
 */
import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { migrateToLatest } from '../src/store/index.ts';
import { forEachDialect } from './support/dialects.ts';
import { storeAtMigration } from './support/store-at-migration.ts';

const BEFORE = '0013-indicator-results';

forEachDialect('migration 0016 of research signals', (ctx) => {
  it('adds the kinds column and the works tables, keeps models, cascades mentions, and reverts', async () => {
    const { store, migrator } = await storeAtMigration(ctx, BEFORE);
    // biome-ignore lint/suspicious/noExplicitAny: the 0013 schema has no organization_kinds, unlike Database
    const old = store.db as unknown as Kysely<any>;
    await old.insertInto('models').values({ source: 'epoch', external_id: 'GPT-4', name: 'GPT-4' }).execute();

    expect((await migrateToLatest(store)).applied).toContain('0016-research-signals');
    const models = await store.db.selectFrom('models').select(['name', 'organization_kinds']).execute();
    expect(models).toEqual([{ name: 'GPT-4', organization_kinds: null }]);

    const { id } = await store.db
      .insertInto('works')
      .values({ source: 'openalex', external_id: 'https://openalex.org/W1', title: 'T', year: 2024 })
      .returning('id')
      .executeTakeFirstOrThrow();
    await store.db
      .insertInto('work_model_mentions')
      .values({ work_id: id, family: 'qwen', origin: 'CN', rule: 'baseline:title' })
      .execute();
    const duplicate = await store.db
      .insertInto('works')
      .values({ source: 'openalex', external_id: 'https://openalex.org/W1', title: 'again', year: 2024 })
      .execute()
      .catch((error: unknown) => error);
    expect(duplicate).toBeInstanceOf(Error);
    await store.db.deleteFrom('works').where('id', '=', id).execute();
    expect(await store.db.selectFrom('work_model_mentions').selectAll().execute()).toEqual([]);

    expect((await migrator.migrateTo(BEFORE)).error).toBeUndefined();
    expect(await old.selectFrom('models').select('name').execute()).toEqual([{ name: 'GPT-4' }]);
    expect((await migrateToLatest(store)).applied).toContain('0016-research-signals');
    await store.close();
  });
});
