import { afterAll, beforeAll, expect, it } from 'vitest';
import { ApertureError } from '../src/errors.ts';
import { buildServer, type ZodApp } from '../src/server/index.ts';
import { type DatabaseHandle, migrateToLatest } from '../src/store/index.ts';
import { forEachDialect } from './support/dialects.ts';

/*
 * Guessing the admin token (issue 12, item 6): wrong admin tokens count as failed authentications of the
 * address on the arena organiser routes and on the program routes alike, so a hundred guesses end in 429
 * after the tenth; and both families check the token before they read or validate the body, so a bad body
 * without the right token answers 401/403, never 400 or 413.
 * Requests come from documentation addresses (RFC 5737) through inject's remoteAddress.
 */

const ADMIN = 'admin-token-guessing-test-0123456789abcdef';
const ATTACKER = '203.0.113.9';
const OWNER = '198.51.100.4';

type Method = 'POST' | 'PUT' | 'DELETE';

/** Admin routes of both families, with a body each would accept in shape. */
const ORGANISER_ROUTES: [Method, string, object | undefined][] = [
  ['POST', '/api/arena/teams', { slug: 'crows' }],
  ['POST', '/api/arena/benchmarks/fixture-qa/rounds/round-1/close', { force: true }],
  ['DELETE', '/api/arena/tokens/1', undefined],
];
const PROGRAM_ROUTES: [Method, string, object | undefined][] = [
  ['POST', '/api/programs', { id: 'guess' }],
  ['PUT', '/api/programs/guess', { id: 'guess' }],
  ['DELETE', '/api/programs/guess', undefined],
  ['POST', '/api/programs/guess/awards', { id: 'guess-award' }],
  ['PUT', '/api/awards/guess-award', { id: 'guess-award' }],
  ['DELETE', '/api/awards/guess-award', undefined],
];

