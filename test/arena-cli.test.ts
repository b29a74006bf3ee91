import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import {
  exportLog,
  leaderboard,
  listBenchmarks,
  loadDemoArena,
  verifyLog,
  verifyStoreLog,
} from '../src/arena/index.ts';
import { runCli } from '../src/cli/test-support/recording-io.ts';
import { migrateToLatest } from '../src/store/index.ts';
import { forEachDialect } from './support/dialects.ts';

const YAML = `slug: cli-bench
title: CLI bench
metric: exact-match
ladder: { kind: parameter-free }
dailyCap: 5
rounds:
  - { name: round-1, opensAt: 2025-01-01T00:00:00Z, freezesAt: 2025-01-01T00:00:00Z, closesAt: 2099-01-01T00:00:00Z }
`;

forEachDialect('aperture arena', (ctx) => {
  it('creates, adds items, issues a token, takes a submission, prints and verifies the log', async () => {
    const { args, env } = ctx.cli();
    const dir = ctx.tempDir;
    const run = (argv: string[]) => runCli(['arena', ...argv, ...args], { env, cwd: dir });
    await writeFile(path.join(dir, 'bad.yaml'), 'slug: Bad Slug\ntitle: x\nmetric: f2\ndailyCap: 0\n');
    const bad = await run(['create', 'bad.yaml']);
    expect(bad.code).toBe(2);
    // Every problem on its own line, `file:line:column: field: message`, as `validate` prints a manifest's.
    expect(bad.stderr.split('\n')).toEqual([
      'bad.yaml:1:1: ladder: is required',
      'bad.yaml:1:7: slug: use lowercase letters, digits and dashes (e.g. "round-1")',
      expect.stringMatching(/^bad\.yaml:3:9: metric: unknown metric/),
      'bad.yaml:4:11: dailyCap: must be at least 1',
      'aperture: 4 problem(s) in bad.yaml; no benchmark was created',
      '',
    ]);

    await writeFile(path.join(dir, 'bench.yaml'), YAML);
    expect((await run(['create', 'bench.yaml'])).stdout).toContain('created benchmark cli-bench');
    await writeFile(path.join(dir, 'public.csv'), 'id,label\nq1,one\nq2,two\n');
    await writeFile(
      path.join(dir, 'private.jsonl'),
      '{"id":"h1","label":"three"}\n{"id":"h2","label":"four"}\n',
    );
    expect((await run(['add-items', 'cli-bench', 'public.csv', '--split', 'public'])).code).toBe(0);
    const added = await run([
      'add-items',
      'cli-bench',
      'private.jsonl',
      '--split',
      'private',
      '--round',
      'round-1',
    ]);
    expect(added.stdout, added.stderr).toContain('added 2 private item(s)');
    expect((await run(['team', 'create', 'owls'])).code).toBe(0);
    const issued = await run(['team', 'token', 'owls']);
    const token = issued.stdout.trim();
    expect(token).toMatch(/^apt_[0-9a-f]{24}_/);
    const tokenId = token.split('_')[1]!;
    expect(issued.stderr).toContain(`token ${tokenId} for owls (submit)`);
    await writeFile(path.join(dir, 'p.csv'), 'id,prediction\nq1,one\nq2,x\nh1,three\nh2,x\n');
    const submitted = await run(['submit', 'cli-bench', 'round-1', 'p.csv', '--token', token]);
    expect(submitted.stdout, submitted.stderr).toContain('public score 0.5');
    const refused = await run(['submit', 'cli-bench', 'round-1', 'p.csv', '--token', `${token}x`]);
    expect(refused.code).toBe(2);

    const table = await run(['leaderboard', 'cli-bench']);
    expect(table.stdout).toContain('public leaderboard');
    expect(table.stdout).toMatch(/owls\s+│\s+0\.5000/);
    const csv = await run(['leaderboard', 'cli-bench', '--csv']);
    expect(csv.stdout.split('\n')[0]).toBe('rank,team,score,lower,upper,submissions,lastSubmissionAt,prizes');
    const json = JSON.parse((await run(['leaderboard', 'cli-bench', '--json'])).stdout);
    expect(json.entries[0]).toMatchObject({ team: 'owls', score: 0.5 });

    expect((await run(['export-log', 'log.jsonl'])).stdout).toContain('wrote 1 log entries');
    const verified = await runCli(['arena', 'verify-log', 'log.jsonl'], { cwd: dir });
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain('the chain verifies (1 entries');
    const text = await readFile(path.join(dir, 'log.jsonl'), 'utf8');
    await writeFile(path.join(dir, 'tampered.jsonl'), text.replace('"team":"owls"', '"team":"foxes"'));
    const broken = await runCli(['arena', 'verify-log', 'tampered.jsonl'], { cwd: dir });
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('entry 0 is the first broken entry: hash does not match');

    // Revoked by the id the token shows (never a guessable row number), the token is refused.
    expect((await run(['team', 'revoke', '1'])).stderr).toContain('no active token 1');
    expect((await run(['team', 'revoke', tokenId])).stdout).toBe(`revoked token ${tokenId}\n`);
    expect((await run(['submit', 'cli-bench', 'round-1', 'p.csv', '--token', token])).code).toBe(2);
  });

  it('prints public scores rounded, not with the float noise of 1 − loss', async () => {
    const { args, env } = ctx.cli();
    const dir = ctx.tempDir;
    const run = (argv: string[]) => runCli(['arena', ...argv, ...args], { env, cwd: dir });
    // Ten public items and a fixed Ladder step of 0.01: 3 right is a loss of 0.7, released as 70 × 0.01,
    // and an accuracy of 1 − 0.7000000000000001 = 0.29999999999999993.
    await writeFile(
      path.join(dir, 'noisy.yaml'),
      YAML.replace('slug: cli-bench', 'slug: cli-noisy').replace(
        '{ kind: parameter-free }',
        '{ kind: fixed, step: 0.01 }',
      ),
    );
    expect((await run(['create', 'noisy.yaml'])).code).toBe(0);
    const ids = Array.from({ length: 10 }, (_, i) => i);
    await writeFile(
      path.join(dir, 'noisy-public.csv'),
      `id,label\n${ids.map((i) => `q${i},a${i}`).join('\n')}\n`,
    );
    await writeFile(path.join(dir, 'noisy-private.csv'), 'id,label\nh1,b1\n');
    expect((await run(['add-items', 'cli-noisy', 'noisy-public.csv', '--split', 'public'])).code).toBe(0);
    expect(
      (await run(['add-items', 'cli-noisy', 'noisy-private.csv', '--split', 'private', '--round', 'round-1']))
        .code,
    ).toBe(0);
    expect((await run(['team', 'create', 'herons'])).code).toBe(0);
    const token = (await run(['team', 'token', 'herons'])).stdout.trim();
    const rows = ids.map((i) => `q${i},${i < 3 ? `a${i}` : 'wrong'}`);
    await writeFile(path.join(dir, 'noisy-predictions.csv'), `id,prediction\n${rows.join('\n')}\nh1,b1\n`);
    const submitted = await run([
      'submit',
      'cli-noisy',
      'round-1',
      'noisy-predictions.csv',
      '--token',
      token,
    ]);
    expect(submitted.code, submitted.stderr).toBe(0);
    expect(submitted.stdout).toContain('public score 0.3 (new best)');
    // The JSON keeps the value as computed; only what is printed for people is rounded.
    const json = JSON.parse((await run(['leaderboard', 'cli-noisy', '--json'])).stdout);
    expect(json.entries[0].score).toBeCloseTo(0.3, 12);
  });

  it('loads the fictional demo arena once, with a closed round and a verifying log', async () => {
    const store = await ctx.openFresh();
    await migrateToLatest(store);
    const first = await loadDemoArena(store.db);
    // 3 teams × 3 attempts × 2 rounds on the one-task benchmark, and on each task of the two-task one.
    expect(first).toEqual({ loaded: ['demo-toy-sentiment', 'demo-toy-reviews'], submissions: 18 + 36 });
    expect((await loadDemoArena(store.db)).loaded).toEqual([]);
    const benchmarks = await listBenchmarks(store.db);
    expect(
      benchmarks.map((benchmark) => [
        benchmark.slug,
        benchmark.demo,
        benchmark.rounds,
        benchmark.tasks.length,
      ]),
    ).toEqual([
      ['demo-toy-reviews', true, 2, 2],
      ['demo-toy-sentiment', true, 2, 1],
    ]);
    const stars = await leaderboard(store.db, 'demo-toy-reviews', 'round-1', { task: 'stars' });
    expect(stars).toMatchObject({ kind: 'private', task: { metric: 'rmse' } });
    expect(stars.entries).toHaveLength(3);
    const closed = await leaderboard(store.db, 'demo-toy-sentiment', 'round-1');
    expect(closed.kind).toBe('private');
    expect(closed.entries.map((entry) => entry.team)).toContain('demo-owls');
    const log = await exportLog(store.db);
    // 54 submissions, and the closes of round-1: one entry per task (1 + 2).
    expect(verifyLog(log.entries)).toMatchObject({ ok: true, count: 57 });
    expect(await verifyStoreLog(store.db)).toMatchObject({ ok: true, count: 57, submissions: 54, closes: 3 });
  });
});
