import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDICATORS, runIndicator } from '../src/observatory/index.ts';
import { buildServer, type ZodApp } from '../src/server/index.ts';
import { type DatabaseHandle, fillFoldedNames, migrateToLatest, upsertRows } from '../src/store/index.ts';
import { forEachDialect, POSTGRES_AVAILABLE } from './support/dialects.ts';

/** JSON answers per dialect, compared at the end: both engines must answer identically. */
const ANSWERS: Record<string, Record<string, unknown>> = {};

async function seedCatalog(store: DatabaseHandle): Promise<Record<string, number>> {
  const db = store.db;
  await upsertRows(
    db,
    'organizations',
    [
      {
        name: 'alpha-lab',
        country: 'US',
        country_name: 'United States',
        region: 'us',
        type: 'industry',
        source: 'demo',
      },
      {
        name: 'beta-institute',
        country: 'FR',
        country_name: 'France',
        region: 'europe',
        type: 'academia',
        source: 'demo',
      },
      {
        name: 'gamma-ai',
        country: 'CN',
        country_name: 'China',
        region: 'china',
        type: 'industry',
        source: 'demo',
      },
      { name: 'delta-collective', source: 'demo' },
    ],
    ['name'],
  );
  const orgs = Object.fromEntries(
    (await db.selectFrom('organizations').select(['id', 'name']).execute()).map((row) => [row.name, row.id]),
  );
  const model = (
    source: string,
    name: string,
    organization: string | null,
    values: Record<string, unknown>,
  ) => ({
    source,
    external_id: name,
    name,
    organization_id: organization === null ? null : orgs[organization]!,
    ...values,
  });
  await upsertRows(
    db,
    'models',
    [
      model('hf', 'alpha-one', 'alpha-lab', {
        date: '2023-05-01',
        accessibility: 'open-weights-unrestricted',
        openness_score: 80,
        mof_class: 'II',
        parameters: 7e9,
        domain: 'language',
        source_url: 'https://huggingface.co/alpha/one',
        external_ids: '{"hf":"alpha/one"}',
        profile: '{"score":80}',
      }),
      model('epoch', 'alpha-two', 'alpha-lab', { date: '2024-02', accessibility: 'api', parameters: 1.8e12 }),
      model('hf', 'beta-base', 'beta-institute', {
        date: '2024-06-15',
        accessibility: 'open-weights-restricted',
        openness_score: 55,
        mof_class: 'III',
        parameters: 1e9,
      }),
      model('hf', 'beta-tuned', 'beta-institute', {
        date: '2024',
        accessibility: 'open-weights-unrestricted',
        openness_score: 60,
      }),
      model('epoch', 'gamma-chat', 'gamma-ai', { date: '2022-11-30', accessibility: 'hosted' }),
      model('demo', '=cmd|calc', null, {}),
      model('epoch', 'joint-model', 'alpha-lab', {
        date: '2025-01-10',
        accessibility: 'open-weights-noncommercial',
        openness_score: 70,
        mof_class: 'I',
        parameters: 3e10,
      }),
    ],
    ['source', 'external_id'],
  );
  const models = Object.fromEntries(
    (await db.selectFrom('models').select(['id', 'name']).execute()).map((row) => [row.name, row.id]),
  );
  // Raw rows, written without the catalog writers: fold their names as the migration does.
  await fillFoldedNames(db, 'models');
  await fillFoldedNames(db, 'organizations');
  const countries: [string, string][] = [
    ['alpha-one', 'US'],
    ['alpha-two', 'US'],
    ['beta-base', 'FR'],
    ['beta-tuned', 'FR'],
    ['gamma-chat', 'CN'],
    ['joint-model', 'US'],
    ['joint-model', 'FR'],
  ];
  await upsertRows(
    db,
    'model_countries',
    countries.map(([name, country]) => ({ model_id: models[name]!, country })),
    ['model_id', 'country'],
  );
  await upsertRows(
    db,
    'lineage',
    [{ child_model_id: models['beta-tuned']!, parent_model_id: models['beta-base']!, relation: 'finetune' }],
    ['child_model_id', 'parent_model_id', 'relation'],
  );
  await upsertRows(
    db,
    'adoption_snapshots',
    [
      { model_id: models['beta-base']!, date: '2024-08-01', downloads: 200, likes: 7, derivatives: 2 },
      { model_id: models['beta-base']!, date: '2024-07-01', downloads: 100, likes: 5, derivatives: 1 },
    ],
    ['model_id', 'date'],
  );
  await upsertRows(
    db,
    'openness_ratings',
    [
      {
        scheme: 'mof',
        subject: 'beta-base',
        model_id: models['beta-base']!,
        rating_class: 'III',
        score: 40,
        details: '{"components":2}',
        source: 'mot',
      },
    ],
    ['scheme', 'subject'],
  );
  await upsertRows(
    db,
    'import_runs',
    [
      {
        id: 1,
        kind: 'epoch',
        source: 'epoch.csv',
        started_at: '2025-01-01T00:00:00Z',
        finished_at: '2025-01-01T00:01:00Z',
        status: 'finished',
        inserted: 5,
        updated: 0,
        rejected: 0,
      },
      {
        id: 2,
        kind: 'hf',
        source: '=HYPERLINK("x")',
        started_at: '2025-02-01T00:00:00Z',
        status: 'failed',
        inserted: 1,
        updated: 1,
        rejected: 2,
      },
    ],
    ['id'],
  );
  await upsertRows(
    db,
    'rejected_rows',
    [
      { run_id: 2, file: 'listing.json', line: 3, reason: 'no name' },
      { run_id: 2, file: 'listing.json', line: 9, reason: 'bad date' },
    ],
    ['id'],
  );
  return models;
}

