import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CheckReport, checkPack, REPORT_VERSION } from '../src/checker/index.ts';
import { memoryPack } from '../src/scan/index.ts';
import {
  acceptCheckSource,
  BODY_LIMIT_BYTES,
  buildServer,
  DASHBOARD_NOT_BUILT_HTML,
  defaultWebRoot,
  packageRoot,
  type ZodApp,
} from '../src/server/index.ts';
import { type DatabaseHandle, migrateToLatest, openDatabase } from '../src/store/index.ts';
import { routeRecorder } from './support/route-list.ts';

let store: DatabaseHandle;
let report: CheckReport;
let emptyWeb: string;
let builtWeb: string;

beforeAll(async () => {
  store = await openDatabase({ file: ':memory:', env: {} });
  await migrateToLatest(store);
  report = await checkPack(memoryPack({ 'README.md': '# A model\n' }), 'hf:org/name');
  emptyWeb = await mkdtemp(path.join(tmpdir(), 'aperture-web-empty-'));
  builtWeb = await mkdtemp(path.join(tmpdir(), 'aperture-web-built-'));
  await writeFile(
    path.join(builtWeb, 'index.html'),
    '<!doctype html><title>dashboard</title><div id="root"></div>',
  );
  await writeFile(path.join(builtWeb, 'app.js'), 'console.log(1);');
});

afterAll(async () => {
  await store?.close();
  await rm(emptyWeb, { recursive: true, force: true });
  await rm(builtWeb, { recursive: true, force: true });
});

