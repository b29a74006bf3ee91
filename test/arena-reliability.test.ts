import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeam, exportLog, issueToken, parseLogJsonLines, verifyLog } from '../src/arena/index.ts';
import { migrateToLatest, openDatabase } from '../src/store/index.ts';
import { predictionsCsv, seedArena } from './support/arena-fixture.ts';

/*
 * Kill-and-restart: the real `aperture serve` on a SQLite file takes concurrent submissions, is SIGKILLed
 * half-way, restarted, and takes the rest. Every submission the client saw accepted must be stored, the
 * log must hold exactly one entry per stored submission, and its chain must verify.
 */

const ROOT = path.resolve(import.meta.dirname, '..');
const TOTAL = 100;
const CONCURRENCY = 8;
const KILL_AFTER = 40;

function startServer(dbFile: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/bin.ts', 'serve', '--db', dbFile, '--port', '0', '--log-level', 'silent'],
    { cwd: ROOT, env: { ...process.env, DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /serving (http:\/\/\S+) /.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]! });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
}

describe('arena under a killed server', () => {
  let dir: string;
  let dbFile: string;
  const children: ChildProcess[] = [];
  const tokens: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'aperture-arena-kill-'));
    dbFile = path.join(dir, 'arena.db');
    const store = await openDatabase({ file: dbFile, env: {} });
    await migrateToLatest(store);
    const seeded = await seedArena(store.db, {
      dailyCap: 10_000,
      rounds: [
        {
          name: 'round-1',
          opensAt: '2025-03-01T00:00:00.000Z',
          freezesAt: '2025-03-08T00:00:00.000Z',
          closesAt: '2099-01-01T00:00:00.000Z',
        },
      ],
    });
    tokens.push(seeded.tokens.owls, seeded.tokens.foxes);
    for (const slug of ['herons', 'crows', 'wrens', 'jays']) {
      await createTeam(store.db, { slug });
      tokens.push((await issueToken(store.db, slug, 'submit')).token);
    }
    await store.close();
  });

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  });

  it('loses no accepted submission and keeps the chain whole', async () => {
    let server = await startServer(dbFile);
    children.push(server.child);
    const accepted: number[] = [];
    let failed = 0;
    let next = 0;
    let killed = false;
    let restarting: Promise<void> | undefined;

    const sendOne = async (index: number) => {
      const token = tokens[index % tokens.length]!;
      try {
        const response = await fetch(
          `${server.url}/api/arena/benchmarks/fixture-qa/rounds/round-1/submissions`,
          {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({
              format: 'csv',
              predictions: predictionsCsv(index % 11, index % 21).toString(),
            }),
          },
        );
        if (response.ok) accepted.push(((await response.json()) as { submissionId: number }).submissionId);
        else failed++;
      } catch {
        failed++;
      }
    };

    const worker = async () => {
      while (next < TOTAL) {
        if (restarting) await restarting;
        const index = next++;
        if (index === KILL_AFTER && !killed) {
          killed = true;
          const dying = server.child;
          restarting = (async () => {
            dying.kill('SIGKILL');
            await new Promise((resolve) => dying.once('exit', resolve));
            server = await startServer(dbFile);
            children.push(server.child);
          })();
        }
        await sendOne(index);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    if (restarting) await restarting;

    const log = await fetch(`${server.url}/api/arena/log`).then((response) => response.text());
    server.child.kill('SIGTERM');
    await new Promise((resolve) => server.child.once('exit', resolve));

    const store = await openDatabase({ file: dbFile, env: {} });
    try {
      const stored = await store.db.selectFrom('submissions').select('id').execute();
      const ids = new Set(stored.map((row) => row.id));
      expect(killed).toBe(true);
      expect(accepted.length).toBeGreaterThan(TOTAL / 2);
      for (const id of accepted) expect(ids.has(id), `accepted submission ${id} is stored`).toBe(true);
      // Requests cut by the kill may or may not have committed; nothing else may be missing or extra.
      expect(stored.length).toBeGreaterThanOrEqual(accepted.length);
      expect(stored.length).toBeLessThanOrEqual(accepted.length + failed);
      const exported = await exportLog(store.db);
      expect(exported.count).toBe(stored.length);
      expect(verifyLog(exported.entries)).toMatchObject({ ok: true, count: stored.length });
      const parsed = parseLogJsonLines(log);
      expect(parsed.ok && verifyLog(parsed.entries)).toMatchObject({ ok: true, count: stored.length });
    } finally {
      await store.close();
    }
  }, 180_000);
});
