import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import {
  addItems,
  BenchmarkDefinitionSchema,
  benchmarkDetail,
  closeRound,
  createBenchmark,
  createTeam,
  exportLog,
  issueToken,
  leaderboard,
  listBenchmarks,
  listRounds,
  parseBenchmarkDefinition,
  resolveTasks,
  submitPredictions,
  teamHistory,
  validateBenchmarkDefinition,
  verifyLog,
  verifyStoreLog,
} from '../src/arena/index.ts';
import { formatDocumentIssue } from '../src/spec/index.ts';
import { type Database, migrateToLatest } from '../src/store/index.ts';
import { forEachDialect } from './support/dialects.ts';
import { storeAtMigration } from './support/store-at-migration.ts';

const DURING = new Date('2025-03-10T12:00:00.000Z');
const AFTER = new Date('2025-03-20T00:00:00.000Z');

/** Two tasks on one benchmark: a labelled sentiment task (accuracy) and a rating task (RMSE, lower is better). */
const TWO_TASKS = {
  slug: 'reviews',
  title: 'Reviews',
  labels: ['pos', 'neg'],
  tasks: [
    { id: 'sentiment', title: 'Sentiment', metric: 'accuracy' },
    { id: 'rating', title: 'Star rating', description: 'Predict 1–5 stars.', metric: 'rmse' },
  ],
  ladder: { kind: 'fixed', step: 0.01 },
  dailyCap: 4,
  rounds: [
    {
      name: 'round-1',
      opensAt: '2025-03-01T00:00:00Z',
      freezesAt: '2025-03-08T00:00:00Z',
      closesAt: '2025-03-15T00:00:00Z',
    },
  ],
};

const SENTIMENT_PUBLIC = ['pos', 'neg', 'pos', 'neg'];
const SENTIMENT_PRIVATE = ['pos', 'pos', 'neg', 'neg', 'pos', 'neg'];
const RATING_PUBLIC = [1, 2, 3, 4];
const RATING_PRIVATE = [5, 4, 3, 2, 1, 3];

async function seedTwoTasks(db: Kysely<Database>) {
  await createBenchmark(db, BenchmarkDefinitionSchema.parse(TWO_TASKS));
  const items = (prefix: string, labels: readonly unknown[]) =>
    labels.map((label, index) => ({
      id: `${prefix}${index}`,
      label: typeof label === 'number' ? String(label) : label,
    }));
  await addItems(db, {
    benchmark: 'reviews',
    task: 'sentiment',
    split: 'public',
    items: items('sp', SENTIMENT_PUBLIC),
  });
  await addItems(db, {
    benchmark: 'reviews',
    task: 'sentiment',
    split: 'private',
    items: items('sh', SENTIMENT_PRIVATE),
  });
  await addItems(db, {
    benchmark: 'reviews',
    task: 'rating',
    split: 'public',
    items: items('rp', RATING_PUBLIC),
  });
  await addItems(db, {
    benchmark: 'reviews',
    task: 'rating',
    split: 'private',
    items: items('rh', RATING_PRIVATE),
  });
  await createTeam(db, { slug: 'owls', name: 'Owls' });
  await createTeam(db, { slug: 'foxes', name: 'Foxes' });
  return {
    owls: (await issueToken(db, 'owls', 'submit')).token,
    foxes: (await issueToken(db, 'foxes', 'submit')).token,
  };
}

/** Sentiment predictions: the first `publicRight` public and `privateRight` private items right. */
function sentimentCsv(publicRight: number, privateRight: number): Buffer {
  const flip = (label: string) => (label === 'pos' ? 'neg' : 'pos');
  const rows = [
    ...SENTIMENT_PUBLIC.map((label, i) => `sp${i},${i < publicRight ? label : flip(label)}`),
    ...SENTIMENT_PRIVATE.map((label, i) => `sh${i},${i < privateRight ? label : flip(label)}`),
  ];
  return Buffer.from(`id,prediction\n${rows.join('\n')}\n`);
}