forEachDialect('admin token guessing', (ctx) => {
  let store: DatabaseHandle;
  const apps: ZodApp[] = [];

  beforeAll(async () => {
    store = await ctx.open();
    await migrateToLatest(store);
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
  });

  /** A new server, so every test starts with no failed authentications counted. */
  async function server(): Promise<ZodApp> {
    const app = await buildServer({ db: store.db, dialect: store.dialect, adminToken: ADMIN });
    apps.push(app);
    return app;
  }

  /** A hundred wrong guesses from one address, cycling through `routes`. */
  async function guess(app: ZodApp, routes: typeof ORGANISER_ROUTES): Promise<number[]> {
    const statuses: number[] = [];
    for (let i = 0; i < 100; i++) {
      const [method, url, payload] = routes[i % routes.length]!;
      const answer = await app.inject({
        method,
        url,
        remoteAddress: ATTACKER,
        headers: { authorization: `Bearer guess-${i}-${'x'.repeat(32)}` },
        ...(payload === undefined ? {} : { payload }),
      });
      statuses.push(answer.statusCode);
    }
    return statuses;
  }

  it('buildServer refuses an admin token under 32 characters, without echoing it', async () => {
    const build = (adminToken: string) =>
      buildServer({ db: store.db, dialect: store.dialect, adminToken }).then(
        (app) => {
          apps.push(app);
          return app;
        },
        (error: unknown) => error,
      );
    for (const adminToken of ['hunter2', 'p'.repeat(31)]) {
      const refused = await build(adminToken);
      if (!(refused instanceof ApertureError))
        expect.fail(`buildServer took an admin token of ${adminToken.length} characters`);
      expect(refused).toMatchObject({
        code: 'ERR_USAGE',
        message: expect.stringMatching(
          /^APERTURE_ADMIN_TOKEN is too short \(\d+ characters\); an admin token needs at least 32 /,
        ),
      });
      expect(refused.message).not.toContain(adminToken);
    }
    expect((await build('q'.repeat(32))) instanceof Error).toBe(false);
    // An empty token is no token: the admin routes are off, as when APERTURE_ADMIN_TOKEN is unset.
    const off = (await build('')) as ZodApp;
    const answer = await off.inject({
      method: 'DELETE',
      url: '/api/programs/x',
      headers: { authorization: 'Bearer x' },
    });
    expect(answer.json().error.message).toContain('no APERTURE_ADMIN_TOKEN');
  });

  it('a hundred wrong admin tokens on the arena organiser routes end in 429 after the tenth', async () => {
    const app = await server();
    expect(await guess(app, ORGANISER_ROUTES)).toEqual([...Array(10).fill(403), ...Array(90).fill(429)]);
    // The blocked address learns nothing from the right token; the program routes share its bucket.
    const right = { authorization: `Bearer ${ADMIN}` };
    for (const [method, url] of [...ORGANISER_ROUTES, ...PROGRAM_ROUTES]) {
      const answer = await app.inject({ method, url, remoteAddress: ATTACKER, headers: right });
      expect(answer.statusCode, `${method} ${url}`).toBe(429);
      expect(answer.json().error.code).toBe('ERR_RATE_LIMITED');
    }
  });

  it('a hundred wrong admin tokens on the program routes end in 429 after the tenth', async () => {
    const app = await server();
    expect(await guess(app, PROGRAM_ROUTES)).toEqual([...Array(10).fill(403), ...Array(90).fill(429)]);
    const refused = await app.inject({
      method: 'DELETE',
      url: '/api/programs/guess',
      remoteAddress: ATTACKER,
      headers: { authorization: `Bearer ${ADMIN}` },
    });
    expect(refused.json().error).toMatchObject({
      code: 'ERR_RATE_LIMITED',
      message: expect.stringContaining('failed authentications'),
    });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // The organiser routes share the bucket; another address is not blocked.
    const organiser = await app.inject({
      method: 'POST',
      url: '/api/arena/teams',
      remoteAddress: ATTACKER,
      headers: { authorization: `Bearer ${ADMIN}` },
      payload: { slug: 'crows' },
    });
    expect(organiser.statusCode).toBe(429);
    const owner = await app.inject({
      method: 'DELETE',
      url: '/api/programs/no-such-program',
      remoteAddress: OWNER,
      headers: { authorization: `Bearer ${ADMIN}` },
    });
    expect(owner.statusCode).toBe(404);
  });

  it('program and organiser routes answer 401 or 403 before they look at a bad body', async () => {
    const app = await server();
    const bodies: [string, string | Buffer][] = [
      ['malformed JSON', '{"id": "never clos'],
      ['a body of the wrong shape', '["not", "an", "object"]'],
      ['an oversized body', Buffer.alloc(3 * 1024 * 1024, 0x20)],
    ];
    for (const [method, url] of [...PROGRAM_ROUTES, ...ORGANISER_ROUTES]) {
      if (method === 'DELETE') continue;
      for (const [what, payload] of bodies) {
        const send = (authorization?: string) =>
          app.inject({
            method,
            url,
            remoteAddress: OWNER,
            headers: {
              'content-type': 'application/json',
              ...(authorization === undefined ? {} : { authorization }),
            },
            payload,
          });
        const anonymous = await send();
        expect(anonymous.statusCode, `${method} ${url} with ${what} and no token`).toBe(401);
        expect(anonymous.json().error.code).toBe('ERR_UNAUTHORIZED');
      }
    }
    // A wrong token: 403 whatever the body (fewer than ten, so the address is not blocked yet).
    for (const [method, url] of PROGRAM_ROUTES.filter(([method]) => method !== 'DELETE')) {
      const wrong = await app.inject({
        method,
        url,
        remoteAddress: OWNER,
        headers: { 'content-type': 'application/json', authorization: 'Bearer wrong' },
        payload: '{"id": "never clos',
      });
      expect(wrong.statusCode, `${method} ${url} with a wrong token`).toBe(403);
    }
    // With the right token the same bad body is a 400 that names the problem.
    const right = await app.inject({
      method: 'POST',
      url: '/api/programs',
      remoteAddress: OWNER,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}` },
      payload: '["not", "an", "object"]',
    });
    expect(right.statusCode).toBe(400);
    expect(right.json().error.code).toBe('ERR_USAGE');
  });
});
