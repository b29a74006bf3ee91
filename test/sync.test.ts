import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';
import { runCli } from '../src/cli/test-support/recording-io.ts';
import { runSync, type SyncOutcome, syncTargets, writeCatalog } from '../src/observatory/index.ts';
import { startUpstreamServer, type UpstreamServer } from '../src/observatory/test-support/upstream-server.ts';
import { type DatabaseHandle, migrateToLatest, withCatalogSources } from '../src/store/index.ts';
import { forEachDialect } from './support/dialects.ts';
import {
  EPOCH_CSV,
  EPOCH_CSV_CHANGED_SCHEMA,
  FMTI_CSV,
  motTarball,
  osaiTarball,
  upstreamEnv,
} from './support/sync-fixtures.ts';

let upstream: UpstreamServer;
let env: Record<string, string>;

function serveGoodData(): void {
  upstream.routes.clear();
  upstream.routes.set('/epoch/notable_ai_models.csv', {
    body: EPOCH_CSV,
    contentType: 'text/csv',
    etag: true,
    lastModified: 'Tue, 02 Dec 2025 10:00:00 GMT',
  });
  upstream.routes.set('/fmti/Dec2025_scores.csv', { body: FMTI_CSV, contentType: 'text/csv' });
  upstream.routes.set('/mot/tarball', { redirect: '/mot/codeload.tar.gz' });
  upstream.routes.set('/mot/codeload.tar.gz', {
    body: motTarball(),
    contentType: 'application/x-gzip',
    etag: true,
  });
  upstream.routes.set('/osai/tarball', {
    body: osaiTarball(),
    contentType: 'application/x-gzip',
    etag: true,
  });
}

beforeAll(async () => {
  upstream = await startUpstreamServer();
  env = upstreamEnv(upstream.url, upstream.host);
});
afterAll(async () => {
  await upstream?.close();
});

function sync(store: DatabaseHandle, names: string[] = [], timeoutMs = 10_000): Promise<SyncOutcome[]> {
  return runSync(store.db, syncTargets(names, {}, env), {
    destination: { allowHosts: [upstream.host] },
    timeoutMs,
    now: () => new Date('2026-12-05T12:00:00Z'),
  });
}

/** Everything a failed sync must leave as it was. */
async function catalogState(store: DatabaseHandle) {
  const [models, ratings, scores, sources] = await Promise.all([
    store.db
      .selectFrom('models')
      .select(['source', 'external_id', 'date', 'parameters'])
      .orderBy('source')
      .orderBy('external_id')
      .execute(),
    store.db
      .selectFrom('openness_ratings')
      .select(['scheme', 'subject', 'score'])
      .orderBy('subject')
      .execute(),
    store.db.selectFrom('transparency_scores').select(['developer', 'total']).orderBy('developer').execute(),
    withCatalogSources(store.db).selectFrom('catalog_sources').selectAll().orderBy('id').execute(),
  ]);
  return { models, ratings, scores, sources };
}