/** Rating predictions off by `publicError` on public items and `privateError` on private ones. */
function ratingCsv(publicError: number, privateError: number): Buffer {
  const rows = [
    ...RATING_PUBLIC.map((value, i) => `rp${i},${value + publicError}`),
    ...RATING_PRIVATE.map((value, i) => `rh${i},${value + privateError}`),
  ];
  return Buffer.from(`id,prediction\n${rows.join('\n')}\n`);
}

describe('benchmark definitions with tasks', () => {
  it('gives a definition without tasks the one task main, titled like the benchmark', () => {
    const definition = BenchmarkDefinitionSchema.parse({
      ...TWO_TASKS,
      tasks: undefined,
      metric: 'accuracy',
    });
    expect(resolveTasks(definition)).toEqual([
      { id: 'main', title: 'Reviews', description: '', metric: 'accuracy', labels: ['pos', 'neg'] },
    ]);
  });

  it('applies the benchmark metric and labels to tasks that leave them out', () => {
    const definition = BenchmarkDefinitionSchema.parse({
      ...TWO_TASKS,
      metric: 'accuracy',
      tasks: [{ id: 'a' }, { id: 'b', metric: 'rmse' }, { id: 'c', labels: ['x', 'y', 'z'] }],
    });
    expect(resolveTasks(definition)).toEqual([
      { id: 'a', title: 'a', description: '', metric: 'accuracy', labels: ['pos', 'neg'] },
      { id: 'b', title: 'b', description: '', metric: 'rmse', labels: undefined },
      { id: 'c', title: 'c', description: '', metric: 'accuracy', labels: ['x', 'y', 'z'] },
    ]);
  });

  it('names every problem of bad tasks with its path, line and column, in source order', () => {
    const yaml = [
      'slug: bad',
      'title: Bad',
      'ladder: { kind: parameter-free }',
      'dailyCap: 1',
      'tasks:',
      '  - id: one',
      '    metric: macro-f1',
      '  - id: one',
      '    metric: rmse',
      '    labels: [a, b]',
      '  - id: three',
      '  - id: Four',
      '    metric: rmse',
    ].join('\n');
    const checked = validateBenchmarkDefinition(yaml, 'bad.yaml');
    expect(checked.ok || checked.issues.map((issue) => formatDocumentIssue('bad.yaml', issue))).toEqual([
      'bad.yaml:6:5: tasks.0.labels: macro-f1 needs the label set',
      'bad.yaml:8:9: tasks.1.id: "one" repeats',
      'bad.yaml:10:13: tasks.1.labels: rmse takes no label set',
      'bad.yaml:11:5: tasks.2.metric: name a metric here or at the top of the benchmark',
      expect.stringMatching(/^bad\.yaml:12:9: tasks\.3\.id: use lowercase/),
    ]);
    expect(() => parseBenchmarkDefinition(yaml, 'bad.yaml')).toThrow(
      'bad.yaml:6:5: tasks.0.labels: macro-f1 needs the label set (and 4 more problem(s))',
    );
  });

  it('refuses a benchmark with neither tasks nor a metric', () => {
    expect(() =>
      parseBenchmarkDefinition('slug: x\ntitle: X\nladder: {kind: parameter-free}\ndailyCap: 1\n', 'x.yaml'),
    ).toThrow('x.yaml:1:1: metric: a benchmark needs a metric');
  });
});

