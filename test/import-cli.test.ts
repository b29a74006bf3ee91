import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/test-support/recording-io.ts';
import { sharedData } from '../src/observatory/test-support/shared-data.ts';
import { forEachDialect } from './support/dialects.ts';

const EPOCH_2025 = sharedData('epoch/notable_ai_models.2025-05.head80.csv');

const CSV = [
  'Model,Organization,Country (of organization),Publication date,Model accessibility',
  'Alpha,Lab A,United States of America,2024-01-02,Open weights (unrestricted)',
  'Beta,"Lab B,Lab C",China,2024-03,API access',
  'Broken,Lab A',
  'Gamma,Lab A,United States of America,2023,Unreleased',
  '',
].join('\n');

/** A local server whose answers the tests script per path. */
let server: Server;
let base = '';
const hits = new Map<string, number>();

beforeAll(async () => {
  server = createServer((request, response) => {
    const url = request.url ?? '/';
    const count = (hits.get(url) ?? 0) + 1;
    hits.set(url, count);
    if (url.startsWith('/flaky/')) {
      if (count === 1) {
        response.writeHead(500, { 'retry-after': '0' }).end('try again');
        return;
      }
      response.writeHead(200, { 'content-type': 'text/csv' }).end(CSV);
      return;
    }
    if (url === '/always-500.csv') {
      response.writeHead(500, { 'retry-after': '0' }).end('down');
      return;
    }
    if (url === '/big.csv') {
      response.writeHead(200, { 'content-type': 'text/csv' });
      response.end(`${CSV}${'x,y,z,2024,\n'.repeat(2_000)}`);
      return;
    }
    response.writeHead(404).end('no');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

forEachDialect('aperture import', (ctx) => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'aperture-import-cli-'));
    await writeFile(path.join(dir, 'models.csv'), CSV);
    await writeFile(path.join(dir, 'garbage.csv'), Buffer.from([0, 255, 1, 2, 0xfe, 0x00, 10, 0x80, 0x81]));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const run = (argv: string[]) => {
    const { args, env } = ctx.cli();
    return runCli(['import', ...argv, ...args], { env, cwd: dir });
  };

  it('imports a CSV, reports the rejected row, and re-imports without duplicates', async () => {
    const first = await run(['epoch', 'models.csv', '--json']);
    expect(first.code, first.stderr).toBe(0);
    const json = JSON.parse(first.stdout);
    expect(json).toMatchObject({ kind: 'epoch', source: 'models.csv', inserted: 3, updated: 0 });
    expect(json.rejected).toEqual([
      { file: 'models.csv', line: 4, reason: expect.stringContaining('2 fields where the header has 5') },
    ]);
    expect(first.stderr).toBe('');

    const again = await run(['epoch', 'models.csv']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/Inserted/);
    expect(again.stdout).toContain('models.csv:4: 2 fields where the header has 5');

    const store = await ctx.open();
    const models = await store.db
      .selectFrom('models')
      .select(['name', 'organization_id'])
      .orderBy('name')
      .execute();
    expect(models.map((model) => model.name)).toEqual(['Alpha', 'Beta', 'Gamma']);
    const beta = await store.db
      .selectFrom('models')
      .innerJoin('model_countries', 'model_countries.model_id', 'models.id')
      .select('country')
      .where('name', '=', 'Beta')
      .execute();
    expect(beta).toEqual([{ country: 'CN' }]);
    const organizations = await store.db
      .selectFrom('organizations')
      .select(['name', 'country'])
      .orderBy('name')
      .execute();
    expect(organizations).toEqual([
      { name: 'Lab A', country: 'US' },
      { name: 'Lab B', country: 'CN' },
      { name: 'Lab C', country: 'CN' },
    ]);
  });

  it.skipIf(EPOCH_2025 === null)('lists the fused Epoch row in the summary', async () => {
    const result = await run(['epoch', EPOCH_2025!]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`${EPOCH_2025}:24: 383 fields where the header has 368`);
  });

  it('downloads a URL, retrying a 500 that asks to retry', async () => {
    const result = await run(['epoch', `${base}/flaky/${ctx.dialect}/models.csv`, '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(hits.get(`/flaky/${ctx.dialect}/models.csv`)).toBe(2);
    const json = JSON.parse(result.stdout);
    expect(json.rejected).toEqual([
      expect.objectContaining({ file: `${base}/flaky/${ctx.dialect}/models.csv`, line: 4 }),
    ]);
    expect(json.inserted + json.updated).toBe(3);
  });

  const errors: Array<[string, string[], number, RegExp]> = [
    ['a missing file', ['epoch', 'nope.csv'], 2, /^aperture: no such file: \S*nope\.csv\n$/],
    ['a folder for epoch', ['epoch', '.'], 2, /^aperture: \S+ is not a file\n$/],
    ['binary garbage', ['epoch', 'garbage.csv'], 2, /^aperture: garbage\.csv: not an Epoch AI models CSV/],
    [
      'binary garbage as FMTI',
      ['fmti', 'garbage.csv', '--edition', '2025-12'],
      2,
      /^aperture: garbage\.csv: /,
    ],
    [
      'a file:// URL',
      ['epoch', 'file:///etc/passwd'],
      2,
      /only http:\/\/ and https:\/\/ URLs can be imported/,
    ],
    ['an ftp:// URL', ['epoch', 'ftp://example.org/x.csv'], 2, /refused ftp:\/\/ URL/],
    ['an unknown kind', ['nope', 'x'], 2, /unknown import kind "nope"/],
  ];
  for (const [what, argv, code, message] of errors) {
    it(`refuses ${what} with one line and exit ${code}`, async () => {
      const result = await run(argv);
      expect(result.code).toBe(code);
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    });
  }

  it('refuses a body over --max-bytes', async () => {
    const result = await run(['epoch', `${base}/big.csv`, '--max-bytes', '1000']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/big\.csv is larger than 1,000 bytes/);
  });

  it('gives up on a URL that keeps answering 500, with exit 3', async () => {
    const result = await run(['epoch', `${base}/always-500.csv`]);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^aperture: .* answered 500 after 4 attempts/);
  });

  it('records failed runs', async () => {
    const store = await ctx.open();
    const failed = await store.db
      .selectFrom('import_runs')
      .select('source')
      .where('status', '=', 'failed')
      .execute();
    expect(failed.map((row) => row.source)).toContain('nope.csv');
  });
});

describe('aperture import --help', () => {
  it('lists every kind with an example', async () => {
    const result = await runCli(['import', '--help']);
    expect(result.code).toBe(0);
    for (const kind of ['epoch', 'mot', 'osai', 'fmti', 'openalex', 'openalex-works', 'release-pack']) {
      expect(result.stdout).toMatch(new RegExp(`^  ${kind} `, 'm'));
      expect(result.stdout).toContain(`$ aperture import ${kind} `);
    }
  });
});
