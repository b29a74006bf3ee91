import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { runCli } from '../src/cli/test-support/recording-io.ts';
import { migrateToLatest } from '../src/store/index.ts';
import { forEachDialect } from './support/dialects.ts';
import { roundOnePrivateNumbers, seedSharedPrivateRounds } from './support/shared-private-rounds.ts';

/*
 * The CLI side of "a private item is scored in one round only" (docs/arena.md): refusals are one line
 * with exit code 2, and a database that already reuses private items prints none of a closed round's
 * private scores while another round still scores the same items.
 */

const YAML = `slug: cli-rounds
title: CLI rounds
metric: exact-match
ladder: { kind: fixed, step: 0.01 }
dailyCap: 5
rounds:
  - { name: round-1, opensAt: 2025-01-01T00:00:00Z, freezesAt: 2025-01-02T00:00:00Z, closesAt: 2025-01-09T00:00:00Z }
  - { name: round-2, opensAt: 2025-02-01T00:00:00Z, freezesAt: 2025-02-02T00:00:00Z, closesAt: 2099-01-01T00:00:00Z }
`;

/** How the CLI prints a number of a board: four decimals. */
const printed = (value: number) => value.toFixed(4);

forEachDialect('aperture arena, private items in one round', (ctx) => {
  const run = (argv: string[]) => {
    const { args, env } = ctx.cli();
    return runCli(['arena', ...argv, ...args], { env, cwd: ctx.tempDir });
  };

  it('refuses private items without --round on a benchmark of several rounds, and a round reusing them', async () => {
    await writeFile(path.join(ctx.tempDir, 'rounds.yaml'), YAML);
    await writeFile(
      path.join(ctx.tempDir, 'one-round.yaml'),
      YAML.replace('slug: cli-rounds', 'slug: cli-one-round').replace(/ {2}- \{ name: round-2.*\n/, ''),
    );
    await writeFile(path.join(ctx.tempDir, 'private.csv'), 'id,label\nh1,one\nh2,two\n');
    expect((await run(['create', 'rounds.yaml'])).code).toBe(0);
    expect((await run(['create', 'one-round.yaml'])).stdout).toContain('(exact-match; 1 round(s)');

    const refused = await run(['add-items', 'cli-rounds', 'private.csv', '--split', 'private']);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe(
      'aperture: benchmark cli-rounds has 2 rounds and a private item is scored in one round only: name its round (round-1, round-2)\n',
    );

    const shared = await run(['add-items', 'cli-one-round', 'private.csv', '--split', 'private']);
    expect(shared.stdout, shared.stderr).toBe('added 2 private item(s) to cli-one-round\n');
    const opened = await run([
      'open-round',
      'cli-one-round',
      'round-2',
      '--opens',
      '2025-02-01T00:00:00Z',
      '--freezes',
      '2025-02-02T00:00:00Z',
      '--closes',
      '2099-01-01T00:00:00Z',
    ]);
    expect(opened.code).toBe(2);
    expect(opened.stderr).toBe(
      'aperture: benchmark cli-one-round scores its 2 private item(s) without a round in round-1; a private item is scored in one round only, so it takes no second round: run later rounds on a new benchmark whose private items name their round\n',
    );
    expect((await run(['add-items', '--help'])).stdout).toContain('Exit codes: 0 added, 2 refused');
    expect((await run(['open-round', '--help'])).stdout).toContain('Exit codes: 0 opened, 2 refused');
  });

  it('prints no private score of a round whose private items another round still scores', async () => {
    const store = await ctx.open();
    await migrateToLatest(store);
    await seedSharedPrivateRounds(store.db, { slug: 'cli-closed' });
    await seedSharedPrivateRounds(store.db, { slug: 'cli-ended', closeRoundOne: false });
    const reason =
      'round-2 still scores the same private items; shown once round-2 closes (scheduled 2099-01-01T00:00:00.000Z)';

    const board = await run(['leaderboard', 'cli-closed', '--round', 'round-1']);
    expect(board.stdout.split('\n')[0]).toBe(
      `Legacy shared rounds, round-1: public leaderboard (closed; scores are the Ladder's releases; private results withheld: ${reason})`,
    );
    const json = await run(['leaderboard', 'cli-closed', '--round', 'round-1', '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ kind: 'public', withheld: { reason } });
    const csv = await run(['leaderboard', 'cli-closed', '--round', 'round-1', '--csv']);
    expect(csv.stdout.split('\n').slice(1, 3)).toEqual([
      expect.stringMatching(/^1,owls,0,,,1,/),
      expect.stringMatching(/^2,foxes,1,,,1,/),
    ]);

    const closed = await run(['close-round', 'cli-ended', 'round-1']);
    expect(closed.code, closed.stderr).toBe(0);
    // Closed after its scheduled time (2025-01-09): the line gives the time of the close alone.
    expect(closed.stdout).toMatch(/^closed cli-ended round-1 at 20\d\d-\S+Z: private results withheld: /);
    expect(closed.stdout.endsWith(`: private results withheld: ${reason}\n`)).toBe(true);
    const closedJson = await run(['leaderboard', 'cli-ended', '--round', 'round-1', '--json']);
    expect(JSON.parse(closedJson.stdout)).toMatchObject({ kind: 'public', withheld: { reason } });

    const secrets = [
      ...(await roundOnePrivateNumbers(store.db, 'cli-closed')),
      ...(await roundOnePrivateNumbers(store.db, 'cli-ended')),
    ];
    expect(secrets.length).toBeGreaterThan(8);
    const out = [board, json, csv, closed, closedJson].map((result) => result.stdout).join('\n');
    expect(secrets.filter((secret) => out.includes(String(secret)) || out.includes(printed(secret)))).toEqual(
      [],
    );
  });
});
