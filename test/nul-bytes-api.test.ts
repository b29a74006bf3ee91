/**
 * NUL bytes (hardening): PostgreSQL cannot hold U+0000 in text and SQLite keeps it, so the API refuses it
 * in every request field with a 400 that names the field, before any route or the store sees it. The
 * table walks every GET route's query and path parameters from the OpenAPI document and every indicator
 * parameter, so a new route or parameter is covered without touching this file. Writes of arena and
 * program text are refused on both dialects, and nothing is stored. SQLite and PostgreSQL.
 */
import type { LightMyRequestResponse } from 'fastify';
import { expect, it } from 'vitest';
import { INDICATORS, listIndicatorParameters } from '../src/observatory/index.ts';
import { forEachDialect } from './support/dialects.ts';
import { recordingArenaApi } from './support/recording-arena-api.ts';

const ADMIN = 'nul-bytes-admin-token-41c8-9e3b07d2';
const AS_ADMIN = { authorization: `Bearer ${ADMIN}` };

interface OpenApiParameter {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
}

/** A GET request with `%00` in one parameter, the others left out (query) or given a harmless value (path). */
interface NulProbe {
  url: string;
  field: string;
}

/** One probe per query and path parameter of every GET route the OpenAPI document lists. */
function probesOf(document: { paths: Record<string, Record<string, { parameters?: OpenApiParameter[] }>> }) {
  const probes: NulProbe[] = [];
  for (const [pattern, operations] of Object.entries(document.paths)) {
    const parameters = operations.get?.parameters ?? [];
    const fill = (nulIn: string | null) =>
      pattern.replace(/\{(\w+)\}/g, (_match, name: string) => (name === nulIn ? 'a%00b' : '1'));
    for (const parameter of parameters) {
      if (parameter.in === 'path') probes.push({ url: fill(parameter.name), field: parameter.name });
      if (parameter.in === 'query')
        probes.push({ url: `${fill(null)}?${parameter.name}=%00`, field: parameter.name });
    }
  }
  return probes;
}

function expectNulRefused(response: LightMyRequestResponse, field: string, where: string): void {
  expect(response.statusCode, `${where}: ${response.body}`).toBe(400);
  const { error } = response.json();
  expect(error.code, where).toBe('ERR_USAGE');
  expect(error.field, where).toBe(field);
  expect(error.message, where).toMatch(/NUL/);
  expect(error.message, where).toContain(field);
}