forEachDialect('aperture sync against a local upstream', (ctx) => {
  it('matches across sources once the sync is done, with the decisions of the overrides file', async () => {
    const fresh = await ctx.openFresh();
    await migrateToLatest(fresh);
    const dir = await mkdtemp(path.join(tmpdir(), 'aperture-sync-overrides-'));
    const overridesFile = path.join(dir, 'catalog-overrides.yaml');
    await writeFile(
      overridesFile,
      'version: 1\nmatches:\n  - left: "epoch:Alpha-1"\n    right: "mot:Alpha-1"\n    decision: reject\n',
    );
    serveGoodData();
    await runSync(fresh.db, syncTargets(['epoch', 'mot'], {}, env), {
      destination: { allowHosts: [upstream.host] },
      overridesFile,
    });
    const pairs = await fresh.db
      .selectFrom('entity_matches')
      .select(['left_key', 'right_key', 'status', 'decided_by'])
      .where('kind', '=', 'model')
      .execute();
    const alpha = pairs.filter(
      (pair) => [pair.left_key, pair.right_key].sort().join(' ') === 'epoch:Alpha-1 mot:Alpha-1',
    );
    expect(alpha).toEqual([expect.objectContaining({ status: 'rejected', decided_by: 'override' })]);
    await fresh.close();
    await rm(dir, { recursive: true, force: true });
  });

  let store: DatabaseHandle;
  beforeAll(async () => {
    store = await ctx.openFresh();
    await migrateToLatest(store);
  });
  afterAll(async () => {
    await store?.close();
  });

  it('refreshes every source in one transaction each and records it in catalog_sources', async () => {
    serveGoodData();
    const outcomes = await sync(store);
    expect(outcomes.map((outcome) => [outcome.id, outcome.status, outcome.reason])).toEqual([
      ['epoch', 'updated', null],
      ['fmti', 'updated', null],
      ['mot', 'updated', null],
      ['osai', 'updated', null],
    ]);
    expect(outcomes.map((outcome) => outcome.records)).toEqual([3, 2, 2, 1]);
    const state = await catalogState(store);
    expect(
      state.models.filter((model) => model.source === 'epoch').map((model) => model.external_id),
    ).toEqual(['Alpha-1', 'Beta-2', 'Gamma-3']);
    expect(state.scores).toEqual([
      { developer: 'Acme', total: 2 },
      { developer: 'Beta Labs', total: 1 },
    ]);
    expect(state.sources.map((source) => [source.id, source.origin, source.license])).toEqual([
      ['epoch', 'sync', 'CC-BY-4.0'],
      ['fmti', 'sync', 'CC-BY-4.0'],
      ['mot', 'sync', 'MIT'],
      ['osai', 'sync', 'CC-BY-4.0'],
    ]);
    expect(state.sources[0]).toMatchObject({
      snapshot_date: '2025-12-02',
      imported_at: '2026-12-05T12:00:00.000Z',
      url: `${upstream.url}/epoch/notable_ai_models.csv`,
    });
    expect(state.sources[0]!.sha256).toBe(outcomes[0]!.sha256);
    // Facts only, as in the bundle: the OSAI notes and MOT descriptions never reach the catalog.
    const details = await store.db
      .selectFrom('openness_ratings')
      .select(['details', 'source_file'])
      .execute();
    expect(JSON.stringify(details)).not.toMatch(/gated behind|prose that must not/);
    expect(details.map((row) => row.source_file).sort()).toEqual([
      'Gamma-3.yaml',
      'models/Alpha-1.yml',
      'models/Delta-4.yml',
    ]);
  });

  it('changes nothing on a second sync: 304 where the upstream has validators, the checksum otherwise', async () => {
    const before = await catalogState(store);
    const runs = await store.db.selectFrom('import_runs').select('id').execute();
    upstream.requests.length = 0;
    const outcomes = await sync(store);
    expect(outcomes.map((outcome) => [outcome.id, outcome.status, outcome.reason])).toEqual([
      ['epoch', 'unchanged', 'not modified since the last sync'],
      ['fmti', 'unchanged', 'same checksum as the data loaded'],
      ['mot', 'unchanged', 'not modified since the last sync'],
      ['osai', 'unchanged', 'not modified since the last sync'],
    ]);
    expect(upstream.requests.find((line) => line.startsWith('GET /epoch/'))).toMatch(
      /GET \/epoch\/\S+ "[0-9a-f]+"/,
    );
    expect(await catalogState(store)).toEqual(before);
    expect(await store.db.selectFrom('import_runs').select('id').execute()).toEqual(runs);
  });

  it('fails each bad source with one line and keeps its previous data while the others proceed', async () => {
    const before = await catalogState(store);
    serveGoodData();
    // HTML instead of the CSV, a body cut short, a redirect to a private address; FMTI changes and proceeds.
    upstream.routes.set('/epoch/notable_ai_models.csv', {
      body: '<!DOCTYPE html><html><body>Sign in</body></html>',
      contentType: 'text/html; charset=utf-8',
    });
    upstream.routes.set('/mot/codeload.tar.gz', {
      body: motTarball(['Alpha-1', 'Delta-4', 'Omega-9']),
      behaviour: 'truncate',
    });
    upstream.routes.set('/osai/tarball', { redirect: 'http://192.168.1.20/main-database.tar.gz' });
    upstream.routes.set('/fmti/Dec2025_scores.csv', { body: `${FMTI_CSV}Risk thresholds,1,1\n` });
    const outcomes = await sync(store);
    const byId = Object.fromEntries(outcomes.map((outcome) => [outcome.id, outcome]));
    expect(byId.fmti).toMatchObject({ status: 'updated', records: 2 });
    expect(byId.epoch).toMatchObject({
      status: 'failed',
      code: 'ERR_UNREADABLE',
      reason: expect.stringContaining('served an HTML page'),
    });
    expect(byId.mot).toMatchObject({ status: 'failed', code: 'ERR_SOURCE_UNAVAILABLE' });
    expect(byId.mot!.reason).toMatch(/truncated|broke off/);
    expect(byId.osai).toMatchObject({
      status: 'failed',
      code: 'ERR_DESTINATION_REFUSED',
      reason: expect.stringContaining('http://192.168.1.20/main-database.tar.gz: refused'),
    });
    for (const outcome of outcomes) expect(outcome.reason ?? '').not.toContain('\n');
    const after = await catalogState(store);
    expect(after.models).toEqual(before.models);
    expect(after.ratings).toEqual(before.ratings);
    expect(after.sources.filter((source) => source.id !== 'fmti')).toEqual(
      before.sources.filter((source) => source.id !== 'fmti'),
    );
    expect(after.scores).toEqual([
      { developer: 'Acme', total: 3 },
      { developer: 'Beta Labs', total: 2 },
    ]);
  });

  it('fails a changed schema, a hanging server and an unsafe archive, keeping the previous data', async () => {
    const before = await catalogState(store);
    serveGoodData();
    upstream.routes.set('/epoch/notable_ai_models.csv', {
      body: EPOCH_CSV_CHANGED_SCHEMA,
      contentType: 'text/csv',
    });
    upstream.routes.set('/fmti/Dec2025_scores.csv', { behaviour: 'hang' });
    const { buildTarGz } = await import('../src/scan/test-support/build-tar.ts');
    upstream.routes.set('/mot/codeload.tar.gz', {
      body: buildTarGz([{ path: 'lfai-mot-1/models/../../../evil.yml', content: 'x' }]),
    });
    upstream.routes.set('/osai/tarball', { body: osaiTarball(['Gamma-3']).subarray(0, 200) });
    const outcomes = await sync(store, [], 500);
    const byId = Object.fromEntries(outcomes.map((outcome) => [outcome.id, outcome]));
    expect(byId.epoch).toMatchObject({
      status: 'failed',
      code: 'ERR_UNREADABLE',
      reason: expect.stringContaining('not an Epoch AI models CSV'),
    });
    expect(byId.fmti).toMatchObject({
      status: 'failed',
      code: 'ERR_SOURCE_UNAVAILABLE',
      reason: expect.stringContaining('no complete answer within 0.5 s'),
    });
    expect(byId.mot).toMatchObject({
      status: 'failed',
      code: 'ERR_ARCHIVE_UNSAFE',
      reason: expect.stringContaining('(..)'),
    });
    expect(byId.osai).toMatchObject({ status: 'failed', code: 'ERR_UNREADABLE' });
    expect(await catalogState(store)).toEqual(before);
  });

  it('rolls the whole source back when its write fails half-way (atomic swap)', async () => {
    const before = await catalogState(store);
    serveGoodData();
    upstream.routes.set('/epoch/notable_ai_models.csv', {
      body: EPOCH_CSV.replace('7000000000', '8000000000'),
      contentType: 'text/csv',
    });
    const outcomes = await runSync(store.db, syncTargets(['epoch'], {}, env), {
      destination: { allowHosts: [upstream.host] },
      writer: async (trx, batch) => {
        await writeCatalog(trx, batch);
        throw new Error('disk full');
      },
    });
    expect(outcomes[0]).toMatchObject({
      status: 'failed',
      code: 'ERR_INTERNAL',
      reason: expect.stringContaining('disk full'),
    });
    expect(await catalogState(store)).toEqual(before);
  });

  it('drops what a source no longer lists, so a model renamed upstream is not counted twice', async () => {
    const before = await catalogState(store);
    expect(before.ratings.map((rating) => rating.subject)).toContain('Delta-4');
    serveGoodData();
    upstream.routes.set('/epoch/notable_ai_models.csv', {
      body: EPOCH_CSV.replace('Beta-2,', 'Beta-2 (renamed),'),
      contentType: 'text/csv',
    });
    upstream.routes.set('/fmti/Dec2025_scores.csv', {
      body: 'Indicator,Acme\nData size,1\nCompute,1\nModel cost,0\n',
      contentType: 'text/csv',
    });
    upstream.routes.set('/mot/codeload.tar.gz', {
      body: motTarball(['Alpha-1']),
      contentType: 'application/x-gzip',
    });
    const outcomes = await sync(store, ['epoch', 'fmti', 'mot']);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['updated', 'updated', 'updated']);
    const state = await catalogState(store);
    expect(
      state.models.filter((model) => model.source === 'epoch').map((model) => model.external_id),
    ).toEqual(['Alpha-1', 'Beta-2 (renamed)', 'Gamma-3']);
    expect(state.scores).toEqual([{ developer: 'Acme', total: 2 }]);
    expect(state.ratings.map((rating) => rating.subject)).not.toContain('Delta-4');
    // The OSAI rating, another source, stays.
    expect(state.ratings.map((rating) => rating.subject)).toContain('Gamma-3');
  });

  it('exits 4 from the CLI when a source fails, with one line per source and JSON on request', async () => {
    serveGoodData();
    upstream.routes.set('/epoch/notable_ai_models.csv', {
      body: '<html><body>maintenance</body></html>',
      contentType: 'text/plain',
    });
    const { args, env: dbEnv } = ctx.cli();
    const result = await runCli(['sync', ...args], { env: { ...env, ...dbEnv } });
    expect(result.code).toBe(4);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^epoch: failed: .*served an HTML page.* \(previous data kept\)$/);
    expect(lines.slice(1).every((line) => /^(fmti|mot|osai): (unchanged|updated)/.test(line))).toBe(true);
    expect(result.stderr.trim()).toBe(
      'aperture: 1 of 4 source(s) failed (epoch); their previous data is kept',
    );

    const json = await runCli(['sync', 'fmti', 'mot', '--json', ...args], { env: { ...env, ...dbEnv } });
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout) as { sources: SyncOutcome[] };
    expect(parsed.sources.map((outcome) => outcome.id)).toEqual(['fmti', 'mot']);
    expect(json.stderr).toBe('');

    // On a terminal, progress goes to standard error and each source's line to standard output.
    const out: string[] = [];
    const err: string[] = [];
    const io = {
      stdout: { write: (text: string) => void out.push(text), isTTY: true },
      stderr: { write: (text: string) => void err.push(text), isTTY: true },
      env: { ...env, ...dbEnv, NO_COLOR: '1' },
      cwd: ctx.tempDir,
    };
    expect(await main(['sync', 'fmti', ...args], io)).toBe(0);
    expect(err.join('')).toContain('sync fmti: downloading…');
    expect(out.join('')).toMatch(/^fmti: unchanged \(same checksum as the data loaded\)\n$/);

    const unknown = await runCli(['sync', 'nope', ...args], { env: { ...env, ...dbEnv } });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown source "nope"; sources: epoch, fmti, mot, osai');
  });
});
