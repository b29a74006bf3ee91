/**
 * Which runs left `running` are marked interrupted (the rule of markInterruptedImportRuns): on this
 * machine, runs whose process is gone; anywhere, runs with no sign of life for longer than the lease; never
 * a run whose owner is alive here or heartbeats elsewhere. SQLite and PostgreSQL.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, it } from 'vitest';
import {
  currentImportRunOwner,
  IMPORT_RUN_LEASE_MS,
  listImportRuns,
  markInterruptedImportRuns,
  runImport,
} from '../src/observatory/index.ts';
import type { ImportRunStatus } from '../src/spec/index.ts';
import { type DatabaseHandle, migrateToLatest } from '../src/store/index.ts';
import { forEachDialect } from './support/dialects.ts';

const NOW = new Date('2025-06-01T12:00:00.000Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();

/** The pid of a process that has run and exited (and been reaped). */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await once(child, 'exit');
  return child.pid!;
}

forEachDialect('marking interrupted import runs', (ctx) => {
  async function seed(store: DatabaseHandle) {
    const here = currentImportRunOwner();
    const dead = await deadPid();
    const rows: Array<{
      source: string;
      status?: ImportRunStatus;
      owner_host: string | null;
      owner_pid: number | null;
      heartbeat_at: string | null;
      started_at?: string;
    }> = [
      // On this machine, its process gone: interrupted at once, however fresh its heartbeat.
      { source: 'dead-here', owner_host: here.host, owner_pid: dead, heartbeat_at: ago(1_000) },
      // On this machine and alive (this very process): left alone.
      { source: 'alive-here', owner_host: here.host, owner_pid: here.pid, heartbeat_at: ago(1_000) },
      // Alive here by its pid, but silent past the lease (a reused pid, a hung process): interrupted.
      {
        source: 'silent-here',
        owner_host: here.host,
        owner_pid: here.pid,
        heartbeat_at: ago(IMPORT_RUN_LEASE_MS + 1_000),
      },
      // Another machine whose pid means nothing here: only its lease counts.
      { source: 'fresh-elsewhere', owner_host: 'other-host', owner_pid: dead, heartbeat_at: ago(60_000) },
      {
        source: 'stale-elsewhere',
        owner_host: 'other-host',
        owner_pid: 1,
        heartbeat_at: ago(IMPORT_RUN_LEASE_MS + 1_000),
      },
      // Runs started before owners were recorded: their start time is their last sign of life.
      {
        source: 'legacy-old',
        owner_host: null,
        owner_pid: null,
        heartbeat_at: null,
        started_at: ago(IMPORT_RUN_LEASE_MS + 1_000),
      },
      {
        source: 'legacy-recent',
        owner_host: null,
        owner_pid: null,
        heartbeat_at: null,
        started_at: ago(1_000),
      },
      // Ended runs are never touched.
      {
        source: 'finished',
        status: 'finished',
        owner_host: here.host,
        owner_pid: dead,
        heartbeat_at: ago(9e9),
      },
      { source: 'failed', status: 'failed', owner_host: null, owner_pid: null, heartbeat_at: null },
    ];
    await store.db
      .insertInto('import_runs')
      .values(
        rows.map((row) => ({
          kind: 'epoch',
          // Every row names every column: a multi-row insert on SQLite fills a missing one with null.
          status: 'running' as const,
          started_at: ago(IMPORT_RUN_LEASE_MS * 3),
          ...row,
        })),
      )
      .execute();
    return { dead };
  }

  const statuses = async (store: DatabaseHandle) =>
    Object.fromEntries(
      (await store.db.selectFrom('import_runs').select(['source', 'status', 'finished_at']).execute()).map(
        (row) => [row.source, [row.status, row.finished_at]],
      ),
    );

  it('marks runs whose process is gone here, or whose lease expired, and nothing else', async () => {
    const store = await ctx.openFresh();
    await migrateToLatest(store);
    const { dead } = await seed(store);

    const marked = await markInterruptedImportRuns(store.db, { now: () => NOW });
    expect(marked.map((run) => [run.source, run.reason]).sort()).toEqual([
      ['dead-here', 'owner-gone'],
      ['legacy-old', 'lease-expired'],
      ['silent-here', 'lease-expired'],
      ['stale-elsewhere', 'lease-expired'],
    ]);
    expect(marked.find((run) => run.source === 'dead-here')).toMatchObject({
      kind: 'epoch',
      ownerHost: currentImportRunOwner().host,
      ownerPid: dead,
      lastSignOfLife: ago(1_000),
    });
    const ended = NOW.toISOString();
    expect(await statuses(store)).toEqual({
      'dead-here': ['interrupted', ended],
      'alive-here': ['running', null],
      'silent-here': ['interrupted', ended],
      'fresh-elsewhere': ['running', null],
      'stale-elsewhere': ['interrupted', ended],
      'legacy-old': ['interrupted', ended],
      'legacy-recent': ['running', null],
      finished: ['finished', null],
      failed: ['failed', null],
    });
    // A second sweep (another process starting at the same moment) finds nothing more to do.
    expect(await markInterruptedImportRuns(store.db, { now: () => NOW })).toEqual([]);

    const { items } = await listImportRuns(store.db);
    expect(items.find((run) => run.source === 'dead-here')).toMatchObject({
      status: 'interrupted',
      finishedAt: ended,
      ownerHost: currentImportRunOwner().host,
      ownerPid: dead,
      heartbeatAt: ago(1_000),
    });
  });

  it('records signs of life while an import waits (a stalled download), so sweeps see it alive', async () => {
    const store = await ctx.openFresh();
    await migrateToLatest(store);
    // A download that sends its header line, then waits until the test lets it finish.
    let finish = () => {};
    let stalledAt = '';
    let stalled = () => {};
    const arrived = new Promise<void>((resolve) => {
      stalled = resolve;
    });
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/csv' });
      response.write('Model,Organization,Country (of organization),Publication date,Model accessibility\n');
      finish = () => response.end('Alpha,Lab A,France,2024-01-02,API access\n');
      stalledAt = new Date().toISOString();
      stalled();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/models.csv`;
      const importing = runImport(store.db, { kind: 'epoch', source: url, heartbeatMs: 20 });
      await Promise.race([
        arrived,
        importing.then(() => {
          throw new Error('the import ended before its download stalled');
        }),
      ]);
      const run = async () =>
        store.db.selectFrom('import_runs').selectAll().where('source', '=', url).executeTakeFirst();
      // A heartbeat later than the moment the download stalled: the run gave a sign of life meanwhile.
      for (let i = 0; i < 300; i++) {
        const row = await run();
        if (row && row.heartbeat_at! > stalledAt) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const waiting = await run();
      expect(waiting).toMatchObject({ status: 'running', owner_pid: process.pid, inserted: 0 });
      expect(waiting!.heartbeat_at! > stalledAt).toBe(true);
      // A sweep from this very process leaves it running.
      expect(await markInterruptedImportRuns(store.db)).toEqual([]);
      finish();
      expect(await importing).toMatchObject({ inserted: 1, interruptedRuns: [] });
      expect(await run()).toMatchObject({ status: 'finished' });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