forEachDialect('NUL bytes in API requests', (ctx) => {
  const api = recordingArenaApi(ctx, { adminToken: ADMIN });

  it('refuses %00 in every query and path parameter of every GET route with a 400 naming it', async () => {
    const document = (await api.call({ url: '/openapi.json' })).json();
    const probes = probesOf(document);
    // The walk reaches the filters the hardening issue names; a schema change that hid them would fail here.
    expect(probes.map((probe) => `${probe.url.split('?')[0]} ${probe.field}`)).toEqual(
      expect.arrayContaining([
        '/api/models q',
        '/api/models organization',
        '/api/models source',
        '/api/models mofClass',
        '/api/organizations type',
        '/api/indicators/1 format',
        '/api/arena/benchmarks/1/leaderboard round',
        '/api/programs/a%00b id',
      ]),
    );
    expect(probes.length).toBeGreaterThan(40);
    for (const probe of probes) {
      expectNulRefused(await api.call({ url: probe.url }), probe.field, `GET ${probe.url}`);
    }
  });

  it('refuses %00 in every parameter of every indicator, and in a NUL anywhere in a value', async () => {
    let checked = 0;
    for (const indicator of INDICATORS) {
      for (const parameter of listIndicatorParameters(indicator.params)) {
        for (const value of ['%00', 'all%00', '2020%00']) {
          const url = `/api/indicators/${indicator.id}?${parameter.name}=${value}`;
          expectNulRefused(await api.call({ url }), parameter.name, `GET ${url}`);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
    // A parameter name holding NUL is named too (escaped, so the field is readable).
    const response = await api.call({ url: '/api/models?q%00=x' });
    expectNulRefused(response, 'q\\0', 'GET /api/models?q%00=x');
  });

  it('refuses NUL in arena and program bodies with a 400 naming the field and stores nothing', async () => {
    const team = await api.call({
      method: 'POST',
      url: '/api/arena/teams',
      headers: AS_ADMIN,
      payload: { slug: 'nul-team', name: 'The\u0000Owls' },
    });
    expectNulRefused(team, 'name', 'POST /api/arena/teams');

    const definition = {
      slug: 'nul-bench',
      title: 'NUL\u0000bench',
      metric: 'accuracy',
      labels: ['yes', 'no'],
      ladder: { kind: 'parameter-free' },
      dailyCap: 5,
      rounds: [
        {
          name: 'round-1',
          opensAt: '2020-01-01T00:00:00Z',
          freezesAt: '2020-01-08T00:00:00Z',
          closesAt: '2099-01-01T00:00:00Z',
        },
      ],
    };
    const benchmark = await api.call({
      method: 'POST',
      url: '/api/arena/benchmarks',
      headers: AS_ADMIN,
      payload: { definition },
    });
    expectNulRefused(benchmark, 'definition.title', 'POST /api/arena/benchmarks');

    const labels = await api.call({
      method: 'POST',
      url: '/api/arena/benchmarks',
      headers: AS_ADMIN,
      payload: { definition: { ...definition, title: 'NUL bench', labels: ['yes', 'n\u0000o'] } },
    });
    expectNulRefused(labels, 'definition.labels.1', 'POST /api/arena/benchmarks (labels)');

    const program = await api.call({
      method: 'POST',
      url: '/api/programs',
      headers: AS_ADMIN,
      payload: {
        spec: 'aperture.dev/program/v1',
        id: 'nul-residency',
        name: 'NUL\u0000residency',
        kind: 'residency',
        funder: 'Demo Funder',
        currency: 'USD',
        totalBudget: 1000,
        requirements: [{ id: 'kt', kind: 'knowledge-transfer', goals: { talks: 1 } }],
      },
    });
    expectNulRefused(program, 'name', 'POST /api/programs');

    const db = api.store.db;
    expect(await db.selectFrom('teams').select('slug').execute()).toEqual([]);
    expect(await db.selectFrom('benchmarks').select('slug').execute()).toEqual([]);
    expect(await db.selectFrom('programs').select('slug').execute()).toEqual([]);
  });

  it('refuses NUL that only appears once YAML or JSON Lines inside a body is read, storing nothing', async () => {
    // YAML's "\0" escape and JSON's "\u0000" reach the request as plain text: the definition and items
    // readers refuse them, naming where (the definition with the API's 400, the items with a 422).
    const yaml = `slug: nul-yaml
title: "NUL\\0yaml"
metric: exact-match
ladder:
  kind: parameter-free
dailyCap: 5
rounds:
  - name: round-1
    opensAt: 2020-01-01T00:00:00Z
    freezesAt: 2020-01-08T00:00:00Z
    closesAt: 2099-01-01T00:00:00Z
`;
    const fromYaml = await api.call({
      method: 'POST',
      url: '/api/arena/benchmarks',
      headers: AS_ADMIN,
      payload: { definition: yaml },
    });
    expect(fromYaml.statusCode, fromYaml.body).toBe(400);
    expect(fromYaml.json().error).toMatchObject({ code: 'ERR_USAGE', field: 'definition.title' });
    expect(fromYaml.json().error.message).toMatch(/^definition:2:\d+: title: .*NUL/);
    expect(await api.store.db.selectFrom('benchmarks').select('slug').execute()).toEqual([]);

    const created = await api.call({
      method: 'POST',
      url: '/api/arena/benchmarks',
      headers: AS_ADMIN,
      payload: { definition: yaml.replace('NUL\\0yaml', 'NUL yaml') },
    });
    expect(created.statusCode, created.body).toBe(201);
    for (const [format, items, where] of [
      ['jsonl', '{"id":"q1","label":"a"}\n{"id":"q\\u00002","label":"b"}\n', /items line 2: .*NUL/],
      ['jsonl', '{"id":"q1","label":"a"}\n{"id":"q2","label":"b\\u0000"}\n', /items line 2: .*NUL/],
    ] as const) {
      const response = await api.call({
        method: 'POST',
        url: '/api/arena/benchmarks/nul-yaml/items',
        headers: AS_ADMIN,
        payload: { split: 'public', format, items },
      });
      expect(response.statusCode, response.body).toBe(422);
      expect(response.json().error.message).toMatch(where);
    }
    expect(await api.store.db.selectFrom('arena_items').select('external_id').execute()).toEqual([]);
  });
});