forEachDialect('server API', (ctx) => {
  let store: DatabaseHandle;
  let app: ZodApp;
  let ids: Record<string, number>;
  const answers: Record<string, unknown> = {};
  ANSWERS[ctx.dialect] = answers;

  /** GET `url` as JSON, expecting `status`; remembers the body for the cross-dialect comparison. */
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the assertions themselves
  async function getJson(url: string, status = 200): Promise<any> {
    const response = await app.inject({ method: 'GET', url });
    expect(response.statusCode, `${url}: ${response.body}`).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const body = response.json();
    answers[url] = body;
    return body;
  }

  const names = (body: { items: { name: string }[] }) => body.items.map((item) => item.name);

  beforeAll(async () => {
    store = await ctx.open();
    await migrateToLatest(store);
    ids = await seedCatalog(store);
    app = await buildServer({ db: store.db, dialect: store.dialect, webRoot: ctx.tempDir });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('answers /api/health with the version and dialect', async () => {
    const response = await app.inject({ url: '/api/health' });
    expect(response.json()).toMatchObject({ status: 'ok', dialect: ctx.dialect });
    expect(response.json().version).toMatch(/^\d+\.\d+\.\d+/);
    expect(response.headers['x-request-id']).toBeTruthy();
  });

  it('lists models newest first by default, missing dates last, with countries and regions', async () => {
    const body = await getJson('/api/models');
    expect(body).toMatchObject({ page: 1, pageSize: 50, total: 7 });
    expect(names(body)).toEqual([
      'joint-model',
      'beta-base',
      'alpha-two',
      'beta-tuned',
      'alpha-one',
      'gamma-chat',
      '=cmd|calc',
    ]);
    const joint = body.items[0];
    expect(joint).toEqual({
      id: ids['joint-model'],
      name: 'joint-model',
      source: 'epoch',
      organization: { id: expect.any(Number), name: 'alpha-lab' },
      date: '2025-01-10',
      domain: null,
      parameters: 3e10,
      trainingComputeFlop: null,
      accessibility: 'open-weights-noncommercial',
      opennessScore: 70,
      mofClass: 'I',
      openWashing: null,
      openWashingReason: null,
      countries: ['FR', 'US'],
      regions: ['europe', 'us'],
      sourceUrl: null,
    });
    expect(body.items[6].organization).toBeNull();
  });

  it('paginates with page and pageSize and keeps the total', async () => {
    const first = await getJson('/api/models?pageSize=3');
    const second = await getJson('/api/models?pageSize=3&page=2');
    const last = await getJson('/api/models?pageSize=3&page=3');
    expect(names(first)).toEqual(['joint-model', 'beta-base', 'alpha-two']);
    expect(names(second)).toEqual(['beta-tuned', 'alpha-one', 'gamma-chat']);
    expect(names(last)).toEqual(['=cmd|calc']);
    expect([first.total, second.total, last.total]).toEqual([7, 7, 7]);
    expect((await getJson('/api/models?page=9')).items).toEqual([]);
  });

  it('filters models by each filter', async () => {
    expect(names(await getJson('/api/models?q=ALPHA'))).toEqual(['alpha-two', 'alpha-one']);
    expect(names(await getJson('/api/models?q=%25'))).toEqual([]);
    expect(names(await getJson('/api/models?country=fr'))).toEqual([
      'joint-model',
      'beta-base',
      'beta-tuned',
    ]);
    expect(names(await getJson('/api/models?region=China'))).toEqual(['gamma-chat']);
    expect(names(await getJson('/api/models?region=europe'))).toEqual([
      'joint-model',
      'beta-base',
      'beta-tuned',
    ]);
    expect(names(await getJson('/api/models?region=rest'))).toEqual([]);
    expect(names(await getJson('/api/models?organization=gamma-ai'))).toEqual(['gamma-chat']);
    expect(names(await getJson('/api/models?accessibility=open'))).toEqual([
      'joint-model',
      'beta-base',
      'beta-tuned',
      'alpha-one',
    ]);
    expect(names(await getJson('/api/models?accessibility=closed'))).toEqual(['alpha-two', 'gamma-chat']);
    expect(names(await getJson('/api/models?accessibility=api'))).toEqual(['alpha-two']);
    expect(names(await getJson('/api/models?year=2024'))).toEqual(['beta-base', 'alpha-two', 'beta-tuned']);
    expect(names(await getJson('/api/models?mofClass=II'))).toEqual(['alpha-one']);
    expect(names(await getJson('/api/models?source=hf'))).toEqual(['beta-base', 'beta-tuned', 'alpha-one']);
    const combined = await getJson('/api/models?country=US&accessibility=open&year=2025');
    expect(names(combined)).toEqual(['joint-model']);
    expect(combined.total).toBe(1);
  });

  it('filters by organization id', async () => {
    const organizations = await getJson('/api/organizations?q=gamma');
    const gamma = organizations.items[0].id;
    expect(names(await getJson(`/api/models?organization=${gamma}`))).toEqual(['gamma-chat']);
  });

  it('sorts models by name, score and parameters, missing values last', async () => {
    expect(names(await getJson('/api/models?sort=name&source=hf'))).toEqual([
      'alpha-one',
      'beta-base',
      'beta-tuned',
    ]);
    expect(names(await getJson('/api/models?sort=-name&source=hf'))).toEqual([
      'beta-tuned',
      'beta-base',
      'alpha-one',
    ]);
    expect(names(await getJson('/api/models?sort=date'))).toEqual([
      'gamma-chat',
      'alpha-one',
      'beta-tuned',
      'alpha-two',
      'beta-base',
      'joint-model',
      '=cmd|calc',
    ]);
    expect(names(await getJson('/api/models?sort=-opennessScore')).slice(0, 4)).toEqual([
      'alpha-one',
      'joint-model',
      'beta-tuned',
      'beta-base',
    ]);
    expect(names(await getJson('/api/models?sort=opennessScore')).slice(0, 4)).toEqual([
      'beta-base',
      'beta-tuned',
      'joint-model',
      'alpha-one',
    ]);
    expect(names(await getJson('/api/models?sort=parameters')).slice(0, 4)).toEqual([
      'beta-base',
      'alpha-one',
      'joint-model',
      'alpha-two',
    ]);
    expect(names(await getJson('/api/models?sort=-parameters')).slice(0, 4)).toEqual([
      'alpha-two',
      'joint-model',
      'alpha-one',
      'beta-base',
    ]);
  });

  it('exports the whole filtered model list as CSV with formula cells neutralised', async () => {
    const response = await app.inject({ url: '/api/models?format=csv&pageSize=1' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toBe('attachment; filename="models.csv"');
    const lines = response.body.trim().split('\n');
    expect(lines[0]).toBe(
      'id,name,source,organizationId,organization,date,domain,parameters,trainingComputeFlop,accessibility,opennessScore,mofClass,openWashing,openWashingReason,countries,regions,sourceUrl',
    );
    expect(lines).toHaveLength(8);
    expect(lines[1]).toContain(',joint-model,epoch,');
    expect(lines[1]).toContain(',FR;US,europe;us,');
    expect(lines[7]).toContain(`,'=cmd|calc,demo,`);
    expect(response.body).not.toMatch(/(^|,)=cmd/m);
    answers['csv models'] = response.body.replace(/^\d+,/gm, '');
    const filtered = await app.inject({ url: '/api/models?format=csv&country=CN' });
    expect(filtered.body.trim().split('\n')).toHaveLength(2);
  });

  it('returns 400 naming the field for bad query values', async () => {
    for (const [url, field] of [
      ['/api/models?pageSize=0', 'pageSize'],
      ['/api/models?pageSize=abc', 'pageSize'],
      ['/api/models?pageSize=501', 'pageSize'],
      ['/api/models?page=0', 'page'],
      ['/api/models?sort=size', 'sort'],
      ['/api/models?region=mars', 'region'],
      ['/api/models?country=France', 'country'],
      ['/api/models?accessibility=free', 'accessibility'],
      ['/api/models?year=twenty', 'year'],
      ['/api/models?format=xml', 'format'],
      ['/api/models?openWashing=yes', 'openWashing'],
      ['/api/models?openWashing=1', 'openWashing'],
      ['/api/organizations?sort=size', 'sort'],
      ['/api/import-runs?pageSize=-1', 'pageSize'],
      ['/api/models/abc', 'id'],
      ['/api/models/0', 'id'],
    ] as const) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(400);
      const body = response.json();
      expect(body.error, url).toMatchObject({ code: 'ERR_USAGE', field });
      expect(body.error.message, url).toContain(field);
      expect(response.body).not.toMatch(/at .*\.ts:\d+/);
    }
  });

  it('shows one model with profile, lineage, adoption and ratings', async () => {
    const base = await getJson(`/api/models/${ids['beta-base']}`);
    expect(base).toMatchObject({
      name: 'beta-base',
      externalIds: {},
      profile: null,
      lineage: {
        parents: [],
        children: [{ id: ids['beta-tuned'], name: 'beta-tuned', relation: 'finetune' }],
      },
      adoption: [
        { date: '2024-07-01', downloads: 100, likes: 5, derivatives: 1 },
        { date: '2024-08-01', downloads: 200, likes: 7, derivatives: 2 },
      ],
      ratings: [{ scheme: 'mof', ratingClass: 'III', score: 40, details: { components: 2 }, source: 'mot' }],
    });
    const tuned = await getJson(`/api/models/${ids['beta-tuned']}`);
    expect(tuned.lineage).toEqual({
      parents: [{ id: ids['beta-base'], name: 'beta-base', relation: 'finetune' }],
      children: [],
    });
    const one = await getJson(`/api/models/${ids['alpha-one']}`);
    expect(one).toMatchObject({ externalIds: { hf: 'alpha/one' }, profile: { score: 80 } });
  });

  it('answers 404 JSON for an unknown model id', async () => {
    const body = await getJson('/api/models/999999', 404);
    expect(body.error).toEqual({ code: 'ERR_NOT_FOUND', message: 'no model with id 999999' });
  });

  it('lists organizations with counts, filters, sorts and CSV', async () => {
    const all = await getJson('/api/organizations');
    expect(all.total).toBe(4);
    expect(names(all)).toEqual(['alpha-lab', 'beta-institute', 'delta-collective', 'gamma-ai']);
    expect(all.items[0]).toEqual({
      id: expect.any(Number),
      name: 'alpha-lab',
      country: 'US',
      countryName: 'United States',
      region: 'us',
      type: 'industry',
      modelCount: 3,
      openModelCount: 2,
    });
    expect(names(await getJson('/api/organizations?sort=-modelCount'))).toEqual([
      'alpha-lab',
      'beta-institute',
      'gamma-ai',
      'delta-collective',
    ]);
    expect(names(await getJson('/api/organizations?sort=modelCount')).slice(0, 2)).toEqual([
      'delta-collective',
      'gamma-ai',
    ]);
    expect(names(await getJson('/api/organizations?sort=-name&pageSize=2&page=2'))).toEqual([
      'beta-institute',
      'alpha-lab',
    ]);
    expect(names(await getJson('/api/organizations?country=FR'))).toEqual(['beta-institute']);
    expect(names(await getJson('/api/organizations?region=EUROPE'))).toEqual(['beta-institute']);
    expect(names(await getJson('/api/organizations?type=industry'))).toEqual(['alpha-lab', 'gamma-ai']);
    expect(names(await getJson('/api/organizations?q=LAB'))).toEqual(['alpha-lab']);
    const csv = await app.inject({ url: '/api/organizations?format=csv&type=industry' });
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toContain('organizations.csv');
    expect(csv.body.trim().split('\n')[0]).toBe(
      'id,name,country,countryName,region,type,modelCount,openModelCount',
    );
    expect(csv.body.trim().split('\n')).toHaveLength(3);
  });

  it('shows one organization with its models, and 404 for an unknown one', async () => {
    const list = await getJson('/api/organizations?q=beta');
    const id = list.items[0].id;
    const detail = await getJson(`/api/organizations/${id}`);
    expect(detail).toMatchObject({ name: 'beta-institute', modelCount: 2, openModelCount: 2 });
    expect(names({ items: detail.models })).toEqual(['beta-base', 'beta-tuned']);
    const missing = await getJson('/api/organizations/424242', 404);
    expect(missing.error.code).toBe('ERR_NOT_FOUND');
  });

  it('lists countries (a model counts once per distinct country) and exports CSV', async () => {
    const body = await getJson('/api/countries');
    expect(body.items).toEqual([
      {
        country: 'FR',
        countryName: 'France',
        region: 'europe',
        modelCount: 3,
        openModelCount: 3,
        organizationCount: 1,
      },
      {
        country: 'US',
        countryName: 'United States',
        region: 'us',
        modelCount: 3,
        openModelCount: 2,
        organizationCount: 1,
      },
      {
        country: 'CN',
        countryName: 'China',
        region: 'china',
        modelCount: 1,
        openModelCount: 0,
        organizationCount: 1,
      },
    ]);
    const csv = await app.inject({ url: '/api/countries?format=csv' });
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body.trim().split('\n')).toEqual([
      'country,countryName,region,modelCount,openModelCount,organizationCount',
      'FR,France,europe,3,3,1',
      'US,United States,us,3,2,1',
      'CN,China,china,1,0,1',
    ]);
  });

  it('lists import runs newest first with rejected counts, and as neutralised CSV', async () => {
    const body = await getJson('/api/import-runs');
    expect(body).toMatchObject({ total: 2, page: 1 });
    expect(body.items.map((run: { id: number }) => run.id)).toEqual([2, 1]);
    expect(body.items[0]).toEqual({
      id: 2,
      kind: 'hf',
      source: '=HYPERLINK("x")',
      startedAt: '2025-02-01T00:00:00Z',
      finishedAt: null,
      status: 'failed',
      inserted: 1,
      updated: 1,
      rejected: 2,
      rejectedRowsStored: 2,
      ownerHost: null,
      ownerPid: null,
      heartbeatAt: null,
    });
    const csv = await app.inject({ url: '/api/import-runs?format=csv' });
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.body.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('lists the indicators with their documentation fields', async () => {
    const body = await getJson('/api/indicators');
    const listed = body.items.map((item: { name: string }) => item.name);
    expect(listed).toEqual(INDICATORS.map((indicator) => indicator.id));
    expect(listed).toContain('models-per-country');
    for (const item of body.items) {
      expect(item.title).toBeTruthy();
      expect(item.summary).toBeTruthy();
      expect(item.columns.length).toBeGreaterThan(0);
      expect(item.chart.x).toBeTruthy();
    }
  });

  it('computes an indicator with parameters, as JSON and as CSV', async () => {
    const body = await getJson('/api/indicators/models-per-country?source=all');
    const direct = await runIndicator(store.db, 'models-per-country', { source: 'all' });
    expect(body).toEqual(JSON.parse(JSON.stringify(direct)));
    expect(body.name).toBe('models-per-country');
    expect(body.rows.length).toBeGreaterThan(0);
    const csv = await app.inject({ url: '/api/indicators/models-per-country?source=all&format=csv' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toBe('attachment; filename="models-per-country.csv"');
    const lines = csv.body.trim().split('\n');
    expect(lines[0]).toBe(body.columns.map((column: { name: string }) => column.name).join(','));
    expect(lines).toHaveLength(body.rows.length + 1);
  });

  it('answers 404 for an unknown indicator and 400 naming a bad parameter', async () => {
    const unknown = await getJson('/api/indicators/no-such-indicator', 404);
    expect(unknown.error.code).toBe('ERR_NOT_FOUND');
    expect(unknown.error.message).toContain('models-per-country');
    const badValue = await getJson('/api/indicators/models-per-country?from=abc', 400);
    expect(badValue.error).toMatchObject({ code: 'ERR_USAGE', field: 'from' });
    const badName = await getJson('/api/indicators/models-per-country?colour=red', 400);
    expect(badName.error).toMatchObject({ code: 'ERR_USAGE', field: 'colour' });
    const reversed = await getJson('/api/indicators/models-per-country?from=2024&to=2020', 400);
    expect(reversed.error).toMatchObject({ code: 'ERR_USAGE', field: 'from' });
  });
});

describe('server API across dialects', () => {
  it.skipIf(!POSTGRES_AVAILABLE)('answers identical JSON on SQLite and PostgreSQL', () => {
    expect(Object.keys(ANSWERS.sqlite ?? {}).length).toBeGreaterThan(20);
    expect(ANSWERS.postgres).toEqual(ANSWERS.sqlite);
  });
});
