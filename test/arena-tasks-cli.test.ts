import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { runCli } from '../src/cli/test-support/recording-io.ts';
import { forEachDialect } from './support/dialects.ts';

const TASKS_YAML = `slug: cli-tasks
title: CLI tasks
metric: accuracy
labels: [pos, neg]
ladder: { kind: fixed, step: 0.01 }
dailyCap: 3
rounds:
  - { name: round-1, opensAt: 2025-01-01T00:00:00Z, freezesAt: 2025-01-01T00:00:00Z, closesAt: 2099-01-01T00:00:00Z }
tasks:
  - { id: sentiment, title: Sentiment }
  - { id: rating, title: Rating, metric: rmse }
`;

const SINGLE_YAML = `slug: cli-single
title: CLI single
metric: exact-match
ladder: { kind: parameter-free }
dailyCap: 5
rounds:
  - { name: round-1, opensAt: 2025-01-01T00:00:00Z, freezesAt: 2025-01-01T00:00:00Z, closesAt: 2099-01-01T00:00:00Z }
`;

const FILES: Record<string, string> = {
  'tasks.yaml': TASKS_YAML,
  'single.yaml': SINGLE_YAML,
  'sentiment-public.csv': 'id,label\nsp1,pos\nsp2,neg\n',
  'sentiment-private.csv': 'id,label\nsh1,neg\nsh2,pos\n',
  'rating-public.csv': 'id,label\nrp1,1\nrp2,3\n',
  'rating-private.jsonl': '{"id":"rh1","label":4}\n{"id":"rh2","label":2}\n',
  'sentiment.csv': 'id,prediction\nsp1,pos\nsp2,pos\nsh1,neg\nsh2,neg\n',
  'rating.csv': 'id,prediction\nrp1,2\nrp2,4\nrh1,4\nrh2,4\n',
};

/** The only line of stderr: an error is one line. */
function oneLine(stderr: string): string {
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  return lines[0]!;
}

