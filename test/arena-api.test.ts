import { beforeAll, expect, it } from 'vitest';
import { closeRound } from '../src/arena/index.ts';
import type { CheckReport } from '../src/checker/index.ts';
import { buildServer, type ZodApp } from '../src/server/index.ts';
import { type DatabaseHandle, migrateToLatest } from '../src/store/index.ts';
import { AFTER_ROUND, predictionsCsv, secretAnswer, seedArena } from './support/arena-fixture.ts';
import { forEachDialect } from './support/dialects.ts';
import { listRoutes } from './support/route-list.ts';

/** Values for every path parameter any route declares; unknown ones get a plain word. */
const PARAMS: Record<string, string[]> = {
  slug: ['fixture-qa'],
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

/** The server admin token: the walk also calls the organiser routes as the organiser. */
const ADMIN_TOKEN = 'walk-admin-token';

/** The walk's body for a route: private items (with their secret labels) for the items route. */
function walkPayload(path: string, log: string): object {
  if (path.endsWith('/items'))
    return {
      split: 'private',
      round: 'round-1',
      format: 'jsonl',
      items: Array.from(
        { length: 20 },
        (_, i) => `${JSON.stringify({ id: `s${i}`, label: secretAnswer(i) })}\n`,
      ).join(''),
    };
  if (path === '/api/arena/verify-log') return { log };
  return {
    format: 'csv',
    predictions: predictionsCsv(3, 20).toString(),
    track: 'open-weights',
    source: 'hf:x/y',
  };
}

const fakeCheck = async () =>
  ({
    profile: { score: 80, mof: { class: 'III', unmet: { I: [], II: [], III: [] } }, components: [] },
    checks: [],
  }) as unknown as CheckReport;

forEachDialect('arena API', (ctx) => {
  let store: DatabaseHandle;
  let app: ZodApp;
  let tokens: { owls: string; foxes: string };

  beforeAll(async () => {
    store = await ctx.openFresh();
    await migrateToLatest(store);
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
      checkRelease: fakeCheck,
      adminToken: ADMIN_TOKEN,
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
    expect(detail.json().privateItems[0]).toEqual({ id: 's0', round: 'round-1' });
    expect(detail.json().publicItems[0]).toEqual({ id: 'p0', label: 'public-0', round: null });
  });

  it('no route, before or after the close, returns a private label', async () => {
    const routes = listRoutes(app);
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
    const secrets = Array.from({ length: 20 }, (_, i) => secretAnswer(i));
    const leaks: string[] = [];
    let requests = 0;
    const organiser = new Set<string>();
    const walk = async () => {
      const log = (await app.inject({ url: '/api/arena/log' })).body;
      for (const route of routes) {
        for (const path of expand(route.path)) {
          for (const method of route.methods) {
            for (const query of ['', '?format=csv', '?round=round-1']) {
              for (const token of [undefined, tokens.owls, ADMIN_TOKEN]) {
                // Revoking the fixture's tokens would leave the rest of the walk unauthenticated.
                if (method === 'DELETE' && token === ADMIN_TOKEN) continue;
                const response = await app.inject({
                  method: method as 'GET',
                  url: `${path}${query}`,
                  headers: token
                    ? { authorization: `Bearer ${token}`, 'x-forwarded-for': `10.0.0.${requests % 250}` }
                    : {},
                  ...(method === 'GET' || method === 'DELETE' ? {} : { payload: walkPayload(path, log) }),
                });
                requests++;
                if (token === ADMIN_TOKEN && !path.includes('/programs') && method !== 'GET')
                  organiser.add(`${method} ${path} ${response.statusCode}`);
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
    await walk();
    await closeRound(store.db, 'fixture-qa', 'round-1', { now: AFTER_ROUND, force: true });
    await walk();
    expect(requests).toBeGreaterThan(100);
    expect(leaks).toEqual([]);
    // The organiser token reached the service: private items were refused for a reason, not for the token.
    expect([...organiser]).toEqual(
      expect.arrayContaining([
        'POST /api/arena/benchmarks/fixture-qa/items 409',
        'POST /api/arena/verify-log 200',
      ]),
    );
  });
});
