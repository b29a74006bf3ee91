import type { InjectOptions } from 'fastify';
import { expect, it } from 'vitest';
import { forEachDialect } from './support/dialects.ts';
import { recordingArenaApi } from './support/recording-arena-api.ts';

const ADMIN = 'tasks-admin-token-3c1e-8f27d0a9b6e4';
const AS_ADMIN = { authorization: `Bearer ${ADMIN}` };

/** Two tasks: `sentiment` (accuracy over pos/neg, the primary task) and `rating` (RMSE). */
const DEFINITION_YAML = `slug: multi
title: Multi
metric: accuracy
labels: [pos, neg]
ladder: { kind: fixed, step: 0.01 }
dailyCap: 4
rounds:
  - { name: round-1, opensAt: 2020-01-01T00:00:00Z, freezesAt: 2020-01-08T00:00:00Z, closesAt: 2099-01-01T00:00:00Z }
tasks:
  - id: sentiment
    title: Sentiment
  - id: rating
    title: Rating
    description: Stars from 1 to 5
    metric: rmse
`;

const sentimentLabel = (i: number) => (i % 2 === 0 ? 'pos' : 'neg');
/** A private rating; no response may contain it. */
const secretRating = (i: number) => 9000.314159 + i;

const items = (ids: string[], label: (i: number) => unknown) =>
  ids.map((id, i) => `${JSON.stringify({ id, label: label(i) })}\n`).join('');
const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

/** Sentiment predictions: the first `publicRight` of 10 public and `privateRight` of 10 private right. */
function sentiment(publicRight: number, privateRight: number): string {
  const flip = (i: number) => (i % 2 === 0 ? 'neg' : 'pos');
  const rows = ['id,prediction'];
  for (let i = 0; i < 10; i++) rows.push(`sp${i},${i < publicRight ? sentimentLabel(i) : flip(i)}`);
  for (let i = 0; i < 10; i++) rows.push(`sh${i},${i < privateRight ? sentimentLabel(i) : flip(i)}`);
  return `${rows.join('\n')}\n`;
}

/** Rating predictions off by `publicError` on each public item and `privateError` on each private one. */
function rating(publicError: number, privateError: number): string {
  const rows = ['id,prediction'];
  for (let i = 0; i < 5; i++) rows.push(`rp${i},${i + 1 + publicError}`);
  for (let i = 0; i < 6; i++) rows.push(`rh${i},${secretRating(i) + privateError}`);
  return `${rows.join('\n')}\n`;
}

