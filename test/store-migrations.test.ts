import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { authenticateToken, issueToken, revokeToken } from '../src/arena/index.ts';
import { appliedMigrations, migrateToLatest, migrationsFor, TABLE_NAMES } from '../src/store/index.ts';
import { forEachDialect } from './support/dialects.ts';
import { storeAtMigration } from './support/store-at-migration.ts';

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

  it('0008 adds the open-washing flag to a catalog of the previous version, its rows unassessed', async () => {
    const { store } = await storeAtMigration(ctx, '0007-benchmark-tasks');
    // biome-ignore lint/suspicious/noExplicitAny: the 0007 schema has no open-washing columns, unlike Database
    const old = store.db as unknown as Kysely<any>;
    const { id: organizationId } = await old
      .insertInto('organizations')
      .values({ name: 'Lakeside', country: 'CA', source: 'demo' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const before = [
      {
        source: 'release-pack',
        external_id: 'brook@1',
        name: 'brook',
        organization_id: organizationId,
        date: '2024-06-01',
        accessibility: 'open-weights-restricted',
        openness_score: 10,
        mof_class: null,
        profile: JSON.stringify({ score: 10, openWashing: { flagged: true } }),
      },
      { source: 'epoch', external_id: 'GPT-4', name: 'GPT-4', accessibility: 'api' },
    ];
    await old.insertInto('models').values(before).execute();
    const idsBefore = await old.selectFrom('models').select(['id', 'name']).orderBy('id').execute();

    const outcome = await migrateToLatest(store);
    expect(outcome.applied).toEqual([
      '0008-model-open-washing',
      '0009-unscored-submissions',
      '0010-team-token-public-ids',
      '0011-log-score-commitments',
      '0012-import-runs-interrupted',
      '0013-indicator-results',
      '0014-model-entities',
      '0015-release-watch',
      '0016-research-signals',
      '0017-name-normalized',
      '0018-catalog-sources',
    ]);
    expect((await migrateToLatest(store)).applied).toEqual([]);
    // 0017 folds the names of the rows already there, as the catalog writers fold new ones.
    const folded = await store.db
      .selectFrom('models')
      .select(['name', 'name_folded'])
      .orderBy('id')
      .execute();
    expect(folded.map((row) => row.name_folded)).toEqual(folded.map((row) => row.name.toLowerCase()));

    const rows = await store.db
      .selectFrom('models')
      .select([
        'id',
        'name',
        'organization_id',
        'openness_score',
        'profile',
        'open_washing',
        'open_washing_reason',
      ])
      .orderBy('id')
      .execute();
    expect(rows.map(({ id, name }) => ({ id, name }))).toEqual(idsBefore);
    expect(rows[0]).toMatchObject({
      organization_id: organizationId,
      openness_score: 10,
      open_washing: null,
      open_washing_reason: null,
    });
    expect(JSON.parse(rows[0]!.profile!)).toEqual({ score: 10, openWashing: { flagged: true } });
    expect(rows[1]).toMatchObject({ open_washing: null, open_washing_reason: null });

    await store.db
      .updateTable('models')
      .set({ open_washing: 1, open_washing_reason: 'calls itself open source, but the weights are withheld' })
      .where('external_id', '=', 'brook@1')
      .execute();
    const flagged = await store.db
      .selectFrom('models')
      .select(['open_washing', 'open_washing_reason'])
      .where('open_washing', '=', 1)
      .execute();
    expect(flagged).toEqual([
      { open_washing: 1, open_washing_reason: 'calls itself open source, but the weights are withheld' },
    ]);
    await expect(
      store.db.updateTable('models').set({ open_washing: 2 }).where('external_id', '=', 'GPT-4').execute(),
    ).rejects.toThrow(/check constraint|CHECK constraint/i);
  });

  it('0010 keeps team tokens issued before it working, under their row id', async () => {
    const { store } = await storeAtMigration(ctx, '0009-unscored-submissions');
    // biome-ignore lint/suspicious/noExplicitAny: the 0009 schema has no public ids, unlike Database
    const old = store.db as unknown as Kysely<any>;
    const { id: teamId } = await old
      .insertInto('teams')
      .values({ slug: 'owls', name: 'Owls', created_at: '2025-01-01T00:00:00.000Z' })
      .returning('id')
      .executeTakeFirstOrThrow();
    // What issueToken stored before 0010: the token was apt_<row id>_<secret>.
    const secret = 'S'.repeat(43);
    const { id: tokenId } = await old
      .insertInto('team_tokens')
      .values({
        team_id: teamId,
        token_hash: createHash('sha256').update(secret).digest('hex'),
        scope: 'submit',
        created_at: '2025-01-01T00:00:00.000Z',
        revoked_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    expect((await migrateToLatest(store)).applied).toContain('0010-team-token-public-ids');
    const legacy = `apt_${tokenId}_${secret}`;
    expect(await authenticateToken(store.db, legacy, 'submit')).toMatchObject({
      team: 'owls',
      publicId: String(tokenId),
    });
    const fresh = await issueToken(store.db, 'owls', 'submit');
    expect(fresh.id).toMatch(/^[0-9a-f]{24}$/);
    await expect(
      old
        .insertInto('team_tokens')
        .values({
          team_id: teamId,
          public_id: fresh.id,
          token_hash: '0'.repeat(64),
          scope: 'submit',
          created_at: '2025-01-02T00:00:00.000Z',
        })
        .execute(),
    ).rejects.toThrow(/unique/i);
    await revokeToken(store.db, String(tokenId));
    await expect(authenticateToken(store.db, legacy, 'submit')).rejects.toMatchObject({
      code: 'ERR_UNAUTHORIZED',
    });
  });
});
