import type { InjectOptions } from 'fastify';
import { expect, it } from 'vitest';
import type { CheckReport } from '../src/checker/index.ts';
import { buildServer } from '../src/server/index.ts';
import { forEachDialect } from './support/dialects.ts';
import { recordingArenaApi } from './support/recording-arena-api.ts';

const ADMIN = 'test-admin-token-7f3a-2d9c6b0e8a15';
const AS_ADMIN = { authorization: `Bearer ${ADMIN}` };

/** A private answer posted through the items route; no response may contain it. */
const secret = (i: number) => `zz-http-secret-${i}-k9`;

const DEFINITION_YAML = `slug: http-qa
title: HTTP QA
metric: exact-match
ladder:
  kind: fixed
  step: 0.01
dailyCap: 5
rounds:
  - name: round-1
    opensAt: 2020-01-01T00:00:00Z
    freezesAt: 2020-01-08T00:00:00Z
    closesAt: 2099-01-01T00:00:00Z
prizeTracks:
  - name: open-weights
    minClass: III
`;

const PUBLIC_CSV = `id,label\n${Array.from({ length: 5 }, (_, i) => `p${i},public-${i}`).join('\n')}\n`;
const PRIVATE_JSONL = Array.from(
  { length: 8 },
  (_, i) => `${JSON.stringify({ id: `s${i}`, label: secret(i) })}\n`,
).join('');

function predictions(privateRight: number): string {
  const rows = ['id,prediction'];
  for (let i = 0; i < 5; i++) rows.push(`p${i},public-${i}`);
  for (let i = 0; i < 8; i++) rows.push(`s${i},${i < privateRight ? secret(i) : 'wrong'}`);
  return `${rows.join('\n')}\n`;
}

const fakeCheck = async () =>
  ({
    profile: { score: 80, mof: { class: 'III', unmet: { I: [], II: [], III: [] } }, components: [] },
    checks: [],
  }) as unknown as CheckReport;