describe('POST /api/check', () => {
  let app: ZodApp;
  const checked: string[] = [];

  beforeAll(async () => {
    app = await buildServer({
      db: store.db,
      dialect: store.dialect,
      webRoot: emptyWeb,
      checkRateLimit: 1_000,
      // No network in tests: github.com resolves to a public address from this table.
      destination: { lookup: async () => [{ address: '140.82.121.3', family: 4 }] },
      checkRelease: async (target) => {
        checked.push(target);
        return { ...report, target };
      },
    });
  });
  afterAll(() => app.close());

  const post = (source: unknown) => app.inject({ method: 'POST', url: '/api/check', payload: { source } });

  it('checks hf:org/name with the injected checker and returns the JSON report v1 with fixes', async () => {
    const response = await post('hf:org/name');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ reportVersion: REPORT_VERSION, target: 'hf:org/name' });
    expect(body.profile).toEqual(JSON.parse(JSON.stringify(report.profile)));
    expect(Array.isArray(body.fixes)).toBe(true);
    expect(checked).toEqual(['hf:org/name']);
  });

  it('accepts a revision and an https git URL', async () => {
    expect((await post('hf:org/name@v1.0')).statusCode).toBe(200);
    expect((await post('https://github.com/org/model.git#v1')).statusCode).toBe(200);
    expect(checked.slice(-2)).toEqual(['hf:org/name@v1.0', 'https://github.com/org/model.git#v1']);
  });

  it.each([
    ['/etc', 'local paths'],
    ['file:///x', 'https://'],
    ['./examples/x', 'local paths'],
    ['ext::sh -c touch% /tmp/pwned', 'https://'],
    ['ext::sh', 'https://'],
    ['release.tar.gz', 'archives'],
    ['https://example.com/release.zip', 'archives'],
    ['ssh://git@github.com/org/model.git', 'https://'],
    ['git@github.com:org/model.git', 'https://'],
    ['http://github.com/org/model.git', 'https://'],
    ['https://github.com/org/--upload-pack=x', 'option'],
    ['hf:not-a-valid-id', 'hf:org/name'],
  ])('refuses %s with 400 before any check runs', async (source, words) => {
    const before = checked.length;
    const response = await post(source);
    expect(response.statusCode, response.body).toBe(400);
    const { error } = response.json();
    expect(error.code).toMatch(/^ERR_(USAGE|GIT_URL|HF_ID)$/);
    expect(error.message).toContain(words);
    expect(checked.length).toBe(before);
  });

  it('answers 400 naming the field for a missing or non-string source', async () => {
    for (const payload of [{}, { source: 42 }, { source: '' }]) {
      const response = await app.inject({ method: 'POST', url: '/api/check', payload });
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toMatchObject({ code: 'ERR_USAGE', field: 'source' });
    }
  });

  it('answers 400 for malformed JSON and 413 JSON for a body over the limit', async () => {
    const malformed = await app.inject({
      method: 'POST',
      url: '/api/check',
      headers: { 'content-type': 'application/json' },
      payload: '{"source":',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('ERR_USAGE');
    const big = await post(`hf:org/${'x'.repeat(BODY_LIMIT_BYTES)}`);
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('ERR_TOO_LARGE');
    expect(big.body).not.toContain('    at ');
  });

  it('maps a checker failure to its status and hides internal errors', async () => {
    const failing = await buildServer({
      db: store.db,
      dialect: store.dialect,
      webRoot: emptyWeb,
      checkRelease: async (target) => {
        if (target.includes('gone')) {
          const { ApertureError } = await import('../src/errors.ts');
          throw new ApertureError('ERR_SOURCE_UNAVAILABLE', 'the Hub did not answer');
        }
        throw new Error('secret internal detail at /srv/x.ts:1');
      },
    });
    try {
      const gone = await failing.inject({
        method: 'POST',
        url: '/api/check',
        payload: { source: 'hf:org/gone' },
      });
      expect(gone.statusCode).toBe(502);
      expect(gone.json()).toEqual({
        error: { code: 'ERR_SOURCE_UNAVAILABLE', message: 'the Hub did not answer' },
      });
      const broken = await failing.inject({
        method: 'POST',
        url: '/api/check',
        payload: { source: 'hf:org/x' },
      });
      expect(broken.statusCode).toBe(500);
      expect(broken.json().error.code).toBe('ERR_INTERNAL');
      expect(broken.body).not.toContain('secret');
    } finally {
      await failing.close();
    }
  });

  it('answers 504 when the check outlives the time limit', async () => {
    const slow = await buildServer({
      db: store.db,
      dialect: store.dialect,
      webRoot: emptyWeb,
      checkTimeoutMs: 20,
      checkRelease: () => new Promise<CheckReport>((resolve) => setTimeout(() => resolve(report), 500)),
    });
    try {
      const response = await slow.inject({
        method: 'POST',
        url: '/api/check',
        payload: { source: 'hf:org/x' },
      });
      expect(response.statusCode).toBe(504);
      expect(response.json().error.code).toBe('ERR_TIMEOUT');
    } finally {
      await slow.close();
    }
  });

  it('rate-limits checks per client address with a 429 JSON error', async () => {
    const limited = await buildServer({
      db: store.db,
      dialect: store.dialect,
      webRoot: emptyWeb,
      checkRateLimit: 2,
      checkRelease: async () => report,
    });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i += 1) {
        statuses.push(
          (await limited.inject({ method: 'POST', url: '/api/check', payload: { source: 'hf:org/x' } }))
            .statusCode,
        );
      }
      expect(statuses).toEqual([200, 200, 429]);
      const refused = await limited.inject({
        method: 'POST',
        url: '/api/check',
        payload: { source: 'hf:org/x' },
      });
      expect(refused.json().error).toEqual({
        code: 'ERR_RATE_LIMITED',
        message: expect.stringMatching(/^too many checks from this address; retry in /),
      });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      const other = await limited.inject({
        method: 'POST',
        url: '/api/check',
        remoteAddress: '10.0.0.9',
        payload: { source: 'hf:org/x' },
      });
      expect(other.statusCode).toBe(200);
      // Reads are not limited.
      expect((await limited.inject({ url: '/api/health' })).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('acceptCheckSource trims and returns the source', async () => {
    expect(await acceptCheckSource('  hf:org/name  ')).toBe('hf:org/name');
  });
});

describe('OpenAPI document and docs page', () => {
  let app: ZodApp;
  const recorder = routeRecorder();
  beforeAll(async () => {
    app = await buildServer({
      db: store.db,
      dialect: store.dialect,
      webRoot: emptyWeb,
      onRoute: recorder.onRoute,
    });
  });
  afterAll(() => app.close());

  it('serves a valid OpenAPI 3.1 document with every route', async () => {
    const response = await app.inject({ url: '/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toBe('3.1.0');
    expect(document.info).toMatchObject({ title: 'Aperture API' });
    // Every registered /api route is documented, with Fastify's `:param` written as OpenAPI's `{param}`.
    await app.ready();
    const registered = recorder.routes
      .map((route) => route.path)
      .filter((routePath) => routePath.startsWith('/api/') && !routePath.includes('*'))
      .map((routePath) => routePath.replace(/:(\w+)/g, '{$1}'));
    const documented = Object.keys(document.paths);
    expect(documented).toEqual(expect.arrayContaining([...new Set(registered)]));
    expect(documented).toEqual(
      expect.arrayContaining([
        '/api/check',
        '/api/countries',
        '/api/health',
        '/api/import-runs',
        '/api/indicators',
        '/api/indicators/{name}',
        '/api/models',
        '/api/models/{id}',
        '/api/organizations',
        '/api/organizations/{id}',
        '/api/programs',
        '/api/sources',
        '/api/arena/benchmarks',
      ]),
    );
    const models = document.paths['/api/models'].get;
    const parameterNames = models.parameters.map((parameter: { name: string }) => parameter.name).sort();
    expect(parameterNames).toEqual(
      [
        'accessibility',
        'country',
        'format',
        'mofClass',
        'openWashing',
        'organization',
        'page',
        'pageSize',
        'q',
        'region',
        'sort',
        'source',
        'year',
      ].sort(),
    );
    expect(models.responses['200']).toBeDefined();
    expect(document.paths['/api/check'].post.requestBody.content['application/json'].schema).toBeDefined();
    expect(document.components.schemas.ModelSummary).toBeDefined();
    // Every $ref resolves inside the document.
    const refs = [...response.body.matchAll(/"\$ref":"([^"]+)"/g)].map((match) => match[1]!);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      const target = ref
        .replace(/^#\//, '')
        .split('/')
        .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], document);
      expect(target, ref).toBeDefined();
    }
    // Component schemas are valid JSON Schema 2020-12 (the dialect of OpenAPI 3.1).
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    for (const [name, schema] of Object.entries(document.components.schemas)) {
      expect(ajv.validateSchema(schema as object), name).toBe(true);
    }
  });

  it('serves a docs page at /docs', async () => {
    const response = await app.inject({ url: '/docs', headers: { accept: 'text/html' } });
    const final =
      response.statusCode === 302
        ? await app.inject({ url: new URL(response.headers.location!, 'http://x').pathname })
        : response;
    expect(final.statusCode).toBe(200);
    expect(final.headers['content-type']).toMatch(/^text\/html/);
    expect(final.body).toContain('swagger');
  });
});

describe('routing, static files and errors', () => {
  it('answers 404 JSON for unknown API routes, whatever the Accept header', async () => {
    const app = await buildServer({ db: store.db, dialect: store.dialect, webRoot: builtWeb });
    try {
      for (const url of ['/api/nope', '/api', '/api/models/1/extra']) {
        const response = await app.inject({ url, headers: { accept: 'text/html' } });
        expect(response.statusCode, url).toBe(404);
        expect(response.json().error.code).toBe('ERR_NOT_FOUND');
      }
      const post = await app.inject({ method: 'DELETE', url: '/api/models' });
      expect(post.statusCode).toBe(404);
    } finally {
      await app.close();
    }
  });

  it('serves the dashboard and falls back to index.html for client routes', async () => {
    const app = await buildServer({ db: store.db, dialect: store.dialect, webRoot: builtWeb });
    try {
      const root = await app.inject({ url: '/', headers: { accept: 'text/html' } });
      expect(root.statusCode).toBe(200);
      expect(root.body).toContain('<div id="root">');
      const asset = await app.inject({ url: '/app.js' });
      expect(asset.statusCode).toBe(200);
      expect(asset.body).toContain('console.log');
      const client = await app.inject({ url: '/models/42', headers: { accept: 'text/html,*/*' } });
      expect(client.statusCode).toBe(200);
      expect(client.headers['content-type']).toMatch(/^text\/html/);
      expect(client.body).toContain('<div id="root">');
      const missingAsset = await app.inject({ url: '/missing.js', headers: { accept: '*/*' } });
      expect(missingAsset.statusCode).toBe(404);
      expect(missingAsset.json().error.code).toBe('ERR_NOT_FOUND');
    } finally {
      await app.close();
    }
  });

  it('says the dashboard is not built when the web root has no index.html', async () => {
    const app = await buildServer({ db: store.db, dialect: store.dialect, webRoot: emptyWeb });
    try {
      const root = await app.inject({ url: '/', headers: { accept: 'text/html' } });
      expect(root.statusCode).toBe(200);
      expect(root.body).toBe(DASHBOARD_NOT_BUILT_HTML);
      expect(root.body).toContain('npm run build');
    } finally {
      await app.close();
    }
  });

  it('finds the package root and the default web root from the source tree', () => {
    expect(packageRoot()).toBe(path.resolve(import.meta.dirname, '..'));
    expect(defaultWebRoot()).toBe(path.resolve(import.meta.dirname, '../dist/web'));
  });

  it('listens on a real port and answers fetch', async () => {
    const app = await buildServer({ db: store.db, dialect: store.dialect, webRoot: emptyWeb });
    try {
      await app.listen({ host: '127.0.0.1', port: 0 });
      const { port } = app.server.address() as { port: number };
      const health = await fetch(`http://127.0.0.1:${port}/api/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok', dialect: 'sqlite' });
      const models = await fetch(`http://127.0.0.1:${port}/api/models?pageSize=abc`);
      expect(models.status).toBe(400);
      expect(((await models.json()) as { error: { field: string } }).error.field).toBe('pageSize');
    } finally {
      await app.close();
    }
  });
});
