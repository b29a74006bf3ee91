import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCatalog } from '../src/observatory/index.ts';
import { buildServer, type ZodApp } from '../src/server/index.ts';
import { type DatabaseHandle, migrateToLatest, openDatabase } from '../src/store/index.ts';

const root = path.resolve(import.meta.dirname, '..');
/** Generated client files live below node_modules, so that they resolve openapi-fetch as a user's would. */
const clientDir = path.join(root, 'node_modules/.cache/aperture-openapi-client');

let store: DatabaseHandle;
let app: ZodApp;
let document: string;
let baseUrl: string;

beforeAll(async () => {
  store = await openDatabase({ file: ':memory:', env: {} });
  await migrateToLatest(store);
  await loadDemoCatalog(store.db);
  app = await buildServer({ db: store.db, dialect: store.dialect, webRoot: path.join(clientDir, 'no-web') });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('the server has no TCP address');
  baseUrl = `http://127.0.0.1:${address.port}`;
  document = (await app.inject({ url: '/openapi.json' })).body;
  await mkdir(clientDir, { recursive: true });
});

afterAll(async () => {
  await app?.close();
  await store?.close();
  await rm(clientDir, { recursive: true, force: true });
});

/** Type-checks FILES strictly, as a client project would; the diagnostics as `file:line: message`. */
function typeCheck(files: readonly string[]): string[] {
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowImportingTsExtensions: true,
    skipLibCheck: true,
    types: [],
  });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where = diagnostic.file
      ? `${path.basename(diagnostic.file.fileName)}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1}: `
      : '';
    return `${where}${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
  });
}

describe('the OpenAPI document', () => {
  it('passes the Redocly linter with its recommended rules, without an error or a warning', async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source: document, absoluteRef: 'openapi.json', config });
    const lines = problems.map(
      (problem) =>
        `${problem.severity} ${problem.ruleId}: ${problem.message} (${problem.location[0]?.pointer})`,
    );
    expect(lines).toEqual([]);
  });

  it('documents the bearer tokens on exactly the routes that check them', () => {
    const parsed = JSON.parse(document) as {
      paths: Record<string, Record<string, { security?: Array<Record<string, unknown>> }>>;
    };
    const schemes = (method: string, route: string) =>
      (parsed.paths[route]?.[method]?.security ?? []).flatMap((requirement) => Object.keys(requirement));
    expect(schemes('get', '/api/models')).toEqual([]);
    expect(schemes('post', '/api/programs')).toEqual(['adminToken']);
    expect(schemes('post', '/api/arena/benchmarks')).toEqual(['adminToken']);
    expect(schemes('post', '/api/arena/benchmarks/{slug}/rounds/{round}/submissions')).toEqual(['teamToken']);
  });

  it('generates a typed client that type-checks and calls the API', async () => {
    const types = astToString(await openapiTS(JSON.parse(document)));
    await writeFile(path.join(clientDir, 'api.d.ts'), types);
    const client = `import createClient from 'openapi-fetch';
import type { paths } from './api.d.ts';

/** Lists models of a country and opens the first, with the generated types. */
export async function firstModelOf(baseUrl: string, country: string) {
  const client = createClient<paths>({ baseUrl });
  const list = await client.GET('/api/models', { params: { query: { country, pageSize: 5 } } });
  if (list.error) throw new Error(list.error.error.message);
  const first = list.data.items[0];
  if (!first) return undefined;
  const detail = await client.GET('/api/models/{id}', { params: { path: { id: first.id } } });
  if (detail.error) throw new Error(detail.error.error.message);
  const name: string = detail.data.name;
  return { total: list.data.total, name };
}
`;
    // A call the API does not have must not compile against the same types.
    const wrong = `import createClient from 'openapi-fetch';
import type { paths } from './api.d.ts';

const client = createClient<paths>({ baseUrl: 'http://127.0.0.1' });
// @ts-expect-error: no such route
void client.GET('/api/modelz');
// @ts-expect-error: pageSize is a number
void client.GET('/api/models', { params: { query: { pageSize: 'many' } } });
`;
    await writeFile(path.join(clientDir, 'client.ts'), client);
    await writeFile(path.join(clientDir, 'wrong.ts'), wrong);
    expect(typeCheck([path.join(clientDir, 'client.ts'), path.join(clientDir, 'wrong.ts')])).toEqual([]);

    const { firstModelOf } = (await import(path.join(clientDir, 'client.ts'))) as {
      firstModelOf: (
        baseUrl: string,
        country: string,
      ) => Promise<{ total: number; name: string } | undefined>;
    };
    const answer = await firstModelOf(baseUrl, 'FR');
    expect(answer?.total).toBeGreaterThan(0);
    expect(answer?.name.length).toBeGreaterThan(0);
  });
});
