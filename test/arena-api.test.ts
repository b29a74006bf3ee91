import { beforeAll, expect, it } from 'vitest';
import { addItems, BenchmarkDefinitionSchema, closeRound, createBenchmark } from '../src/arena/index.ts';
import type { CheckReport } from '../src/checker/index.ts';
import { buildServer, type ZodApp } from '../src/server/index.ts';
import { type DatabaseHandle, migrateToLatest } from '../src/store/index.ts';
import {
  AFTER_ROUND,
  DURING_ROUND,
  predictionsCsv,
  secretAnswer,
  seedArena,
} from './support/arena-fixture.ts';
import { forEachDialect } from './support/dialects.ts';
import { fakeCheckReport } from './support/fake-check-report.ts';
import { routeRecorder } from './support/route-list.ts';
import {
  roundOnePrivateNumbers,
  SHARED_ROUNDS_SLUG,
  seedSharedPrivateRounds,
} from './support/shared-private-rounds.ts';

/** Values for every path parameter any route declares; unknown ones get a plain word. */
const PARAMS: Record<string, string[]> = {
  slug: ['fixture-qa', 'fixture-tasks', SHARED_ROUNDS_SLUG],
  round: ['round-1'],
  team: ['owls', 'foxes'],
  id: ['1', '2'],
  name: ['models-per-region', 'open-share'],
  '*': ['index.html', 'anything'],
};

function expand(path: string): string[] {
  let paths = [path];
  for (const [name, values] of Object.entries(PARAMS)) {
    const token = name === '*' ? '*' : `:${name}`;
    paths = paths.flatMap((candidate) =>
      candidate.includes(token) ? values.map((value) => candidate.replace(token, value)) : [candidate],
    );
  }
  return paths.map((candidate) => candidate.replace(/:[A-Za-z]+/g, 'x'));
}

/** A private answer of the second task of fixture-tasks (RMSE); no response may contain it. */
const secretRating = (i: number) => 7000.271828 + i;

/** fixture-tasks: task `qa` (exact match, private answers like fixture-qa's) and task `rating` (RMSE). */
async function seedTasks(db: DatabaseHandle['db']): Promise<void> {
  await createBenchmark(
    db,
    BenchmarkDefinitionSchema.parse({
      slug: 'fixture-tasks',
      title: 'Fixture tasks',
      metric: 'exact-match',
      ladder: { kind: 'fixed', step: 0.01 },
      dailyCap: 50,
      rounds: [
        {
          name: 'round-1',
          opensAt: '2025-03-01T00:00:00Z',
          freezesAt: '2025-03-08T00:00:00Z',
          closesAt: '2099-01-01T00:00:00Z',
        },
      ],
      tasks: [{ id: 'qa' }, { id: 'rating', metric: 'rmse' }],
    }),
    { now: new Date('2025-03-01T00:00:00Z') },
  );
  const add = (task: string, split: 'public' | 'private', items: { id: string; label: unknown }[]) =>
    addItems(
      db,
      {
        benchmark: 'fixture-tasks',
        task,
        split,
        items,
        ...(split === 'private' ? { round: 'round-1' } : {}),
      },
      { now: DURING_ROUND },
    );
  await add(
    'qa',
    'public',
    Array.from({ length: 10 }, (_, i) => ({ id: `p${i}`, label: `public-${i}` })),
  );
  await add(
    'qa',
    'private',
    Array.from({ length: 20 }, (_, i) => ({ id: `s${i}`, label: secretAnswer(i) })),
  );
  await add(
    'rating',
    'public',
    Array.from({ length: 5 }, (_, i) => ({ id: `rp${i}`, label: i })),
  );
  await add(
    'rating',
    'private',
    Array.from({ length: 8 }, (_, i) => ({ id: `rs${i}`, label: secretRating(i) })),
  );
}

/** Predictions for fixture-tasks' rating task, off by 1 everywhere. */
function ratingCsv(): string {
  const rows = ['id,prediction'];
  for (let i = 0; i < 5; i++) rows.push(`rp${i},${i + 1}`);
  for (let i = 0; i < 8; i++) rows.push(`rs${i},${secretRating(i) + 1}`);
  return `${rows.join('\n')}\n`;
}

/** The server admin token: the walk also calls the organiser routes as the organiser. */
const ADMIN_TOKEN = 'walk-admin-token-9c4e2b7a1d5f3e80';

/**
 * The walk's body for a route: private items (with their secret labels) for the items route, for the
 * query's task on fixture-tasks; for fixture-tasks' submissions, predictions of the query's task.
 */
