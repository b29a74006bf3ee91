import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadDemoPrograms, readProgramDefinition, verifyDeliverables } from '../src/programs/index.ts';
import { buildServer, type ZodApp } from '../src/server/index.ts';
import { type DatabaseHandle, migrateToLatest } from '../src/store/index.ts';
import { forEachDialect } from './support/dialects.ts';

const TOKEN = 'test-admin-token-0123456789abcdef';

forEachDialect('programs API', (ctx) => {
  let store: DatabaseHandle;
  let app: ZodApp;

  beforeAll(async () => {
    store = await ctx.open();
    await migrateToLatest(store);
    await loadDemoPrograms(store.db);
    await verifyDeliverables(store.db, { asOf: '2026-06-01' });
    app = await buildServer({ db: store.db, dialect: store.dialect, adminToken: TOKEN });
  });
  afterAll(async () => {
    await app?.close();
  });

  const auth = { authorization: `Bearer ${TOKEN}` };

  it('GET /api/programs lists programs with status counts, also as CSV', async () => {
    const response = await app.inject({ url: '/api/programs' });
    expect(response.statusCode).toBe(200);
    expect(response.json().items[0]).toMatchObject({
      id: 'open-artifacts-fellowship',
      demo: true,
      funder: 'Demo Funder',
      status: { pass: 2, fail: 1, overdue: 2, pending: 1, unverifiable: 3, unchecked: 0 },
    });
    const csv = await app.inject({ url: '/api/programs?format=csv' });
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect((parse(csv.body) as string[][])[1]![0]).toBe('open-artifacts-fellowship');
  });

  it('GET /api/programs/:id, /api/awards/:id and the portfolio', async () => {
    const program = await app.inject({ url: '/api/programs/open-artifacts-fellowship' });
    expect(program.statusCode).toBe(200);
    expect(program.json().awards.map((award: { id: string }) => award.id)).toEqual([
      'oaf-2026-chem',
      'oaf-2026-pebble',
      'oaf-2026-quarry',
    ]);
    const award = await app.inject({ url: '/api/awards/oaf-2026-pebble' });
    expect(award.statusCode).toBe(200);
    const body = award.json();
    expect(body.timeline.map((item: { state: string }) => item.state)).toEqual(['met', 'met', 'met', 'met']);
    expect(
      body.deliverables.find((item: { requirement: string }) => item.requirement === 'open-release').latest,
    ).toMatchObject({ status: 'pass', score: 100, mofClass: 'I' });
    expect(body.history).toHaveLength(3);
    const history = await app.inject({ url: '/api/awards/oaf-2026-pebble?format=csv' });
    expect((parse(history.body) as string[][])[0]).toEqual([
      'runId',
      'checkedAt',
      'asOf',
      'requirement',
      'status',
      'score',
      'mofClass',
    ]);
    const portfolio = await app.inject({ url: '/api/programs/open-artifacts-fellowship/portfolio' });
    expect(portfolio.json().funded).toMatchObject({ count: 3, meanScore: 66 });
    expect((await app.inject({ url: '/api/awards/nope' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/api/programs/Bad%20Id' })).statusCode).toBe(400);
  });

  it('refuses writes without a token (401), with a wrong token (403), and when no token is configured (403)', async () => {
    const body = await readProgramDefinition(store.db, 'open-artifacts-fellowship');
    const none = await app.inject({
      method: 'PUT',
      url: '/api/programs/open-artifacts-fellowship',
      payload: body,
    });
    expect(none.statusCode).toBe(401);
    expect(none.json().error.code).toBe('ERR_UNAUTHORIZED');
    const wrong = await app.inject({
      method: 'DELETE',
      url: '/api/programs/open-artifacts-fellowship',
      headers: { authorization: 'Bearer not-the-token' },
    });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.code).toBe('ERR_FORBIDDEN');
    const closed = await buildServer({ db: store.db, dialect: store.dialect });
    try {
      const response = await closed.inject({
        method: 'DELETE',
        url: '/api/awards/oaf-2026-chem',
        headers: auth,
      });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.message).toMatch(/APERTURE_ADMIN_TOKEN/);
    } finally {
      await closed.close();
    }
    expect((await app.inject({ url: '/api/awards/oaf-2026-chem' })).statusCode).toBe(200);
  });

  it('creates, updates and deletes programs and awards with the token, naming bad fields', async () => {
    const program = {
      spec: 'aperture.dev/program/v1',
      id: 'api-residency',
      name: 'API residency (test)',
      kind: 'residency',
      funder: 'Demo Funder',
      currency: 'USD',
      totalBudget: 1000,
      requirements: [{ id: 'kt', kind: 'knowledge-transfer', goals: { talks: 1 } }],
    };
    const bad = await app.inject({
      method: 'POST',
      url: '/api/programs',
      headers: auth,
      payload: { ...program, kind: 'loan' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('kind');
    const created = await app.inject({
      method: 'POST',
      url: '/api/programs',
      headers: auth,
      payload: program,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().warnings).toEqual([]);
    const unknownBenchmark = await app.inject({
      method: 'POST',
      url: '/api/programs',
      headers: auth,
      payload: {
        ...program,
        id: 'api-benchmark-test',
        kind: 'grant',
        requirements: [{ id: 'bench', kind: 'benchmark-contribution', benchmark: 'no-such-benchmark' }],
      },
    });
    expect(unknownBenchmark.statusCode).toBe(201);
    expect(unknownBenchmark.json().warnings).toEqual([
      'requirement "bench" names the arena benchmark "no-such-benchmark", which the arena does not have: its deliverables cannot verify until it exists',
    ]);
    await app.inject({ method: 'DELETE', url: '/api/programs/api-benchmark-test', headers: auth });
    expect(
      (await app.inject({ method: 'POST', url: '/api/programs', headers: auth, payload: program }))
        .statusCode,
    ).toBe(409);
    const award = {
      id: 'api-award',
      recipient: 'R',
      recipientType: 'person',
      money: 400,
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      deliverables: [{ requirement: 'kt', evidence: { talks: ['https://example.org/talk'] } }],
    };
    const added = await app.inject({
      method: 'POST',
      url: '/api/programs/api-residency/awards',
      headers: auth,
      payload: award,
    });
    expect(added.statusCode).toBe(201);
    expect(added.json().deliverables).toHaveLength(1);
    const wrongRequirement = await app.inject({
      method: 'PUT',
      url: '/api/awards/api-award',
      headers: auth,
      payload: { ...award, deliverables: [{ requirement: 'nope' }] },
    });
    expect(wrongRequirement.statusCode).toBe(400);
    const renamed = await app.inject({
      method: 'PUT',
      url: '/api/awards/api-award',
      headers: auth,
      payload: { ...award, recipient: 'R2' },
    });
    expect(renamed.json().recipient).toBe('R2');
    const policyPath = await app.inject({
      method: 'PUT',
      url: '/api/programs/api-residency',
      headers: auth,
      payload: {
        ...program,
        requirements: [...program.requirements, { id: 'r', kind: 'release-pack', policy: '/etc/passwd' }],
      },
    });
    expect(policyPath.statusCode).toBe(400);
    expect(policyPath.json().error.field).toBe('requirements.1.policy');
    // Sources on the server's own disk are refused: over HTTP only hf: ids and https git URLs.
    for (const [payload, field] of [
      [{ ...award, source: '/etc' }, 'body.source'],
      [{ ...award, source: 'file:///srv/releases' }, 'body.source'],
      [
        { ...award, deliverables: [{ requirement: 'kt', source: './examples/open-science-pack' }] },
        'body.deliverables.0.source',
      ],
    ] as const) {
      const local = await app.inject({ method: 'PUT', url: '/api/awards/api-award', headers: auth, payload });
      expect(local.statusCode, JSON.stringify(payload)).toBe(400);
      expect(local.json().error.field).toBe(field);
    }
    const localInProgram = await app.inject({
      method: 'PUT',
      url: '/api/programs/api-residency',
      headers: auth,
      payload: { ...program, awards: [{ ...award, source: '/home' }] },
    });
    expect(localInProgram.statusCode).toBe(400);
    expect(localInProgram.json().error.field).toBe('awards.0.source');
    const remote = await app.inject({
      method: 'PUT',
      url: '/api/awards/api-award',
      headers: auth,
      payload: { ...award, source: 'hf:example-lab/model' },
    });
    expect(remote.statusCode).toBe(200);
    expect(
      (await app.inject({ method: 'DELETE', url: '/api/awards/api-award', headers: auth })).statusCode,
    ).toBe(204);
    expect(
      (await app.inject({ method: 'DELETE', url: '/api/programs/api-residency', headers: auth })).statusCode,
    ).toBe(204);
    expect(
      (await app.inject({ method: 'DELETE', url: '/api/programs/api-residency', headers: auth })).statusCode,
    ).toBe(404);
  });
});