forEachDialect('arena organiser API', (ctx) => {
  const api = recordingArenaApi(ctx, { checkRelease: fakeCheck, adminToken: ADMIN });
  const { bodies } = api;
  const call = (options: InjectOptions) => api.call(options);

  it('runs the whole organiser flow over HTTP and the log verifies', async () => {
    const created = await call({
      method: 'POST',
      url: '/api/arena/benchmarks',
      headers: AS_ADMIN,
      payload: { definition: DEFINITION_YAML },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toEqual({ slug: 'http-qa', metric: 'exact-match', rounds: 1, prizeTracks: 1 });

    const again = await call({
      method: 'POST',
      url: '/api/arena/benchmarks',
      headers: AS_ADMIN,
      payload: { definition: DEFINITION_YAML },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ERR_EXISTS');

    const publicItems = await call({
      method: 'POST',
      url: '/api/arena/benchmarks/http-qa/items',
      headers: AS_ADMIN,
      payload: { split: 'public', format: 'csv', items: PUBLIC_CSV },
    });
    expect(publicItems.statusCode, publicItems.body).toBe(201);
    expect(publicItems.json()).toEqual({
      benchmark: 'http-qa',
      split: 'public',
      round: null,
      task: 'main',
      inserted: 5,
    });

    const privateItems = await call({
      method: 'POST',
      url: '/api/arena/benchmarks/http-qa/items',
      headers: AS_ADMIN,
      payload: { split: 'private', round: 'round-1', format: 'jsonl', items: PRIVATE_JSONL },
    });
    expect(privateItems.statusCode, privateItems.body).toBe(201);
    expect(privateItems.json().inserted).toBe(8);

    const round = await call({
      method: 'POST',
      url: '/api/arena/benchmarks/http-qa/rounds',
      headers: AS_ADMIN,
      payload: {
        name: 'round-2',
        opensAt: '2098-01-01T00:00:00Z',
        freezesAt: '2098-02-01T00:00:00Z',
        closesAt: '2098-03-01T00:00:00Z',
      },
    });
    expect(round.statusCode, round.body).toBe(201);
    const rounds = await call({ url: '/api/arena/benchmarks/http-qa/rounds' });
    expect(
      rounds
        .json()
        .items.map((item: { name: string }) => item.name)
        .sort(),
    ).toEqual(['round-1', 'round-2']);

    const team = await call({
      method: 'POST',
      url: '/api/arena/teams',
      headers: AS_ADMIN,
      payload: { slug: 'herons', name: 'Herons' },
    });
    expect(team.statusCode, team.body).toBe(201);
    expect(team.json()).toEqual({ slug: 'herons', name: 'Herons' });
    const issued = await call({
      method: 'POST',
      url: '/api/arena/teams/herons/tokens',
      headers: AS_ADMIN,
      payload: {},
    });
    expect(issued.statusCode, issued.body).toBe(201);
    expect(issued.headers['cache-control']).toBe('no-store');
    const { token, id, scope } = issued.json();
    expect(scope).toBe('submit');
    expect(token).toMatch(new RegExp(`^apt_${id}_`));

    const submitted = await call({
      method: 'POST',
      url: '/api/arena/benchmarks/http-qa/rounds/round-1/submissions',
      headers: { authorization: `Bearer ${token}` },
      payload: { format: 'csv', predictions: predictions(6) },
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ team: 'herons', publicScore: 1, log: { index: 0 } });

    // A team token, even an admin-scoped one, is not an organiser token.
    const adminScoped = await call({
      method: 'POST',
      url: '/api/arena/teams/herons/tokens',
      headers: AS_ADMIN,
      payload: { scope: 'admin' },
    });
    expect(adminScoped.json().scope).toBe('admin');
    const byTeam = await call({
      method: 'POST',
      url: '/api/arena/benchmarks/http-qa/rounds/round-1/close',
      headers: { authorization: `Bearer ${adminScoped.json().token}` },
      payload: { force: true },
    });
    expect(byTeam.statusCode).toBe(403);

    const early = await call({
      method: 'POST',
      url: '/api/arena/benchmarks/http-qa/rounds/round-1/close',
      headers: AS_ADMIN,
      payload: {},
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('closes at');
    const closed = await call({
      method: 'POST',
      url: '/api/arena/benchmarks/http-qa/rounds/round-1/close',
      headers: AS_ADMIN,
      payload: { force: true },
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ items: 8, entries: [{ rank: 1, team: 'herons', score: 0.75 }] });

    const board = await call({ url: '/api/arena/benchmarks/http-qa/leaderboard?round=round-1' });
    expect(board.json()).toMatchObject({ kind: 'private', entries: [{ team: 'herons', score: 0.75 }] });

    // The submission's entry, then the close's.
    const log = await call({ url: '/api/arena/log' });
    const lines = log.body.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0]!).hash).toBe(submitted.json().log.hash);
    const head = JSON.parse(lines[1]!).hash;
    const verified = await call({ method: 'POST', url: '/api/arena/verify-log', payload: { log: log.body } });
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json()).toEqual({ ok: true, count: 2, head });
    const withHead = await call({
      method: 'POST',
      url: '/api/arena/verify-log',
      payload: { log: log.body, count: 2, head },
    });
    expect(withHead.json().ok).toBe(true);
    const store = await call({ url: `/api/arena/log/verify?count=2&head=${head}` });
    expect(store.statusCode, store.body).toBe(200);
    expect(store.json()).toEqual({ ok: true, count: 2, head, submissions: 1, closes: 1 });

    const revoked = await call({ method: 'DELETE', url: `/api/arena/tokens/${id}`, headers: AS_ADMIN });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json()).toEqual({ id, revoked: true });
    const twice = await call({ method: 'DELETE', url: `/api/arena/tokens/${id}`, headers: AS_ADMIN });
    expect(twice.statusCode).toBe(404);

    const schema = (await api.app.inject({ url: '/openapi.json' })).json();
    for (const path of [
      '/api/arena/benchmarks/{slug}/items',
      '/api/arena/benchmarks/{slug}/rounds/{round}/close',
      '/api/arena/teams/{team}/tokens',
      '/api/arena/tokens/{id}',
      '/api/arena/verify-log',
      '/api/arena/log/verify',
    ])
      expect(Object.keys(schema.paths)).toContain(path);
    expect(schema.paths['/api/arena/benchmarks'].post.summary).toContain('APERTURE_ADMIN_TOKEN');
  });

  it('names the broken entry of a tampered log', async () => {
    const log = (await api.app.inject({ url: '/api/arena/log' })).body;
    const tampered = log.replace('"team":"herons"', '"team":"ravens"');
    expect(tampered).not.toBe(log);
    const verdict = await call({
      method: 'POST',
      url: '/api/arena/verify-log',
      payload: { log: `\n${tampered}` },
    });
    expect(verdict.statusCode).toBe(200);
    expect(verdict.json()).toMatchObject({ ok: false, index: 0, line: 2 });
    expect(verdict.json().reason).toContain('hash does not match');
    const garbled = await call({
      method: 'POST',
      url: '/api/arena/verify-log',
      payload: { log: `${log}{not json\n` },
    });
    expect(garbled.json()).toMatchObject({ ok: false, index: 2, line: 3, reason: 'line 3: not valid JSON' });
    const wrongHead = await call({
      method: 'POST',
      url: '/api/arena/verify-log',
      payload: { log, head: '0'.repeat(64) },
    });
    expect(wrongHead.json()).toMatchObject({
      ok: false,
      reason: 'the head hash differs from the published head',
    });
  });

  it('refuses organiser routes without the admin token, with a wrong one, or when the server has none', async () => {
    const routes: ['POST' | 'DELETE', string, object | undefined][] = [
      ['POST', '/api/arena/benchmarks', { definition: DEFINITION_YAML }],
      ['POST', '/api/arena/benchmarks/http-qa/items', { split: 'public', format: 'csv', items: PUBLIC_CSV }],
      [
        'POST',
        '/api/arena/benchmarks/http-qa/rounds',
        { name: 'r', opensAt: 'x', freezesAt: 'x', closesAt: 'x' },
      ],
      ['POST', '/api/arena/benchmarks/http-qa/rounds/round-1/close', { force: true }],
      ['POST', '/api/arena/teams', { slug: 'crows' }],
      ['POST', '/api/arena/teams/herons/tokens', {}],
      ['DELETE', '/api/arena/tokens/1', undefined],
    ];
    const disabled = await buildServer({ db: api.store.db, dialect: api.store.dialect });
    for (const [method, url, payload] of routes) {
      const missing = await call({ method, url, payload });
      expect(missing.statusCode, `${method} ${url}`).toBe(401);
      expect(missing.json().error.code).toBe('ERR_UNAUTHORIZED');
      const wrong = await call({ method, url, payload, headers: { authorization: 'Bearer nope' } });
      expect(wrong.statusCode).toBe(403);
      expect(wrong.json().error.code).toBe('ERR_FORBIDDEN');
      const off = await disabled.inject({ method, url, payload, headers: AS_ADMIN });
      expect(off.statusCode).toBe(403);
      expect(off.json().error.message).toContain('APERTURE_ADMIN_TOKEN');
    }
    await disabled.close();
    const teams = await api.app.inject({ url: '/api/arena/benchmarks/http-qa/teams/crows/history' });
    expect(teams.statusCode).toBe(404);
  });

  it('answers 400 naming the field for bad bodies and bad definitions', async () => {
    const badMetric = await call({
      method: 'POST',
      url: '/api/arena/benchmarks',
      headers: AS_ADMIN,
      payload: {
        definition: DEFINITION_YAML.replace('slug: http-qa', 'slug: other').replace('exact-match', 'vibes'),
      },
    });
    expect(badMetric.statusCode).toBe(400);
    expect(badMetric.json().error).toMatchObject({ code: 'ERR_USAGE', field: 'definition.metric' });
    expect(badMetric.json().error.message).toMatch(/^definition:3:\d+: metric: unknown metric/);
    // The field comes from the first problem's path: an unknown key names itself, a syntax error the definition.
    const misspelt = await call({
      method: 'POST',
      url: '/api/arena/benchmarks',
      headers: AS_ADMIN,
      payload: { definition: DEFINITION_YAML.replace('slug: http-qa', 'slug: other\ntitel: Typo') },
    });
    expect(misspelt.statusCode).toBe(400);
    expect(misspelt.json().error).toMatchObject({
      code: 'ERR_USAGE',
      field: 'definition.titel',
      message: 'definition:2:1: titel: unknown field "titel"; did you mean "title"?',
    });
    const unreadable = await call({
      method: 'POST',
      url: '/api/arena/benchmarks',
      headers: AS_ADMIN,
      payload: { definition: 'slug: [unclosed\n' },
    });
    expect(unreadable.statusCode).toBe(400);
    expect(unreadable.json().error).toMatchObject({ code: 'ERR_USAGE', field: 'definition' });
    expect(unreadable.json().error.message).toMatch(/^definition:\d+:\d+: YAML syntax: /);
    const asObject = await call({
      method: 'POST',
      url: '/api/arena/benchmarks',
      headers: AS_ADMIN,
      payload: {
        definition: {
          slug: 'json-bench',
          title: 'JSON',
          metric: 'rmse',
          ladder: { kind: 'fixed', step: 'big' },
          dailyCap: 3,
        },
      },
    });
    expect(asObject.statusCode).toBe(400);
    expect(asObject.json().error.field).toBe('definition.ladder.step');
    const created = await call({
      method: 'POST',
      url: '/api/arena/benchmarks',
      headers: AS_ADMIN,
      payload: {
        definition: {
          slug: 'json-bench',
          title: 'JSON',
          metric: 'rmse',
          ladder: { kind: 'parameter-free' },
          dailyCap: 3,
        },
      },
    });
    expect(created.statusCode, created.body).toBe(201);

    const cases: ['POST', string, object, string][] = [
      ['POST', '/api/arena/benchmarks', { yaml: 'x' }, 'definition'],
      [
        'POST',
        '/api/arena/benchmarks/http-qa/items',
        { split: 'secret', format: 'csv', items: 'id,label\n' },
        'split',
      ],
      [
        'POST',
        '/api/arena/benchmarks/http-qa/items',
        { split: 'public', format: 'xml', items: 'x' },
        'format',
      ],
      [
        'POST',
        '/api/arena/benchmarks/http-qa/rounds',
        { name: 'Round 3', opensAt: 'a', freezesAt: 'b', closesAt: 'c' },
        'name',
      ],
      ['POST', '/api/arena/benchmarks/http-qa/rounds/round-1/close', { force: 'yes' }, 'force'],
      ['POST', '/api/arena/teams', { slug: 'Bad Slug' }, 'slug'],
      ['POST', '/api/arena/teams/herons/tokens', { scope: 'root' }, 'scope'],
      ['POST', '/api/arena/verify-log', { log: 'x', head: 'short' }, 'head'],
    ];
    for (const [method, url, payload, field] of cases) {
      const response = await call({ method, url, payload, headers: AS_ADMIN });
      expect(response.statusCode, `${url} ${response.body}`).toBe(400);
      expect(response.json().error.field).toBe(field);
    }
    const badToken = await call({ method: 'DELETE', url: '/api/arena/tokens/abc', headers: AS_ADMIN });
    expect(badToken.statusCode).toBe(400);
    const badTimes = await call({
      method: 'POST',
      url: '/api/arena/benchmarks/http-qa/rounds',
      headers: AS_ADMIN,
      payload: { name: 'round-3', opensAt: 'soon', freezesAt: 'later', closesAt: 'never' },
    });
    expect(badTimes.statusCode).toBe(422);
    const unknown = await call({
      method: 'POST',
      url: '/api/arena/benchmarks/nowhere/items',
      headers: AS_ADMIN,
      payload: { split: 'public', format: 'csv', items: PUBLIC_CSV },
    });
    expect(unknown.statusCode).toBe(404);
    const noTeam = await call({
      method: 'POST',
      url: '/api/arena/teams/nobody/tokens',
      headers: AS_ADMIN,
      payload: {},
    });
    expect(noTeam.statusCode).toBe(404);
  });

  it('enforces the fresh-item rules with 409 and the reason, and never echoes a private label', async () => {
    const open = await call({
      method: 'POST',
      url: '/api/arena/benchmarks/http-qa/items',
      headers: AS_ADMIN,
      payload: {
        split: 'private',
        round: 'round-2',
        format: 'jsonl',
        items: `{"id":"f1","label":"${secret(90)}"}\n`,
      },
    });
    expect(open.statusCode).toBe(409);
    expect(open.json().error.message).toContain('can only be added after the freeze');
    const closedRound = await call({
      method: 'POST',
      url: '/api/arena/benchmarks/http-qa/items',
      headers: AS_ADMIN,
      payload: {
        split: 'private',
        round: 'round-1',
        format: 'jsonl',
        items: `{"id":"f2","label":"${secret(91)}"}\n`,
      },
    });
    expect(closedRound.statusCode).toBe(409);
    expect(closedRound.json().error.message).toContain('round round-1 has ended');

    // A round with submissions refuses fresh items: set one up over HTTP.
    await call({
      method: 'POST',
      url: '/api/arena/benchmarks/http-qa/rounds',
      headers: AS_ADMIN,
      payload: {
        name: 'round-4',
        opensAt: '2020-02-01T00:00:00Z',
        freezesAt: '2020-02-02T00:00:00Z',
        closesAt: '2099-06-01T00:00:00Z',
      },
    });
    const fresh = Array.from(
      { length: 8 },
      (_, i) => `${JSON.stringify({ id: `t${i}`, label: secret(40 + i) })}\n`,
    ).join('');
    const added = await call({
      method: 'POST',
      url: '/api/arena/benchmarks/http-qa/items',
      headers: AS_ADMIN,
      payload: { split: 'private', round: 'round-4', format: 'jsonl', items: fresh },
    });
    expect(added.statusCode, added.body).toBe(201);
    const token = (
      await call({ method: 'POST', url: '/api/arena/teams/herons/tokens', headers: AS_ADMIN, payload: {} })
    ).json().token;
    const rows = [
      'id,prediction',
      ...Array.from({ length: 5 }, (_, i) => `p${i},x`),
      ...Array.from({ length: 8 }, (_, i) => `t${i},x`),
    ];
    const submitted = await call({
      method: 'POST',
      url: '/api/arena/benchmarks/http-qa/rounds/round-4/submissions',
      headers: { authorization: `Bearer ${token}` },
      payload: { format: 'csv', predictions: `${rows.join('\n')}\n` },
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const late = await call({
      method: 'POST',
      url: '/api/arena/benchmarks/http-qa/items',
      headers: AS_ADMIN,
      payload: {
        split: 'private',
        round: 'round-4',
        format: 'jsonl',
        items: `{"id":"f3","label":"${secret(92)}"}\n`,
      },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toContain('already has submissions');

    // Rejections name the item, never its private label.
    const rejected = await call({
      method: 'POST',
      url: '/api/arena/benchmarks/json-bench/items',
      headers: AS_ADMIN,
      payload: { split: 'private', format: 'jsonl', items: `{"id":"r1","label":"${secret(93)}"}\n` },
    });
    expect(rejected.statusCode).toBe(422);
    expect(rejected.json().error.message).toContain('r1: label must be a finite number, found <label>');
    const badCsv = await call({
      method: 'POST',
      url: '/api/arena/benchmarks/http-qa/items',
      headers: AS_ADMIN,
      payload: { split: 'private', format: 'csv', items: `id,label\nq1,x"${secret(94)}"\n` },
    });
    expect(badCsv.statusCode).toBe(422);
    expect(badCsv.json().error.message).toContain('withheld');

    const secrets = [...Array.from({ length: 8 }, (_, i) => secret(i)), ...[90, 91, 92, 93, 94].map(secret)];
    const leaks = bodies.flatMap((body) => secrets.filter((value) => body.includes(value)));
    expect(bodies.length).toBeGreaterThan(20);
    expect(leaks).toEqual([]);
  });

  it('refuses private items a second round would score again: 409 naming the field round, or the round', async () => {
    const definition = (slug: string, rounds: number) =>
      `${DEFINITION_YAML.replace('slug: http-qa', `slug: ${slug}`).replace(/prizeTracks:[\s\S]*$/, '')}${
        rounds > 1
          ? '  - name: round-2\n    opensAt: 2020-02-01T00:00:00Z\n    freezesAt: 2020-02-08T00:00:00Z\n    closesAt: 2099-01-01T00:00:00Z\n'
          : ''
      }`;
    for (const [slug, rounds] of [
      ['http-two-rounds', 2],
      ['http-one-round', 1],
    ] as const) {
      const created = await call({
        method: 'POST',
        url: '/api/arena/benchmarks',
        headers: AS_ADMIN,
        payload: { definition: definition(slug, rounds) },
      });
      expect(created.json(), created.body).toMatchObject({ slug, rounds });
    }
    const items = (slug: string) =>
      call({
        method: 'POST',
        url: `/api/arena/benchmarks/${slug}/items`,
        headers: AS_ADMIN,
        payload: {
          split: 'private',
          format: 'jsonl',
          items: `{"id":"${slug}-1","label":"${secret(95)}"}\n`,
        },
      });
    const refused = await items('http-two-rounds');
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toEqual({
      error: {
        code: 'ERR_CONFLICT',
        field: 'round',
        message:
          'benchmark http-two-rounds has 2 rounds and a private item is scored in one round only: name its round (round-1, round-2)',
      },
    });
    // On a benchmark of one round, private items without a round are that round's; a second round is refused.
    expect((await items('http-one-round')).statusCode).toBe(201);
    const round = await call({
      method: 'POST',
      url: '/api/arena/benchmarks/http-one-round/rounds',
      headers: AS_ADMIN,
      payload: {
        name: 'round-2',
        opensAt: '2020-02-01T00:00:00Z',
        freezesAt: '2020-02-08T00:00:00Z',
        closesAt: '2099-01-01T00:00:00Z',
      },
    });
    expect(round.statusCode).toBe(409);
    expect(round.json().error).toEqual({
      code: 'ERR_CONFLICT',
      message:
        'benchmark http-one-round scores its 1 private item(s) without a round in round-1; a private item is scored in one round only, so it takes no second round: run later rounds on a new benchmark whose private items name their round',
    });
    const rounds = await call({ url: '/api/arena/benchmarks/http-one-round/rounds' });
    expect(rounds.json().items.map((entry: { name: string }) => entry.name)).toEqual(['round-1']);
    expect(bodies.filter((body) => body.includes(secret(95)))).toEqual([]);
  });

  it('rate-limits log verification per address', async () => {
    const limited = await buildServer({ db: api.store.db, dialect: api.store.dialect, adminToken: ADMIN });
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++)
      statuses.push(
        (await limited.inject({ method: 'POST', url: '/api/arena/verify-log', payload: { log: '' } }))
          .statusCode,
      );
    expect(statuses).toEqual(Array(20).fill(200));
    const refused = await limited.inject({
      method: 'POST',
      url: '/api/arena/verify-log',
      payload: { log: '' },
    });
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('ERR_RATE_LIMITED');
    await limited.close();
  });
});
