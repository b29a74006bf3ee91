/**
 * Migration 0012 (import runs that were interrupted): `import_runs.status` accepts `interrupted`, and each
 * run records its owner (host, pid) and its last sign of life. On SQLite the CHECK constraint can only be
 * changed by rebuilding the table: rows, ids, rejected rows, the foreign key and the id sequence must all
 * come through. SQLite and PostgreSQL.
 */
import { type Kysely, Migrator } from 'kysely';
import { expect, it } from 'vitest';
import { migrateToLatest, migrationsFor } from '../src/store/index.ts';
import { forEachDialect } from './support/dialects.ts';
import { storeAtMigration } from './support/store-at-migration.ts';

const BEFORE = '0010-team-token-public-ids';

forEachDialect('migration 0012 of import runs', (ctx) => {
  it('keeps every run, id and rejected row, and accepts interrupted runs with their owner', async () => {
    const { store } = await storeAtMigration(ctx, BEFORE);
    // biome-ignore lint/suspicious/noExplicitAny: the 0010 schema has no owner columns, unlike Database
    const old = store.db as unknown as Kysely<any>;
    const run = (status: string, finished: string | null) => ({
      kind: 'epoch',
      source: `${status}.csv`,
      started_at: '2025-01-01T00:00:00.000Z',
      finished_at: finished,
      status,
      inserted: 3,
      updated: 1,
      rejected: 1,
    });
    const inserted = await old
      .insertInto('import_runs')
      .values([
        run('finished', '2025-01-01T00:01:00.000Z'),
        run('running', null),
        run('failed', '2025-01-01T00:02:00.000Z'),
        run('finished', '2025-01-01T00:03:00.000Z'),
      ])
      .returning('id')
      .execute();
    const ids = inserted.map((row) => row.id as number);
    await old
      .insertInto('rejected_rows')
      .values(ids.map((id) => ({ run_id: id, file: 'x.csv', line: id, reason: `bad row of run ${id}` })))
      .execute();
    // The newest run is deleted: its id must never be handed out again.
    await old.deleteFrom('import_runs').where('id', '=', ids[3]).execute();
    const before = await old.selectFrom('import_runs').selectAll().orderBy('id').execute();
    const rejectedBefore = await old.selectFrom('rejected_rows').selectAll().orderBy('id').execute();
    expect(rejectedBefore).toHaveLength(3);

    expect((await migrateToLatest(store)).applied).toContain('0012-import-runs-interrupted');

    const after = await store.db.selectFrom('import_runs').selectAll().orderBy('id').execute();
    expect(after).toEqual(
      before.map((row) => ({ ...row, owner_host: null, owner_pid: null, heartbeat_at: null })),
    );
    expect(await store.db.selectFrom('rejected_rows').selectAll().orderBy('id').execute()).toEqual(
      rejectedBefore,
    );

    const { id: next } = await store.db
      .insertInto('import_runs')
      .values({
        kind: 'hf',
        source: 'example-lab',
        started_at: '2025-02-01T00:00:00.000Z',
        owner_host: 'build-01',
        owner_pid: 4242,
        heartbeat_at: '2025-02-01T00:00:30.000Z',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(next).toBeGreaterThan(ids[3]!);
    await store.db
      .updateTable('import_runs')
      .set({ status: 'interrupted', finished_at: '2025-02-01T00:10:00.000Z' })
      .where('id', '=', next)
      .execute();
    expect(
      await store.db
        .selectFrom('import_runs')
        .select(['status', 'owner_host', 'owner_pid'])
        .where('id', '=', next)
        .executeTakeFirstOrThrow(),
    ).toEqual({ status: 'interrupted', owner_host: 'build-01', owner_pid: 4242 });
    await expect(
      store.db
        .updateTable('import_runs')
        // biome-ignore lint/suspicious/noExplicitAny: deliberately bypassing the column type
        .set({ status: 'stalled' as any })
        .where('id', '=', next)
        .execute(),
    ).rejects.toThrow(/check constraint|CHECK constraint/i);

    // The foreign key of rejected_rows still holds, and still cascades.
    await expect(
      store.db
        .insertInto('rejected_rows')
        .values({ run_id: 999_999, file: 'x', line: 1, reason: 'r' })
        .execute(),
    ).rejects.toThrow(/foreign key/i);
    await store.db.deleteFrom('import_runs').where('id', '=', ids[0]!).execute();
    expect(
      await store.db.selectFrom('rejected_rows').select('run_id').where('run_id', '=', ids[0]!).execute(),
    ).toEqual([]);
    expect((await migrateToLatest(store)).applied).toEqual([]);
  });

  it('goes down again, recording interrupted runs as failed', async () => {
    const store = await ctx.openFresh();
    await migrateToLatest(store);
    await store.db
      .insertInto('import_runs')
      .values({
        kind: 'epoch',
        source: 'a.csv',
        started_at: '2025-01-01T00:00:00.000Z',
        status: 'interrupted',
      })
      .execute();
    const migrator = new Migrator({
      db: store.db as unknown as Kysely<unknown>,
      provider: { getMigrations: async () => migrationsFor(store.dialect) },
    });
    expect((await migrator.migrateTo(BEFORE)).error).toBeUndefined();
    // biome-ignore lint/suspicious/noExplicitAny: the 0010 schema
    const old = store.db as unknown as Kysely<any>;
    expect(await old.selectFrom('import_runs').select(['source', 'status']).execute()).toEqual([
      { source: 'a.csv', status: 'failed' },
    ]);
    await expect(
      old
        .insertInto('import_runs')
        .values({ kind: 'x', source: 'y', started_at: 'z', status: 'interrupted' })
        .execute(),
    ).rejects.toThrow(/check constraint|CHECK constraint/i);
    expect((await migrateToLatest(store)).applied).toContain('0012-import-runs-interrupted');
  });
});
