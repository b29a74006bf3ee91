/**
 * A killed import (hardening): the real `aperture import hf …` runs in a child process, commits its first
 * page of models, hangs on the next, and is killed with SIGKILL. While it lives, another import leaves its
 * run alone; once it is dead, the next import, or the next `aperture serve`, marks its run interrupted with
 * an end time, keeping the batches it committed; `aperture import-runs` and GET /api/import-runs show it.
 * SQLite and PostgreSQL.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { serveCommand } from '../src/cli/serve-command.ts';
import { recordingIo, runCli } from '../src/cli/test-support/recording-io.ts';
import { runImport } from '../src/observatory/index.ts';
import { type DatabaseHandle, migrateToLatest } from '../src/store/index.ts';
import { type DialectContext, forEachDialect } from './support/dialects.ts';
import { type HubReplayServer, startHubReplayServer } from './support/hub-replay-server.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
/** Entries per listing page: the child commits the first page, then hangs on the second. */
const PAGE = 3;

const CSV = [
  'Model,Organization,Country (of organization),Publication date,Model accessibility',
  'Alpha,Lab A,United States of America,2024-01-02,Open weights (unrestricted)',
  'Beta,Lab B,China,2024-03,API access',
  '',
].join('\n');

let hub: HubReplayServer;
const children: ChildProcess[] = [];

beforeAll(async () => {
  hub = await startHubReplayServer({ listingPageSize: PAGE });
  // Every page after the first never answers: the import waits there until it is killed.
  hub.faults.push({ match: /^\/api\/models\?.*cursor=/, hang: true });
});

afterAll(async () => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await hub.close();
});

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Starts `aperture import hf example-lab` in a child process on the block's database and returns once
 * its first page is committed and it waits for the second: the child and its run id.
 */
async function startHangingImport(ctx: DialectContext, store: DatabaseHandle) {
  const { args, env } = ctx.cli();
  const before = await store.db.selectFrom('import_runs').select('id').execute();
  const known = new Set(before.map((row) => row.id));
  const listed = hub.requests.length;
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/cli/bin.ts',
      'import',
      'hf',
      'example-lab',
      '--endpoint',
      hub.url,
      '--batch-size',
      '1',
      '--json',
      ...args,
    ],
    { cwd: ROOT, env: { ...process.env, DATABASE_URL: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.push(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const run = await waitFor(`the child's first page (${output})`, async () => {
    if (child.exitCode !== null) throw new Error(`the import exited with ${child.exitCode}: ${output}`);
    const hung = hub.requests.slice(listed).some((request) => request.path.includes('cursor='));
    if (!hung) return undefined;
    const rows = await store.db
      .selectFrom('import_runs')
      .select(['id', 'status', 'inserted', 'updated', 'rejected', 'owner_pid'])
      .where('kind', '=', 'hf')
      .execute();
    // A second run finds the first run's models there and updates them.
    return rows.find((row) => !known.has(row.id) && row.inserted + row.updated + row.rejected >= PAGE);
  });
  expect(run).toMatchObject({ status: 'running', owner_pid: child.pid });
  return { child, run: run.id };
}

async function killHard(child: ChildProcess): Promise<void> {
  const exited = once(child, 'exit');
  child.kill('SIGKILL');
  await exited;
}

const runOf = (store: DatabaseHandle, id: number) =>
  store.db.selectFrom('import_runs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

forEachDialect('a killed aperture import', (ctx) => {
  let dir = '';
  let store: DatabaseHandle;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'aperture-import-killed-'));
    await writeFile(path.join(dir, 'models.csv'), CSV);
    store = await ctx.open();
    await migrateToLatest(store);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('stays running while its process lives, and the next import marks it interrupted once killed', async () => {
    const { child, run } = await startHangingImport(ctx, store);

    // A concurrent import while the child lives: the child's run is not touched.
    const concurrent = await runImport(store.db, { kind: 'epoch', source: 'models.csv', cwd: dir });
    expect(concurrent.interruptedRuns).toEqual([]);
    expect(await runOf(store, run)).toMatchObject({ status: 'running', finished_at: null });
    expect(await runOf(store, concurrent.run)).toMatchObject({ status: 'finished' });

    await killHard(child);
    const committed = await runOf(store, run);
    expect(committed).toMatchObject({ status: 'running', finished_at: null });

    const { args, env } = ctx.cli();
    const next = await runCli(['import', 'epoch', 'models.csv', ...args], { env, cwd: dir });
    expect(next.code, next.stderr).toBe(0);
    expect(next.stderr).toContain(
      `run ${run} (hf example-lab) marked interrupted: its process ${child.pid} on `,
    );
    const interrupted = await runOf(store, run);
    expect(interrupted).toMatchObject({
      status: 'interrupted',
      owner_pid: child.pid,
      // What the killed import committed stays, counted.
      inserted: committed.inserted,
      rejected: committed.rejected,
    });
    expect(interrupted.finished_at).not.toBeNull();
    expect(interrupted.finished_at! >= interrupted.heartbeat_at!).toBe(true);
    const models = await store.db
      .selectFrom('models')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('source', '=', 'hf')
      .executeTakeFirstOrThrow();
    expect(Number(models.count)).toBe(committed.inserted);

    const listed = await runCli(['import-runs', ...args], { env, cwd: dir });
    expect(listed.code, listed.stderr).toBe(0);
    const line = listed.stdout.split('\n').find((text) => text.includes('example-lab'));
    expect(line).toMatch(/interrupted/);
    const json = JSON.parse((await runCli(['import-runs', '--json', ...args], { env, cwd: dir })).stdout);
    expect(json.items.find((item: { id: number }) => item.id === run)).toMatchObject({
      status: 'interrupted',
      ownerPid: child.pid,
    });
  }, 180_000);

  it('is marked interrupted when aperture serve starts, and the API shows it', async () => {
    const { child, run } = await startHangingImport(ctx, store);
    await killHard(child);
    expect(await runOf(store, run)).toMatchObject({ status: 'running' });

    const { args, env } = ctx.cli();
    const io = recordingIo({ cwd: dir, env });
    let page: { items: Array<{ id: number; status: string; finishedAt: string | null; ownerPid: number }> } =
      {
        items: [],
      };
    await serveCommand(io, {
      waitForShutdown: async (url) => {
        page = (await (await fetch(`${url}/api/import-runs`)).json()) as typeof page;
      },
    })
      .exitOverride()
      .parseAsync(['--port', '0', '--log-level', 'silent', ...args], { from: 'user' });
    expect(io.out()).toContain(
      `run ${run} (hf example-lab) marked interrupted: its process ${child.pid} on `,
    );
    const shown = page.items.find((item) => item.id === run);
    expect(shown).toMatchObject({ status: 'interrupted', ownerPid: child.pid });
    expect(shown?.finishedAt).toEqual(expect.any(String));
  }, 180_000);
});
