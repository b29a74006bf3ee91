import { beforeAll, expect, it } from 'vitest';
import { buildServer, type ZodApp } from '../src/server/index.ts';
import { type DatabaseHandle, migrateToLatest } from '../src/store/index.ts';
import { predictionsCsv, seedArena } from './support/arena-fixture.ts';
import { forEachDialect } from './support/dialects.ts';

/*
 * Rate limits under abuse (issue 12, item 2): limits keyed on a credential count only verified credentials,
 * failed authentications are limited per address, and a token is checked before the body is read.
 * Requests come from documentation addresses (RFC 5737) through inject's remoteAddress.
 */

const ADMIN = 'test-admin-token-rate-limits-4a1f';
const SUBMISSIONS = '/api/arena/benchmarks/fixture-qa/rounds/round-1/submissions';
const GARBAGE_SECRET = 'A'.repeat(43);
const ATTACKER = '203.0.113.7';
const OWNER = '198.51.100.2';

/** The public id of a token: what follows apt_ up to the next _. */
function idOf(token: string): string {
  return token.slice('apt_'.length, token.indexOf('_', 'apt_'.length));
}

forEachDialect('arena rate limits', (ctx) => {
  let store: DatabaseHandle;
  let tokens: { owls: string; foxes: string };
  const apps: ZodApp[] = [];

  beforeAll(async () => {
    store = await ctx.openFresh();
    await migrateToLatest(store);
    ({ tokens } = await seedArena(store.db, {
      dailyCap: 1000,
      rounds: [
        {
          name: 'round-1',
          opensAt: '2025-03-01T00:00:00.000Z',
          freezesAt: '2025-03-08T00:00:00.000Z',
          closesAt: '2099-01-01T00:00:00.000Z',
        },
      ],
    }));
    return async () => {
      for (const app of apps) await app.close();
    };
  });

  /** A new server, so every test starts with empty limits. */
  async function server(): Promise<ZodApp> {
    const app = await buildServer({ db: store.db, dialect: store.dialect, adminToken: ADMIN });
    apps.push(app);
    return app;
  }

  const submission = (app: ZodApp, token: string, from: string, payload: unknown = validBody()) =>
    app.inject({
      method: 'POST',
      url: SUBMISSIONS,
      remoteAddress: from,
      headers: { authorization: `Bearer ${token}` },
      payload: payload as Record<string, unknown>,
    });
  const validBody = () => ({ format: 'csv', predictions: predictionsCsv(7, 12).toString() });

  it("a forged token naming a team's token id does not spend that token's budget", async () => {
    const app = await server();
    const forged = `apt_${idOf(tokens.owls)}_${GARBAGE_SECRET}`;
    const statuses = new Set<number>();
    for (let i = 0; i < 30; i++) statuses.add((await submission(app, forged, ATTACKER)).statusCode);
    expect([...statuses].sort()).toEqual([401, 429]);
    const owner = await submission(app, tokens.owls, OWNER);
    expect(owner.statusCode, owner.body).toBe(200);
  });

  it('rotating forged token ids escapes no limit: failed authentications are limited per address', async () => {
    const app = await server();
    const answers = [];
    for (let i = 0; i < 40; i++)
      answers.push(await submission(app, `apt_${1000 + i}_${GARBAGE_SECRET}`, ATTACKER));
    expect(answers.map((answer) => answer.statusCode)).toEqual([
      ...Array(10).fill(401),
      ...Array(30).fill(429),
    ]);
    const refused = answers.at(-1)!;
    expect(refused.json().error).toMatchObject({
      code: 'ERR_RATE_LIMITED',
      message: expect.stringContaining('failed authentications'),
    });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // A blocked address learns nothing more, not even from a right token; other addresses are not blocked.
    expect((await submission(app, tokens.owls, ATTACKER)).statusCode).toBe(429);
    expect((await submission(app, tokens.owls, OWNER)).statusCode).toBe(200);
    // Prize claims share the bucket.
    const claim = await app.inject({
      method: 'POST',
      url: '/api/arena/benchmarks/fixture-qa/prize-claims',
      remoteAddress: ATTACKER,
      headers: { authorization: `Bearer ${tokens.owls}` },
      payload: { track: 'open-weights', source: 'hf:fictional/model' },
    });
    expect(claim.statusCode).toBe(429);
  });

  it('limits log verification per address whatever token the request claims', async () => {
    const app = await server();
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++)
      statuses.push(
        (
          await app.inject({
            method: 'POST',
            url: '/api/arena/verify-log',
            remoteAddress: ATTACKER,
            headers: { authorization: `Bearer apt_${2000 + i}_${GARBAGE_SECRET}` },
            payload: { log: '' },
          })
        ).statusCode,
      );
    expect(statuses).toEqual([...Array(20).fill(200), 429]);
  });

  it('limits each verified token per minute, counting before the body is read', async () => {
    const app = await server();
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await submission(app, tokens.foxes, OWNER, {})).statusCode);
    expect(statuses).toEqual([...Array(30).fill(400), 429]);
    const limited = await submission(app, tokens.foxes, OWNER, {});
    expect(limited.json().error).toMatchObject({
      code: 'ERR_RATE_LIMITED',
      message: expect.stringContaining('with this token'),
    });
    // The plugin's answer is ours: the usual body, with its Retry-After and limit headers.
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.headers['x-ratelimit-limit']).toBe('30');
    // Another token of the same address has its own budget.
    expect((await submission(app, tokens.owls, OWNER, {})).statusCode).toBe(400);
  });

  it('limits guesses of the admin token per address', async () => {
    const app = await server();
    const team = (token: string, from: string, slug: string) =>
      app.inject({
        method: 'POST',
        url: '/api/arena/teams',
        remoteAddress: from,
        headers: { authorization: `Bearer ${token}` },
        payload: { slug },
      });
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await team(`guess-${i}`, ATTACKER, 'crows')).statusCode);
    expect(statuses).toEqual([...Array(10).fill(403), 429]);
    expect((await team(ADMIN, ATTACKER, 'crows')).statusCode).toBe(429);
    expect((await team(ADMIN, OWNER, 'crows')).statusCode).toBe(201);
    // Program routes take the same admin token, and the same bucket.
    const program = await app.inject({
      method: 'DELETE',
      url: '/api/programs/nothing-here',
      remoteAddress: ATTACKER,
      headers: { authorization: `Bearer ${ADMIN}` },
    });
    expect(program.statusCode).toBe(429);
  });

  it('checks the team token before reading the body', async () => {
    const app = await server();
    const forged = `apt_${idOf(tokens.owls)}_${GARBAGE_SECRET}`;
    const broken = await app.inject({
      method: 'POST',
      url: SUBMISSIONS,
      remoteAddress: OWNER,
      headers: { authorization: `Bearer ${forged}`, 'content-type': 'application/json' },
      payload: '{"format": "csv", "predictions": "never clos',
    });
    expect(broken.statusCode).toBe(401);
    const oversized = await app.inject({
      method: 'POST',
      url: SUBMISSIONS,
      remoteAddress: OWNER,
      headers: { authorization: `Bearer ${forged}`, 'content-type': 'application/json' },
      payload: Buffer.alloc(40 * 1024 * 1024, 0x20),
    });
    expect(oversized.statusCode).toBe(401);
    const anonymous = await app.inject({
      method: 'POST',
      url: SUBMISSIONS,
      remoteAddress: OWNER,
      headers: { 'content-type': 'application/json' },
      payload: '{',
    });
    expect(anonymous.statusCode).toBe(401);
  });
});