function walkPayload(path: string, query: string, log: string): object {
  const task = /[?&]task=([^&]*)/.exec(query)?.[1];
  const tasks = path.includes('/fixture-tasks');
  if (path.endsWith('/items'))
    return {
      split: 'private',
      round: 'round-1',
      format: 'jsonl',
      ...(tasks && task !== undefined ? { task } : {}),
      items: Array.from({ length: 20 }, (_, i) =>
        task === 'rating' && i < 8
          ? `${JSON.stringify({ id: `rs${i}`, label: secretRating(i) })}\n`
          : `${JSON.stringify({ id: `s${i}`, label: secretAnswer(i) })}\n`,
      ).join(''),
    };
  if (path === '/api/arena/verify-log') return { log };
  if (tasks && path.endsWith('/submissions'))
    return {
      format: 'csv',
      predictions: task === 'rating' ? ratingCsv() : predictionsCsv(3, 20).toString(),
    };
  return {
    format: 'csv',
    predictions: predictionsCsv(3, 20).toString(),
    track: 'open-weights',
    source: 'hf:x/y',
  };
}

/** The walk's queries: each route with no query, the format, the round, and the task (known or not). */
const QUERIES = [
  '',
  '?format=csv',
  '?round=round-1',
  '?format=csv&round=round-1',
  '?task=qa',
  '?task=rating',
  '?task=rating&format=csv&round=round-1',
  '?task=nope',
];

const fakeCheck = async (): Promise<CheckReport> => fakeCheckReport({ score: 80, mofClass: 'III' });