forEachDialect('aperture arena with several tasks', (ctx) => {
  it('adds items, submits, prints leaderboards and closes a round per task', async () => {
    const { args, env } = ctx.cli();
    const dir = ctx.tempDir;
    const run = (argv: string[]) => runCli(['arena', ...argv, ...args], { env, cwd: dir });
    for (const [name, text] of Object.entries(FILES)) await writeFile(path.join(dir, name), text);

    expect((await run(['create', 'tasks.yaml'])).stdout).toContain('created benchmark cli-tasks');
    expect((await run(['create', 'single.yaml'])).code).toBe(0);
    const list = await run(['list']);
    expect(list.stdout.split('\n')).toEqual(
      expect.arrayContaining([
        'cli-single\texact-match\tCLI single',
        'cli-tasks\taccuracy\tCLI tasks\ttasks: sentiment (accuracy), rating (rmse)',
      ]),
    );
    const listed = JSON.parse((await run(['list', '--json'])).stdout);
    expect(
      listed.items.map((item: { tasks: { id: string }[] }) => item.tasks.map((task) => task.id)),
    ).toEqual(expect.arrayContaining([['main'], ['sentiment', 'rating']]));

    const added = [
      await run(['add-items', 'cli-tasks', 'sentiment-public.csv', '--split', 'public']),
      await run([
        'add-items',
        'cli-tasks',
        'sentiment-private.csv',
        '--split',
        'private',
        '--round',
        'round-1',
        '--task',
        'sentiment',
      ]),
      await run(['add-items', 'cli-tasks', 'rating-public.csv', '--split', 'public', '--task', 'rating']),
      await run([
        'add-items',
        'cli-tasks',
        'rating-private.jsonl',
        '--split',
        'private',
        '--round',
        'round-1',
        '--task',
        'rating',
      ]),
    ];
    expect(added.map((result) => result.stdout)).toEqual([
      'added 2 public item(s) to cli-tasks (task sentiment)\n',
      'added 2 private item(s) to cli-tasks (task sentiment)\n',
      'added 2 public item(s) to cli-tasks (task rating)\n',
      'added 2 private item(s) to cli-tasks (task rating)\n',
    ]);
    const unknownItems = await run([
      'add-items',
      'cli-tasks',
      'rating-public.csv',
      '--split',
      'public',
      '--task',
      'nope',
    ]);
    expect(unknownItems.code).toBe(2);
    expect(oneLine(unknownItems.stderr)).toMatch(
      /^aperture: .*cli-tasks has no task "nope".*sentiment, rating/,
    );

    expect((await run(['team', 'create', 'owls'])).code).toBe(0);
    const token = (await run(['team', 'token', 'owls'])).stdout.trim();
    const sentiment = await run(['submit', 'cli-tasks', 'round-1', 'sentiment.csv', '--token', token]);
    expect(sentiment.stdout, sentiment.stderr).toMatch(
      /^accepted submission \d+ to task sentiment \(sha256 [0-9a-f]{64}\); public score 0\.5 .*; 1\/3 today/,
    );
    const rating = await run([
      'submit',
      'cli-tasks',
      'round-1',
      'rating.csv',
      '--task',
      'rating',
      '--token',
      token,
      '--json',
    ]);
    expect(JSON.parse(rating.stdout)).toMatchObject({
      task: 'rating',
      team: 'owls',
      publicScore: 1,
      improved: true,
      submissionsToday: 2,
    });
    const unknownSubmit = await run([
      'submit',
      'cli-tasks',
      'round-1',
      'rating.csv',
      '--task',
      'nope',
      '--token',
      token,
    ]);
    expect(unknownSubmit.code).toBe(2);
    expect(oneLine(unknownSubmit.stderr)).toContain('has no task "nope"');

    const primary = await run(['leaderboard', 'cli-tasks']);
    expect(primary.stdout).toContain(
      'CLI tasks, round-1, task sentiment (Sentiment; tasks: sentiment, rating): public leaderboard',
    );
    expect(primary.stdout).toMatch(/accuracy/);
    expect(primary.stdout).toMatch(/owls\s+│\s+0\.5000/);
    const ratings = await run(['leaderboard', 'cli-tasks', '--task', 'rating']);
    expect(ratings.stdout).toContain('task rating (Rating; tasks: sentiment, rating)');
    expect(ratings.stdout).toMatch(/│\s*rmse\s*│/);
    expect(ratings.stdout).toMatch(/owls\s+│\s+1\.0000/);
    const json = JSON.parse((await run(['leaderboard', 'cli-tasks', '--task', 'rating', '--json'])).stdout);
    expect(json).toMatchObject({
      task: { id: 'rating', metric: 'rmse', higherIsBetter: false },
      tasks: ['sentiment', 'rating'],
      entries: [{ team: 'owls', score: 1 }],
    });
    const csv = await run(['leaderboard', 'cli-tasks', '--task', 'rating', '--csv']);
    expect(csv.stdout.split('\n')[1]).toMatch(/^1,owls,1,/);
    const unknownBoard = await run(['leaderboard', 'cli-tasks', '--task', 'nope']);
    expect(unknownBoard.code).toBe(2);
    expect(oneLine(unknownBoard.stderr)).toContain('has no task "nope"');

    const closed = await run(['close-round', 'cli-tasks', 'round-1', '--force']);
    expect(closed.code, closed.stderr).toBe(0);
    expect(closed.stdout).toMatch(
      /^closed cli-tasks round-1 at \S+Z, before its scheduled close at 2099-01-01T00:00:00\.000Z: 2 tasks\n/,
    );
    const sections = closed.stdout.split(/\n(?=task )/);
    expect(sections).toHaveLength(3);
    expect(sections[1]).toMatch(/^task sentiment \(accuracy\): 1 team\(s\) ranked on 2 private item\(s\)\n/);
    expect(sections[1]).toMatch(/owls\s+│\s+0\.5000/);
    expect(sections[2]).toMatch(/^task rating \(rmse\): 1 team\(s\) ranked on 2 private item\(s\)\n/);
    // Private RMSE: predictions 4 and 4 for 4 and 2.
    expect(sections[2]).toMatch(/owls\s+│\s+1\.4142/);
    const after = JSON.parse((await run(['leaderboard', 'cli-tasks', '--task', 'rating', '--json'])).stdout);
    expect(after).toMatchObject({ kind: 'private', task: { id: 'rating' } });
    expect(after.entries[0].score).toBeCloseTo(Math.SQRT2, 10);
  });

  it('prints a single-task benchmark as before, with no task named', async () => {
    const { args, env } = ctx.cli();
    const run = (argv: string[]) => runCli(['arena', ...argv, ...args], { env, cwd: ctx.tempDir });
    const board = await run(['leaderboard', 'cli-single']);
    expect(board.code, board.stderr).toBe(0);
    expect(board.stdout.split('\n')[0]).toBe(
      "CLI single, round-1: public leaderboard (frozen; scores are the Ladder's releases)",
    );
    expect(board.stdout).not.toContain('task');
    await writeFile(path.join(ctx.tempDir, 'single.csv'), 'id,label\nq1,one\n');
    const added = await run(['add-items', 'cli-single', 'single.csv', '--split', 'public']);
    expect(added.stdout).toBe('added 1 public item(s) to cli-single\n');
    const json = JSON.parse((await run(['leaderboard', 'cli-single', '--json'])).stdout);
    expect(json).toMatchObject({ task: { id: 'main', title: 'CLI single' }, tasks: ['main'] });
    await writeFile(path.join(ctx.tempDir, 'single-private.csv'), 'id,label\nh1,two\n');
    expect((await run(['add-items', 'cli-single', 'single-private.csv', '--split', 'private'])).code).toBe(0);
    const closed = await run(['close-round', 'cli-single', 'round-1', '--force', '--json']);
    expect(closed.code, closed.stderr).toBe(0);
    expect(JSON.parse(closed.stdout)).toMatchObject({
      items: 1,
      entries: [],
      tasks: [{ task: 'main', metric: 'exact-match', items: 1, entries: [] }],
    });
  });
});