forEachDialect('arena API with several tasks', (ctx) => {
  const api = recordingArenaApi(ctx, { adminToken: ADMIN });
  const { bodies } = api;
  const call = (options: InjectOptions) => api.call(options);
  const tokens: Record<'owls' | 'foxes', string> = { owls: '', foxes: '' };

  const submit = (team: 'owls' | 'foxes', predictions: string, task?: string) =>
    call({
      method: 'POST',
      url: `/api/arena/benchmarks/multi/rounds/round-1/submissions${task ? `?task=${task}` : ''}`,
      headers: { authorization: `Bearer ${tokens[team]}` },
      payload: { format: 'csv', predictions },
    });

  const addItems = (payload: object) =>
    call({ method: 'POST', url: '/api/arena/benchmarks/multi/items', headers: AS_ADMIN, payload });

  it('creates a two-task benchmark and adds items to each task', async () => {
    const created = await call({
      method: 'POST',
      url: '/api/arena/benchmarks',
      headers: AS_ADMIN,
      payload: { definition: DEFINITION_YAML },
    });
    expect(created.statusCode, created.body).toBe(201);

    const added = [
      await addItems({ split: 'public', format: 'jsonl', items: items(ids('sp', 10), sentimentLabel) }),
      await addItems({
        split: 'private',
        round: 'round-1',
        task: 'sentiment',
        format: 'jsonl',
        items: items(ids('sh', 10), sentimentLabel),
      }),
      await addItems({
        split: 'public',
        task: 'rating',
        format: 'jsonl',
        items: items(ids('rp', 5), (i) => i + 1),
      }),
      await addItems({
        split: 'private',
        round: 'round-1',
        task: 'rating',
        format: 'jsonl',
        items: items(ids('rh', 6), secretRating),
      }),
    ];
    for (const response of added) expect(response.statusCode, response.body).toBe(201);
    expect(added.map((response) => response.json())).toEqual([
      // Without a task, the items went to the primary task (the detail below shows it).
      { benchmark: 'multi', split: 'public', round: null, task: 'sentiment', inserted: 10 },
      { benchmark: 'multi', split: 'private', round: 'round-1', task: 'sentiment', inserted: 10 },
      { benchmark: 'multi', split: 'public', round: null, task: 'rating', inserted: 5 },
      { benchmark: 'multi', split: 'private', round: 'round-1', task: 'rating', inserted: 6 },
    ]);
    // A rating label is a number, not one of the sentiment labels: each task checks its own items.
    const wrongTask = await addItems({
      split: 'public',
      task: 'sentiment',
      format: 'jsonl',
      items: items(['sx0'], () => 'maybe'),
    });
    expect(wrongTask.statusCode).toBe(422);

    const list = (await call({ url: '/api/arena/benchmarks' })).json();
    expect(list.items[0]).toMatchObject({
      slug: 'multi',
      metric: 'accuracy',
      labels: ['pos', 'neg'],
      tasks: [
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
          title: 'Rating',
          description: 'Stars from 1 to 5',
          metric: 'rmse',
          higherIsBetter: false,
          labels: null,
        },
      ],
    });
    const detail = (await call({ url: '/api/arena/benchmarks/multi' })).json();
    expect(detail.tasks.map((task: { id: string }) => task.id)).toEqual(['sentiment', 'rating']);
    expect(detail.publicItems).toEqual(
      expect.arrayContaining([
        { id: 'sp0', task: 'sentiment', label: 'pos', round: null },
        { id: 'rp0', task: 'rating', label: 1, round: null },
      ]),
    );
    expect(detail.privateItems).toEqual(
      expect.arrayContaining([{ id: 'rh0', task: 'rating', round: 'round-1' }]),
    );
    expect(detail.privateItems).toHaveLength(16);
    expect(detail.roundList[0]).toMatchObject({
      publicItems: 15,
      privateItems: 16,
      submissions: 0,
      tasks: [
        { id: 'sentiment', publicItems: 10, privateItems: 10, submissions: 0 },
        { id: 'rating', publicItems: 5, privateItems: 6, submissions: 0 },
      ],
    });
  });

  it('scores each task with its own metric, with a Ladder per task and one daily cap', async () => {
    const owls = await call({
      method: 'POST',
      url: '/api/arena/teams',
      headers: AS_ADMIN,
      payload: { slug: 'owls' },
    });
    expect(owls.statusCode, owls.body).toBe(201);
    await call({ method: 'POST', url: '/api/arena/teams', headers: AS_ADMIN, payload: { slug: 'foxes' } });
    for (const team of ['owls', 'foxes'] as const)
      tokens[team] = (
        await call({
          method: 'POST',
          url: `/api/arena/teams/${team}/tokens`,
          headers: AS_ADMIN,
          payload: {},
        })
      ).json().token;

    const first = await submit('owls', sentiment(8, 7));
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      task: 'sentiment',
      publicScore: 0.8,
      improved: true,
      submissionsToday: 1,
    });
    // The rating task has its own Ladder: an RMSE of 1 is the owls' first release there, not a step down.
    const second = await submit('owls', rating(1, 1), 'rating');
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json()).toMatchObject({
      task: 'rating',
      publicScore: 1,
      improved: true,
      submissionsToday: 2,
    });
    const third = await submit('owls', rating(0.5, 0.25), 'rating');
    expect(third.json()).toMatchObject({
      task: 'rating',
      publicScore: 0.5,
      improved: true,
      submissionsToday: 3,
    });
    // The task may also come in the body.
    const fourth = await call({
      method: 'POST',
      url: '/api/arena/benchmarks/multi/rounds/round-1/submissions',
      headers: { authorization: `Bearer ${tokens.owls}` },
      payload: { format: 'csv', predictions: sentiment(8, 10), task: 'sentiment' },
    });
    expect(fourth.statusCode, fourth.body).toBe(200);
    expect(fourth.json()).toMatchObject({
      task: 'sentiment',
      publicScore: 0.8,
      improved: false,
      submissionsToday: 4,
    });
    // The daily cap (4) counts the submissions to both tasks.
    const capped = await submit('owls', rating(0, 0), 'rating');
    expect(capped.statusCode).toBe(429);
    expect(capped.json().error.code).toBe('ERR_LIMIT_REACHED');

    // Predictions for one task's items are refused by the other task.
    const crossed = await submit('foxes', rating(0, 0));
    expect(crossed.statusCode).toBe(422);
    const foxes = await submit('foxes', rating(2, 2), 'rating');
    expect(foxes.json()).toMatchObject({
      team: 'foxes',
      task: 'rating',
      publicScore: 2,
      submissionsToday: 1,
    });

    const history = (await call({ url: '/api/arena/benchmarks/multi/teams/owls/history' })).json();
    expect(history.submissions.map((entry: { task: string }) => entry.task)).toEqual([
      'sentiment',
      'rating',
      'rating',
      'sentiment',
    ]);
    const rounds = (await call({ url: '/api/arena/benchmarks/multi/rounds' })).json();
    expect(rounds.items[0]).toMatchObject({
      submissions: 5,
      tasks: [
        { id: 'sentiment', submissions: 2 },
        { id: 'rating', submissions: 3 },
      ],
    });
  });

  it('serves a leaderboard per task, in JSON and CSV', async () => {
    const primary = (await call({ url: '/api/arena/benchmarks/multi/leaderboard' })).json();
    expect(primary).toMatchObject({
      benchmark: { slug: 'multi', metric: 'accuracy', higherIsBetter: true },
      task: { id: 'sentiment', title: 'Sentiment', metric: 'accuracy', higherIsBetter: true },
      tasks: ['sentiment', 'rating'],
      kind: 'public',
      entries: [{ rank: 1, team: 'owls', score: 0.8, submissions: 2 }],
    });
    const ratings = await call({ url: '/api/arena/benchmarks/multi/leaderboard?task=rating&round=round-1' });
    expect(ratings.json()).toMatchObject({
      benchmark: { metric: 'rmse', higherIsBetter: false },
      task: { id: 'rating', title: 'Rating', metric: 'rmse', higherIsBetter: false },
      entries: [
        { rank: 1, team: 'owls', score: 0.5, submissions: 2 },
        { rank: 2, team: 'foxes', score: 2, submissions: 1 },
      ],
    });
    const csv = await call({ url: '/api/arena/benchmarks/multi/leaderboard?task=rating&format=csv' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toContain('multi-round-1-rating-leaderboard.csv');
    const rows = csv.body.trim().split('\n');
    expect(rows[0]).toBe('rank,team,score,lower,upper,submissions,lastSubmissionAt,eligibleTracks');
    expect(rows.slice(1).map((row) => row.split(',').slice(0, 3).join(','))).toEqual([
      '1,owls,0.5',
      '2,foxes,2',
    ]);
  });

  it('closes a round with private results per task', async () => {
    const closed = await call({
      method: 'POST',
      url: '/api/arena/benchmarks/multi/rounds/round-1/close',
      headers: AS_ADMIN,
      payload: { force: true },
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const results = closed.json();
    expect(results.tasks.map((task: { task: string }) => task.task)).toEqual(['sentiment', 'rating']);
    expect(results.tasks[0]).toMatchObject({
      metric: 'accuracy',
      higherIsBetter: true,
      items: 10,
      entries: [{ rank: 1, team: 'owls', score: 0.7 }],
    });
    expect(results.tasks[1]).toMatchObject({
      metric: 'rmse',
      higherIsBetter: false,
      items: 6,
      // Private ratings are large numbers: their differences are not exact in binary.
      entries: [
        { rank: 1, team: 'owls', score: expect.closeTo(0.25, 6) },
        { rank: 2, team: 'foxes', score: expect.closeTo(2, 6) },
      ],
    });
    // The top level is the primary task's, as for a single-task benchmark.
    expect(results).toMatchObject({ items: 10, entries: results.tasks[0].entries });
    expect(results.bootstrap).toEqual(results.tasks[0].bootstrap);

    const board = (await call({ url: '/api/arena/benchmarks/multi/leaderboard?task=rating' })).json();
    expect(board).toMatchObject({
      kind: 'private',
      task: { id: 'rating' },
      entries: [{ team: 'owls', score: expect.closeTo(0.25, 6) }, { team: 'foxes' }],
    });
    expect(board.entries[0].lower).toEqual(expect.any(Number));
    const history = (await call({ url: '/api/arena/benchmarks/multi/teams/owls/history' })).json();
    expect(history.submissions[2]).toMatchObject({ task: 'rating', privateScore: expect.closeTo(0.25, 6) });
  });

  it('answers 404 for an unknown task and 400 for a task that is not a slug', async () => {
    const unknown = [
      await call({ url: '/api/arena/benchmarks/multi/leaderboard?task=nope' }),
      await call({ url: '/api/arena/benchmarks/multi/leaderboard?task=nope&format=csv' }),
      await submit('foxes', rating(0, 0), 'nope'),
      await addItems({ split: 'public', task: 'nope', format: 'csv', items: 'id,label\nn1,pos\n' }),
    ];
    for (const response of unknown) {
      expect(response.statusCode, response.body).toBe(404);
      expect(response.json().error.code).toBe('ERR_NOT_FOUND');
      expect(response.json().error.message).toContain('"nope"');
      expect(response.json().error.message).toContain('sentiment, rating');
    }

    const invalid = [
      await call({ url: '/api/arena/benchmarks/multi/leaderboard?task=Not%20A%20Slug' }),
      await submit('foxes', rating(0, 0), '-x'),
      await addItems({ split: 'public', task: 'BAD', format: 'csv', items: 'id,label\nn1,pos\n' }),
      await call({
        method: 'POST',
        url: '/api/arena/benchmarks/multi/rounds/round-1/submissions?task=rating',
        headers: { authorization: `Bearer ${tokens.foxes}` },
        payload: { format: 'csv', predictions: rating(0, 0), task: 'sentiment' },
      }),
    ];
    for (const response of invalid) {
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().error).toMatchObject({ code: 'ERR_USAGE', field: 'task' });
    }
  });

  it('documents the task parameters and fields in OpenAPI', async () => {
    const document = (await api.app.inject({ url: '/openapi.json' })).json();
    const parameters = (path: string, method: string) =>
      (document.paths[path][method].parameters as { name: string; in: string }[])
        .filter((parameter) => parameter.in === 'query')
        .map((parameter) => parameter.name);
    expect(parameters('/api/arena/benchmarks/{slug}/leaderboard', 'get')).toContain('task');
    expect(parameters('/api/arena/benchmarks/{slug}/rounds/{round}/submissions', 'post')).toContain('task');
    const items = document.paths['/api/arena/benchmarks/{slug}/items'].post.requestBody;
    expect(JSON.stringify(items)).toContain('"task"');
    const board = document.paths['/api/arena/benchmarks/{slug}/leaderboard'].get.responses['200'];
    expect(JSON.stringify(board)).toContain('"tasks"');
  });

  it('never returned a private rating', () => {
    expect(bodies.length).toBeGreaterThan(30);
    const leaks = bodies.filter((body) => ids('', 6).some((_, i) => body.includes(String(secretRating(i)))));
    expect(leaks).toEqual([]);
  });
});