forEachDialect('arena API', (ctx) => {
  let store: DatabaseHandle;
  let app: ZodApp;
  let tokens: { owls: string; foxes: string };
  const recorder = routeRecorder();

  beforeAll(async () => {
    store = await ctx.openFresh();
    await migrateToLatest(store);
    await seedTasks(store.db);
    ({ tokens } = await seedArena(store.db, {
      rounds: [
        {
          name: 'round-1',
          opensAt: '2025-03-01T00:00:00.000Z',
          freezesAt: '2025-03-08T00:00:00.000Z',
          closesAt: '2099-01-01T00:00:00.000Z',
        },
      ],
    }));
    app = await buildServer({
      db: store.db,
      dialect: store.dialect,
      onRoute: recorder.onRoute,
      checkRelease: fakeCheck,
      adminToken: ADMIN_TOKEN,
      // The walk below presents every token on every route, wrong ones included, all from one address.
      failedAuthenticationLimits: { max: Number.MAX_SAFE_INTEGER, windowMs: 60_000 },
    });
    await app.ready();
  });

  it('accepts a submission with a Bearer token and refuses one without', async () => {
    const body = { format: 'csv', predictions: predictionsCsv(7, 20).toString() };
    const url = '/api/arena/benchmarks/fixture-qa/rounds/round-1/submissions';
    const refused = await app.inject({ method: 'POST', url, payload: body });
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.code).toBe('ERR_UNAUTHORIZED');
    const accepted = await app.inject({
      method: 'POST',
      url,
      payload: body,
      headers: { authorization: `Bearer ${tokens.owls}` },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({
      team: 'owls',
      publicScore: 0.7,
      improved: true,
      log: { index: 0 },
    });
    const bad = await app.inject({
      method: 'POST',
      url,
      payload: { format: 'csv', predictions: 'id,prediction\np0,a\n' },
      headers: { authorization: `Bearer ${tokens.foxes}` },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.message).toContain('missing');
    const claim = await app.inject({
      method: 'POST',
      url: '/api/arena/benchmarks/fixture-qa/prize-claims',
      payload: { track: 'open-weights', source: 'hf:fictional/model' },
      headers: { authorization: `Bearer ${tokens.owls}` },
    });
    expect(claim.statusCode, claim.body).toBe(200);
    expect(claim.json()).toMatchObject({ eligible: true });
  });

  it('serves the leaderboard as JSON and CSV, and the log as JSON Lines', async () => {
    const board = await app.inject({ url: '/api/arena/benchmarks/fixture-qa/leaderboard' });
    expect(board.json()).toMatchObject({ kind: 'public', entries: [{ team: 'owls', score: 0.7 }] });
    expect(board.json().entries[0].prizes).toEqual([expect.objectContaining({ eligible: true })]);
    const csv = await app.inject({ url: '/api/arena/benchmarks/fixture-qa/leaderboard?format=csv' });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\n')[0]).toBe(
      'rank,team,score,lower,upper,submissions,lastSubmissionAt,eligibleTracks',
    );
    const log = await app.inject({ url: '/api/arena/log' });
    expect(log.body.trim().split('\n')).toHaveLength(1);
    const detail = await app.inject({ url: '/api/arena/benchmarks/fixture-qa' });
    expect(detail.json().privateItems).toHaveLength(20);
    expect(detail.json().privateItems[0]).toEqual({ id: 's0', task: 'main', round: 'round-1' });
    expect(detail.json().publicItems[0]).toEqual({ id: 'p0', task: 'main', label: 'public-0', round: null });
  });

  it('no route, before or after the close, returns a private label of any task, or a private score a running round still hides', async () => {
    const routes = recorder.routes;
    expect(routes.map((route) => route.path)).toEqual(
      expect.arrayContaining([
        '/api/arena/benchmarks/:slug',
        '/api/arena/benchmarks/:slug/leaderboard',
        '/api/arena/log',
        '/api/arena/benchmarks/:slug/rounds/:round/submissions',
        '/api/arena/benchmarks',
        '/api/arena/benchmarks/:slug/items',
        '/api/arena/benchmarks/:slug/rounds/:round/close',
        '/api/arena/teams',
        '/api/arena/teams/:team/tokens',
        '/api/arena/tokens/:id',
        '/api/arena/verify-log',
      ]),
    );
    // A closed round-1 whose private items round-2 still scores, as databases made before private items
    // were tied to one round hold it: round-1's private scores and interval bounds must not leak while
    // round-2 runs.
    await seedSharedPrivateRounds(store.db);
    const withheldScores = (await roundOnePrivateNumbers(store.db)).map(String);
    expect(withheldScores.length).toBeGreaterThan(4);
    const secrets = [
      ...Array.from({ length: 20 }, (_, i) => secretAnswer(i)),
      ...Array.from({ length: 8 }, (_, i) => String(secretRating(i))),
      ...withheldScores,
    ];
    const leaks: string[] = [];
    let requests = 0;
    const organiser = new Set<string>();
    const answered = new Set<string>();
    const walk = async () => {
      const log = (await app.inject({ url: '/api/arena/log' })).body;
      for (const route of routes) {
        for (const path of expand(route.path)) {
          for (const method of route.methods) {
            for (const query of QUERIES) {
              for (const token of [undefined, tokens.owls, ADMIN_TOKEN]) {
                // Revoking the fixture's tokens would leave the rest of the walk unauthenticated.
                if (method === 'DELETE' && token === ADMIN_TOKEN) continue;
                const response = await app.inject({
                  method: method as 'GET',
                  url: `${path}${query}`,
                  headers: token
                    ? { authorization: `Bearer ${token}`, 'x-forwarded-for': `10.0.0.${requests % 250}` }
                    : {},
                  ...(method === 'GET' || method === 'DELETE'
                    ? {}
                    : { payload: walkPayload(path, query, log) }),
                });
                requests++;
                if (token === ADMIN_TOKEN && !path.includes('/programs') && method !== 'GET')
                  organiser.add(`${method} ${path} ${response.statusCode}`);
                answered.add(`${method} ${path}${query} ${response.statusCode}`);
                const body = response.body;
                for (const secret of secrets)
                  if (body.includes(secret))
                    leaks.push(`${method} ${path}${query} → ${response.statusCode} contains ${secret}`);
              }
            }
          }
        }
      }
    };
    // Every task of fixture-tasks has a submission, so its leaderboards and results have rows.
    for (const [task, predictions] of [
      ['qa', predictionsCsv(5, 10).toString()],
      ['rating', ratingCsv()],
    ] as const) {
      const submitted = await app.inject({
        method: 'POST',
        url: `/api/arena/benchmarks/fixture-tasks/rounds/round-1/submissions?task=${task}`,
        payload: { format: 'csv', predictions },
        headers: { authorization: `Bearer ${tokens.foxes}` },
      });
      expect(submitted.statusCode, submitted.body).toBe(200);
    }
    await walk();
    await closeRound(store.db, 'fixture-qa', 'round-1', { now: AFTER_ROUND, force: true });
    const closed = await closeRound(store.db, 'fixture-tasks', 'round-1', { now: AFTER_ROUND, force: true });
    expect(closed.tasks.map((task) => task.entries.length > 0)).toEqual([true, true]);
    await walk();
    expect(requests).toBeGreaterThan(100);
    expect(leaks).toEqual([]);
    // The task variants reached the service: a known task answers, an unknown one is 404.
    expect([...answered]).toEqual(
      expect.arrayContaining([
        'GET /api/arena/benchmarks/fixture-tasks/leaderboard?task=rating 200',
        'GET /api/arena/benchmarks/fixture-tasks/leaderboard?task=rating&format=csv&round=round-1 200',
        'GET /api/arena/benchmarks/fixture-tasks/leaderboard?task=nope 404',
        'POST /api/arena/benchmarks/fixture-tasks/rounds/round-1/submissions?task=rating 200',
        'POST /api/arena/benchmarks/fixture-tasks/rounds/round-1/submissions?task=nope 404',
        // The withheld round's histories, board (JSON and CSV) and rounds were all asked.
        `GET /api/arena/benchmarks/${SHARED_ROUNDS_SLUG}/teams/owls/history 200`,
        `GET /api/arena/benchmarks/${SHARED_ROUNDS_SLUG}/leaderboard?round=round-1 200`,
        `GET /api/arena/benchmarks/${SHARED_ROUNDS_SLUG}/leaderboard?format=csv&round=round-1 200`,
        `GET /api/arena/benchmarks/${SHARED_ROUNDS_SLUG}/rounds 200`,
      ]),
    );
    // The organiser token reached the service: private items were refused for a reason, not for the token.
    expect([...organiser]).toEqual(
      expect.arrayContaining([
        'POST /api/arena/benchmarks/fixture-qa/items 409',
        'POST /api/arena/benchmarks/fixture-tasks/items 409',
        'POST /api/arena/verify-log 200',
      ]),
    );
  });
});