forEachDialect('arena tasks', (ctx) => {
  it('scores each task with its own metric, Ladder and leaderboard, under one daily cap', async () => {
    const store = await ctx.openFresh();
    await migrateToLatest(store);
    const tokens = await seedTwoTasks(store.db);
    const submit = (token: string, task: string | undefined, bytes: Buffer, now = DURING) =>
      submitPredictions(
        store.db,
        { benchmark: 'reviews', round: 'round-1', task, token, bytes, format: 'csv' },
        { now },
      );

    // The primary task is the default.
    const first = await submit(tokens.owls, undefined, sentimentCsv(3, 5));
    expect(first).toMatchObject({
      task: 'sentiment',
      improved: true,
      publicScore: 0.75,
      submissionsToday: 1,
    });
    // The rating task has its own Ladder: the team's first rating submission is released.
    const rating = await submit(tokens.owls, 'rating', ratingCsv(0.5, 1));
    expect(rating).toMatchObject({ task: 'rating', improved: true, publicScore: 0.5, submissionsToday: 2 });
    // The Ladder releases the loss (squared error 0.0625) rounded to its step: √0.06 is shown.
    const better = await submit(tokens.owls, 'rating', ratingCsv(0.25, 0.5));
    expect(better).toMatchObject({ improved: true, publicScore: Math.sqrt(0.06) });
    // Worse RMSE is not an improvement (lower is better).
    const worse = await submit(tokens.owls, 'rating', ratingCsv(1, 0));
    expect(worse).toMatchObject({ improved: false, publicScore: Math.sqrt(0.06), submissionsToday: 4 });
    // The cap counts every task of the benchmark.
    await expect(submit(tokens.owls, 'sentiment', sentimentCsv(4, 6))).rejects.toMatchObject({
      code: 'ERR_LIMIT_REACHED',
    });
    await submit(tokens.foxes, 'rating', ratingCsv(-0.1, -0.1));
    await submit(tokens.foxes, 'sentiment', sentimentCsv(4, 2));

    // Predictions are checked against the task's ids and metric.
    await expect(submit(tokens.foxes, 'rating', sentimentCsv(4, 6))).rejects.toMatchObject({
      code: 'ERR_INVALID_INPUT',
    });
    await expect(submit(tokens.foxes, 'topic', sentimentCsv(4, 6))).rejects.toMatchObject({
      code: 'ERR_NOT_FOUND',
      message: 'benchmark reviews has no task "topic"; its tasks are sentiment, rating',
    });

    const sentimentBoard = await leaderboard(store.db, 'reviews', undefined, { now: DURING });
    expect(sentimentBoard.task).toEqual({
      id: 'sentiment',
      title: 'Sentiment',
      metric: 'accuracy',
      higherIsBetter: true,
    });
    expect(sentimentBoard.tasks).toEqual(['sentiment', 'rating']);
    expect(sentimentBoard.entries.map((entry) => [entry.team, entry.score, entry.submissions])).toEqual([
      ['foxes', 1, 1],
      ['owls', 0.75, 1],
    ]);
    const ratingBoard = await leaderboard(store.db, 'reviews', 'round-1', { now: DURING, task: 'rating' });
    expect(ratingBoard.benchmark).toMatchObject({ metric: 'rmse', higherIsBetter: false });
    expect(
      ratingBoard.entries.map((entry) => [entry.rank, entry.team, entry.score, entry.submissions]),
    ).toEqual([
      [1, 'foxes', Math.sqrt(0.01), 1],
      [2, 'owls', Math.sqrt(0.06), 3],
    ]);

    const rounds = await listRounds(store.db, 'reviews', { now: DURING });
    expect(rounds[0]).toMatchObject({
      publicItems: 8,
      privateItems: 12,
      submissions: 6,
      tasks: [
        { id: 'sentiment', publicItems: 4, privateItems: 6, submissions: 2 },
        { id: 'rating', publicItems: 4, privateItems: 6, submissions: 4 },
      ],
    });
    const [summary] = await listBenchmarks(store.db);
    expect(summary).toMatchObject({ metric: 'accuracy', labels: ['pos', 'neg'] });
    expect(summary!.tasks).toEqual([
      {
        id: 'sentiment',
        title: 'Sentiment',
        description: '',
        metric: 'accuracy',
        higherIsBetter: true,
        labels: ['pos', 'neg'],
      },
      {
        id: 'rating',
        title: 'Star rating',
        description: 'Predict 1–5 stars.',
        metric: 'rmse',
        higherIsBetter: false,
        labels: null,
      },
    ]);
    const detail = await benchmarkDetail(store.db, 'reviews');
    expect(detail.publicItems.filter((item) => item.task === 'rating').map((item) => item.label)).toEqual(
      RATING_PUBLIC,
    );
    expect(detail.privateItems.filter((item) => item.task === 'rating')).toHaveLength(6);
    expect(JSON.stringify(detail.privateItems)).not.toContain('label');

    const history = await teamHistory(store.db, 'reviews', 'owls');
    expect(history.submissions.map((entry) => entry.task)).toEqual([
      'sentiment',
      'rating',
      'rating',
      'rating',
    ]);

    // Each task gets a private leaderboard at close; the top level is the primary task's.
    const results = await closeRound(store.db, 'reviews', 'round-1', { now: AFTER });
    expect(results.tasks.map((task) => [task.task, task.metric, task.items])).toEqual([
      ['sentiment', 'accuracy', 6],
      ['rating', 'rmse', 6],
    ]);
    expect(results.entries).toEqual(results.tasks[0]!.entries);
    // Owls' private sentiment: 5 of 6 right; foxes: 2 of 6.
    expect(results.tasks[0]!.entries.map((entry) => [entry.team, entry.score])).toEqual([
      ['owls', 5 / 6],
      ['foxes', expect.closeTo(2 / 6, 12)],
    ]);
    // Owls' best rating submission is the second (private error 0.5); foxes' only one is off by 0.1.
    expect(results.tasks[1]!.entries.map((entry) => [entry.team, entry.score])).toEqual([
      ['foxes', expect.closeTo(0.1, 12)],
      ['owls', 0.5],
    ]);
    expect(results.tasks[1]!.bootstrap.seed).not.toBe(results.tasks[0]!.bootstrap.seed);
    const closedRating = await leaderboard(store.db, 'reviews', 'round-1', { now: AFTER, task: 'rating' });
    expect(closedRating.kind).toBe('private');
    expect(closedRating.entries.map((entry) => entry.team)).toEqual(['foxes', 'owls']);

    // The log names the round for the primary task and round/task for the others, closes each task with
    // an entry of its own, and verifies.
    const { entries: log } = await exportLog(store.db);
    expect(log.map((entry) => [entry.round, 'kind' in entry ? entry.kind : ''])).toEqual([
      ['reviews/round-1', 'submission'],
      ['reviews/round-1/rating', 'submission'],
      ['reviews/round-1/rating', 'submission'],
      ['reviews/round-1/rating', 'submission'],
      ['reviews/round-1/rating', 'submission'],
      ['reviews/round-1', 'submission'],
      ['reviews/round-1', 'close'],
      ['reviews/round-1/rating', 'close'],
    ]);
    expect(verifyLog(log)).toMatchObject({ ok: true, count: 8 });
    expect(await verifyStoreLog(store.db)).toMatchObject({ ok: true, submissions: 6, closes: 2 });

    // A submission moved to another task behind the log is named at its entry.
    const moved = await store.db
      .selectFrom('transparency_log')
      .select('submission_id')
      .where('entry_index', '=', 1)
      .executeTakeFirstOrThrow();
    await store.db
      .updateTable('submissions')
      .set({ task: 'sentiment' })
      .where('id', '=', moved.submission_id!)
      .execute();
    expect(await verifyStoreLog(store.db)).toEqual({
      ok: false,
      index: 1,
      submission: moved.submission_id,
      reason: `entry 1 (submission ${moved.submission_id}): the store puts it in reviews/round-1, the entry in reviews/round-1/rating`,
    });
  });

  it('checks labels against the task, keeps ids unique across tasks, and blocks items only per task', async () => {
    const store = await ctx.openFresh();
    await migrateToLatest(store);
    const tokens = await seedTwoTasks(store.db);
    const rejected = await addItems(store.db, {
      benchmark: 'reviews',
      task: 'rating',
      split: 'public',
      items: [
        { id: 'rp9', label: 'pos' },
        { id: 'sp0', label: '3' },
      ],
    });
    expect(rejected).toEqual({
      task: 'rating',
      inserted: 0,
      rejected: [
        { id: 'rp9', reason: 'label must be a finite number, found "pos"' },
        {
          id: 'sp0',
          reason: 'the benchmark already has an item with this id (ids are unique across its tasks)',
        },
      ],
    });
    await expect(
      addItems(store.db, { benchmark: 'reviews', task: 'nope', split: 'public', items: [] }),
    ).rejects.toMatchObject({ code: 'ERR_NOT_FOUND' });

    await submitPredictions(
      store.db,
      {
        benchmark: 'reviews',
        round: 'round-1',
        task: 'rating',
        token: tokens.owls,
        bytes: ratingCsv(0, 0),
        format: 'csv',
      },
      { now: DURING },
    );
    // The rating task's items are fixed now; the sentiment task, with no submission yet, can still grow.
    await expect(
      addItems(store.db, {
        benchmark: 'reviews',
        task: 'rating',
        split: 'public',
        items: [{ id: 'rp9', label: 2 }],
      }),
    ).rejects.toMatchObject({
      code: 'ERR_CONFLICT',
      message: expect.stringContaining('submissions to task rating'),
    });
    expect(
      await addItems(store.db, {
        benchmark: 'reviews',
        task: 'sentiment',
        split: 'public',
        items: [{ id: 'sp9', label: 'neg' }],
      }),
    ).toEqual({ task: 'sentiment', inserted: 1, rejected: [] });
  });

  it('migrates benchmarks made before tasks into the one task main, keeping their results', async () => {
    const { store } = await storeAtMigration(ctx, '0006-benchmark-contributors');
    // biome-ignore lint/suspicious/noExplicitAny: the 0006 schema has no tasks, unlike Database
    const old = store.db as unknown as Kysely<any>;
    const { id } = await old
      .insertInto('benchmarks')
      .values({
        slug: 'legacy',
        title: 'Legacy',
        description: '',
        metric: 'accuracy',
        higher_is_better: 1,
        ladder_kind: 'parameter-free',
        ladder_step: null,
        daily_cap: 2,
        label_set: JSON.stringify(['a', 'b']),
        created_at: '2025-01-01T00:00:00.000Z',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const entries = [
      {
        rank: 1,
        team: 'owls',
        score: 1,
        lower: 1,
        upper: 1,
        submissionId: 1,
        digest: 'd',
        receivedAt: 't',
        submissions: 1,
      },
    ];
    await old
      .insertInto('rounds')
      .values({
        benchmark_id: id,
        name: 'r1',
        opens_at: '2025-01-01T00:00:00.000Z',
        freezes_at: '2025-01-02T00:00:00.000Z',
        closes_at: '2025-01-03T00:00:00.000Z',
        status: 'closed',
        closed_at: '2025-01-03T00:00:00.000Z',
        results: JSON.stringify({
          closedAt: '2025-01-03T00:00:00.000Z',
          bootstrap: { resamples: 1000, confidence: 0.95, seed: 7 },
          items: 1,
          entries,
        }),
      })
      .execute();
    await old
      .insertInto('arena_items')
      .values({
        benchmark_id: id,
        split: 'public',
        external_id: 'q1',
        label: '"a"',
        round_id: null,
        created_at: '2025-01-01T00:00:00.000Z',
      })
      .execute();

    await migrateToLatest(store);
    const [summary] = await listBenchmarks(store.db);
    expect(summary!.tasks).toEqual([
      {
        id: 'main',
        title: 'Legacy',
        description: '',
        metric: 'accuracy',
        higherIsBetter: true,
        labels: ['a', 'b'],
      },
    ]);
    const detail = await benchmarkDetail(store.db, 'legacy');
    expect(detail.publicItems).toEqual([{ id: 'q1', task: 'main', label: 'a', round: null }]);
    const board = await leaderboard(store.db, 'legacy', 'r1');
    expect(board).toMatchObject({ kind: 'private', task: { id: 'main' }, tasks: ['main'] });
    expect(board.entries.map((entry) => [entry.team, entry.score])).toEqual([['owls', 1]]);
  });
});
