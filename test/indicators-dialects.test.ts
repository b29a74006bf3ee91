import { beforeAll, describe, expect, it } from 'vitest';
import { ApertureError } from '../src/errors.ts';
import { INDICATORS, runIndicator } from '../src/observatory/index.ts';
import type { IndicatorResult } from '../src/spec/index.ts';
import { type DatabaseHandle, migrateToLatest, upsertRows } from '../src/store/index.ts';
import { forEachDialect } from './support/dialects.ts';

/*
 * A small hand-made catalog on which every indicator's answer was computed by hand (see the comments
 * beside each expectation). The same assertions run on SQLite and PostgreSQL, and the results of the
 * two dialects are compared with each other at the end.
 */

const ORGANIZATIONS = [
  { name: 'OpenAI', country: 'US', region: 'us', type: 'industry', source: 'test' },
  { name: 'DeepSeek', country: 'CN', region: 'china', type: 'industry', source: 'test' },
  { name: 'Mistral AI', country: 'FR', region: 'europe', type: 'industry', source: 'test' },
  { name: 'Tsinghua University', country: 'CN', region: 'china', type: 'academia', source: 'test' },
  { name: 'Meta AI', country: 'US', region: 'us', type: 'industry', source: 'test' },
];

type ModelFixture = {
  source: string;
  id: string;
  org: string | null;
  date: string | null;
  access:
    | 'open-weights-unrestricted'
    | 'open-weights-restricted'
    | 'open-weights-noncommercial'
    | 'api'
    | 'hosted'
    | 'unreleased'
    | 'unknown';
  countries: string[];
  score?: number;
  mof?: string;
};

const MODELS: ModelFixture[] = [
  {
    source: 'epoch',
    id: 'GPT-4o',
    org: 'OpenAI',
    date: '2024-05-13',
    access: 'api',
    countries: ['US'],
    score: 20,
  },
  { source: 'epoch', id: 'o1', org: 'OpenAI', date: '2024-09-12', access: 'api', countries: ['US'] },
  {
    source: 'epoch',
    id: 'DeepSeek-V3',
    org: 'DeepSeek',
    date: '2024-12-26',
    access: 'open-weights-unrestricted',
    countries: ['CN'],
    score: 70,
    mof: 'II',
  },
  {
    source: 'epoch',
    id: 'Llama 3.1',
    org: 'Meta AI',
    date: '2024-07-23',
    access: 'open-weights-restricted',
    countries: ['US'],
    score: 55,
    mof: 'III',
  },
  {
    source: 'epoch',
    id: 'Mistral Large 2',
    org: 'Mistral AI',
    date: '2024-07-24',
    access: 'open-weights-noncommercial',
    countries: ['FR'],
    score: 40,
  },
  {
    source: 'epoch',
    id: 'GLM collab',
    org: 'Tsinghua University',
    date: '2023-06',
    access: 'unknown',
    countries: ['CN', 'US'],
    score: 90,
    mof: 'I',
  },
  {
    source: 'epoch',
    id: 'Codestral',
    org: 'Mistral AI',
    date: '2024',
    access: 'open-weights-noncommercial',
    countries: ['FR', 'GB'],
  },
  {
    source: 'epoch',
    id: 'DALL-E 2 era',
    org: 'OpenAI',
    date: '2023-02-01',
    access: 'hosted',
    countries: ['US'],
  },
  {
    source: 'epoch',
    id: 'Undated',
    org: 'DeepSeek',
    date: null,
    access: 'unknown',
    countries: ['CN'],
    score: 10,
  },
  {
    source: 'hf',
    id: 'meta-llama/Llama-3.1-8B',
    org: 'Meta AI',
    date: null,
    access: 'open-weights-restricted',
    countries: ['US'],
    score: 80,
  },
  // No model_countries row: its origin falls back to its organisation's country (CN).
  {
    source: 'hf',
    id: 'deepseek-ai/DeepSeek-R1',
    org: 'DeepSeek',
    date: null,
    access: 'open-weights-unrestricted',
    countries: [],
  },
  {
    source: 'hf',
    id: 'user/llama-ft',
    org: null,
    date: null,
    access: 'open-weights-unrestricted',
    countries: [],
  },
  {
    source: 'hf',
    id: 'user/llama-ft-q',
    org: null,
    date: null,
    access: 'open-weights-unrestricted',
    countries: [],
  },
  {
    source: 'hf',
    id: 'user/merge',
    org: null,
    date: null,
    access: 'open-weights-unrestricted',
    countries: [],
  },
  {
    source: 'hf',
    id: 'user/r1-distill',
    org: null,
    date: null,
    access: 'open-weights-unrestricted',
    countries: [],
  },
  { source: 'hf', id: 'user/orphan', org: null, date: null, access: 'unknown', countries: [], score: 30 },
];

/** child → parents (Hub ids). */
const LINEAGE: [string, string, string][] = [
  ['user/llama-ft', 'meta-llama/Llama-3.1-8B', 'finetune'],
  ['user/llama-ft-q', 'user/llama-ft', 'quantized'],
  ['user/merge', 'meta-llama/Llama-3.1-8B', 'merge'],
  ['user/merge', 'deepseek-ai/DeepSeek-R1', 'merge'],
  ['user/r1-distill', 'deepseek-ai/DeepSeek-R1', 'finetune'],
];

/** [model, date, downloads]: the latest snapshot of each model counts. */
const ADOPTION: [string, string, number | null][] = [
  ['meta-llama/Llama-3.1-8B', '2025-01-01', 500],
  ['meta-llama/Llama-3.1-8B', '2025-06-01', 1000],
  ['deepseek-ai/DeepSeek-R1', '2025-06-01', 2000],
  ['user/llama-ft', '2025-06-01', 100],
  ['user/llama-ft-q', '2025-05-01', 999],
  ['user/llama-ft-q', '2025-06-01', null],
  ['user/merge', '2025-06-01', 50],
  ['user/r1-distill', '2025-06-01', 300],
];

/** [person, institution, type, start year]. */
const AFFILIATIONS: [string, string, string, number | null][] = [
  ['p1', 'Univ A', 'education', 2010],
  ['p1', 'OpenAI', 'company', 2018],
  ['p2', 'Univ B', 'education', 2012],
  ['p2', 'DeepMind', 'company', 2018],
  ['p2', 'Anthropic', 'company', 2020],
  ['p3', 'Google', 'company', 2015],
  ['p3', 'Univ C', 'education', 2019],
  ['p4', 'Univ D', 'education', 2016],
  ['p5', 'IBM', 'company', 2014],
  ['p5', 'Meta', 'company', 2016],
  // Same year: not a move in either direction.
  ['p6', 'Univ E', 'education', 2018],
  ['p6', 'Startup', 'company', 2018],
  ['p7', 'Univ F', 'education', 2011],
  ['p7', 'Ministry', 'government', 2015],
  ['p7', 'Mistral AI', 'company', 2020],
  ['p7', 'No year Corp', 'company', null],
];

const FUNDING = [
  {
    source: 'test',
    name: 'Horizon A',
    funder: 'European Commission',
    currency: 'EUR',
    total_amount: 1_000_000,
    open_amount: 400_000,
    start_year: 2023,
  },
  {
    source: 'test',
    name: 'Horizon B',
    funder: 'European Commission',
    currency: 'EUR',
    total_amount: 500_000,
    open_amount: 500_000,
    start_year: 2024,
  },
  {
    source: 'test',
    name: 'NSF X',
    funder: 'NSF',
    currency: 'USD',
    total_amount: 2_000_000,
    open_amount: 500_000,
    start_year: 2024,
  },
  {
    source: 'test',
    name: 'NSF Y',
    funder: 'NSF',
    currency: 'USD',
    total_amount: 1_000_000,
    open_amount: 0,
    start_year: 2024,
  },
  {
    source: 'test',
    name: 'NSF unknown',
    funder: 'NSF',
    currency: 'USD',
    total_amount: 300,
    open_amount: null,
    start_year: 2024,
  },
  {
    source: 'test',
    name: 'BMBF',
    funder: 'BMBF',
    currency: 'EUR',
    total_amount: 300_000,
    open_amount: 100_000,
    start_year: 2024,
  },
];

async function seed(store: DatabaseHandle): Promise<void> {
  const db = store.db;
  await upsertRows(db, 'organizations', ORGANIZATIONS, ['name']);
  const orgIds = new Map(
    (await db.selectFrom('organizations').select(['id', 'name']).execute()).map((o) => [o.name, o.id]),
  );
  await upsertRows(
    db,
    'models',
    MODELS.map((model) => ({
      source: model.source,
      external_id: model.id,
      name: model.id,
      organization_id: model.org === null ? null : orgIds.get(model.org)!,
      date: model.date,
      accessibility: model.access,
      openness_score: model.score ?? null,
      mof_class: model.mof ?? null,
    })),
    ['source', 'external_id'],
  );
  const modelIds = new Map(
    (await db.selectFrom('models').select(['id', 'external_id']).execute()).map((m) => [m.external_id, m.id]),
  );
  const id = (name: string) => modelIds.get(name)!;
  await upsertRows(
    db,
    'model_countries',
    MODELS.flatMap((model) => model.countries.map((country) => ({ model_id: id(model.id), country }))),
    ['model_id', 'country'],
  );
  await upsertRows(
    db,
    'lineage',
    LINEAGE.map(([child, parent, relation]) => ({
      child_model_id: id(child),
      parent_model_id: id(parent),
      relation,
      source: 'test',
    })),
    ['child_model_id', 'parent_model_id', 'relation'],
  );
  await upsertRows(
    db,
    'adoption_snapshots',
    ADOPTION.map(([model, date, downloads]) => ({
      model_id: id(model),
      date,
      downloads,
      likes: 0,
      source: 'test',
    })),
    ['model_id', 'date'],
  );
  // A MOF rating that reaches no class, linked to a model without a class: rated `none`, not unrated.
  await upsertRows(
    db,
    'openness_ratings',
    [
      {
        scheme: 'mof',
        subject: 'Undated',
        organization: 'DeepSeek',
        model_id: id('Undated'),
        rating_class: null,
        score: 40,
        details: null,
        source: 'mot',
        source_file: null,
      },
    ],
    ['scheme', 'subject'],
  );
  const people = [...new Set(AFFILIATIONS.map(([person]) => person))];
  await upsertRows(
    db,
    'people',
    people.map((person) => ({ source: 'test', external_id: person, name: person })),
    ['source', 'external_id'],
  );
  const personIds = new Map(
    (await db.selectFrom('people').select(['id', 'external_id']).execute()).map((p) => [p.external_id, p.id]),
  );
  await upsertRows(
    db,
    'affiliations',
    AFFILIATIONS.map(([person, institution, type, start]) => ({
      person_id: personIds.get(person)!,
      institution,
      institution_type: type,
      start_year: start,
    })),
    ['person_id', 'institution'],
  );
  await upsertRows(db, 'funding_programs', FUNDING, ['source', 'name']);
}

/** Every indicator call of the matrix, compared across dialects at the end. */
const CALLS: [string, Record<string, string | number>][] = [
  ['models-per-country', {}],
  ['models-per-country', { from: 2024 }],
  ['models-per-region', {}],
  ['open-share-top-labs', { top: 2, source: 'epoch' }],
  ['open-share-top-labs', { top: 3, from: 2024, source: 'epoch' }],
  ['openness-by-country', {}],
  ['openness-by-organization-type', {}],
  ['mof-class-distribution', {}],
  ['adoption-by-origin', {}],
  ['adoption-by-origin', { source: 'hf' }],
  ['adoption-by-origin', { source: 'hf', by: 'region' }],
  ['brain-flow', {}],
  ['brain-flow', { from: 2019, to: '2019' }],
  ['open-funding-share', {}],
  ['open-funding-share', { by: 'funder' }],
  ['open-funding-share', { funder: 'NSF' }],
];

const RESULTS: Record<string, Map<string, IndicatorResult>> = {};

forEachDialect('observatory indicators', (ctx) => {
  let store: DatabaseHandle;
  const results = new Map<string, IndicatorResult>();
  RESULTS[ctx.dialect] = results;

  const run = async (name: string, params: Record<string, string | number> = {}) => {
    const result = await runIndicator(store.db, name, params);
    results.set(`${name} ${JSON.stringify(params)}`, result);
    return result.rows;
  };

  beforeAll(async () => {
    store = await ctx.open();
    await migrateToLatest(store);
    await seed(store);
  });

  it('models-per-country: once per distinct country, year from the date', async () => {
    expect(await run('models-per-country')).toEqual([
      { year: 2023, country: 'CN', region: 'china', models: 1 },
      { year: 2023, country: 'US', region: 'us', models: 2 },
      { year: 2024, country: 'CN', region: 'china', models: 1 },
      { year: 2024, country: 'FR', region: 'europe', models: 2 },
      { year: 2024, country: 'GB', region: 'europe', models: 1 },
      { year: 2024, country: 'US', region: 'us', models: 3 },
    ]);
    expect((await run('models-per-country', { from: 2024 })).map((row) => row.year)).toEqual([
      2024, 2024, 2024, 2024,
    ]);
  });

  it('models-per-region: once per distinct region, with the AI Index reference', async () => {
    expect(await run('models-per-region')).toEqual([
      { year: 2023, region: 'china', models: 1 },
      { year: 2023, region: 'us', models: 2 },
      { year: 2024, region: 'china', models: 1 },
      // Mistral Large 2 (FR) and Codestral (FR + GB): Codestral counts once for Europe.
      { year: 2024, region: 'europe', models: 2 },
      { year: 2024, region: 'us', models: 3 },
    ]);
    const result = await runIndicator(store.db, 'models-per-region');
    expect(result.references[0]!.rows).toEqual([
      { year: 2024, region: 'us', models: 40 },
      { year: 2024, region: 'china', models: 15 },
      { year: 2024, region: 'europe', models: 3 },
    ]);
    expect(result.references[0]!.citation.url).toBe('https://hai.stanford.edu/ai-index/2025-ai-index-report');
  });

  it('open-share-top-labs: top labs by model count, ties by name, unknown and year-only dates left out', async () => {
    // OpenAI 3 models, then DeepSeek and Mistral AI 2 each: the tie goes to DeepSeek by name.
    expect(await run('open-share-top-labs', { top: 2, source: 'epoch' })).toEqual([
      { quarter: '2023-Q1', organization: 'OpenAI', open: 0, closed: 1, openShare: 0 },
      { quarter: '2023-Q1', organization: null, open: 0, closed: 1, openShare: 0 },
      { quarter: '2024-Q2', organization: 'OpenAI', open: 0, closed: 1, openShare: 0 },
      { quarter: '2024-Q2', organization: null, open: 0, closed: 1, openShare: 0 },
      { quarter: '2024-Q3', organization: 'OpenAI', open: 0, closed: 1, openShare: 0 },
      { quarter: '2024-Q3', organization: null, open: 0, closed: 1, openShare: 0 },
      { quarter: '2024-Q4', organization: 'DeepSeek', open: 1, closed: 0, openShare: 1 },
      { quarter: '2024-Q4', organization: null, open: 1, closed: 0, openShare: 1 },
    ]);
    expect(await run('open-share-top-labs', { top: 3, from: 2024, source: 'epoch' })).toEqual([
      { quarter: '2024-Q2', organization: 'OpenAI', open: 0, closed: 1, openShare: 0 },
      { quarter: '2024-Q2', organization: null, open: 0, closed: 1, openShare: 0 },
      { quarter: '2024-Q3', organization: 'Mistral AI', open: 1, closed: 0, openShare: 1 },
      { quarter: '2024-Q3', organization: 'OpenAI', open: 0, closed: 1, openShare: 0 },
      { quarter: '2024-Q3', organization: null, open: 1, closed: 1, openShare: 0.5 },
      { quarter: '2024-Q4', organization: 'DeepSeek', open: 1, closed: 0, openShare: 1 },
      { quarter: '2024-Q4', organization: null, open: 1, closed: 0, openShare: 1 },
    ]);
  });

  it('openness-by-country: count, mean, min, max and buckets per country and year', async () => {
    const stats = (models: number, mean: number, min: number, max: number, buckets: number[]) => ({
      models,
      mean,
      min,
      max,
      score0to24: buckets[0],
      score25to49: buckets[1],
      score50to74: buckets[2],
      score75to100: buckets[3],
    });
    expect(await run('openness-by-country')).toEqual([
      { year: 2023, country: 'CN', ...stats(1, 90, 90, 90, [0, 0, 0, 1]) },
      { year: 2023, country: 'US', ...stats(1, 90, 90, 90, [0, 0, 0, 1]) },
      { year: 2024, country: 'CN', ...stats(1, 70, 70, 70, [0, 0, 1, 0]) },
      { year: 2024, country: 'FR', ...stats(1, 40, 40, 40, [0, 1, 0, 0]) },
      { year: 2024, country: 'US', ...stats(2, 37.5, 20, 55, [1, 0, 1, 0]) },
      { year: null, country: 'CN', ...stats(1, 10, 10, 10, [1, 0, 0, 0]) },
      { year: null, country: 'US', ...stats(1, 80, 80, 80, [0, 0, 0, 1]) },
    ]);
    expect(await run('openness-by-organization-type')).toEqual([
      { year: 2023, organizationType: 'academia', ...stats(1, 90, 90, 90, [0, 0, 0, 1]) },
      { year: 2024, organizationType: 'industry', ...stats(4, 46.25, 20, 70, [1, 1, 2, 0]) },
      { year: null, organizationType: 'industry', ...stats(2, 45, 10, 80, [1, 0, 0, 1]) },
      { year: null, organizationType: 'unknown', ...stats(1, 30, 30, 30, [0, 1, 0, 0]) },
    ]);
  });

  it('mof-class-distribution: classes per country, rated without a class apart from unrated, unknown country last', async () => {
    expect(await run('mof-class-distribution')).toEqual([
      // Undated (CN) has a MOF rating without a class: rated, class none; the others are unrated.
      { country: 'CN', region: 'china', classI: 1, classII: 1, classIII: 0, none: 1, unrated: 0, models: 3 },
      { country: 'FR', region: 'europe', classI: 0, classII: 0, classIII: 0, none: 0, unrated: 2, models: 2 },
      { country: 'GB', region: 'europe', classI: 0, classII: 0, classIII: 0, none: 0, unrated: 1, models: 1 },
      { country: 'US', region: 'us', classI: 1, classII: 0, classIII: 1, none: 0, unrated: 4, models: 6 },
      { country: null, region: null, classI: 0, classII: 0, classIII: 0, none: 0, unrated: 6, models: 6 },
    ]);
  });

  it('adoption-by-origin: walks lineage to the root, latest snapshot, merges count for each root origin', async () => {
    // US root Llama-3.1-8B: itself 1000 (latest), llama-ft 100, llama-ft-q null → unknown, merge 50.
    // CN root DeepSeek-R1 (origin from its organisation): itself 2000, merge 50, r1-distill 300.
    expect(await run('adoption-by-origin', { source: 'hf' })).toEqual([
      {
        origin: 'CN',
        region: 'china',
        baseModels: 1,
        derivatives: 2,
        downloads: 2350,
        derivativeDownloads: 350,
        unknownDownloads: 0,
      },
      {
        origin: 'US',
        region: 'us',
        baseModels: 1,
        derivatives: 3,
        downloads: 1150,
        derivativeDownloads: 150,
        unknownDownloads: 1,
      },
    ]);
    expect(await run('adoption-by-origin', { source: 'hf', by: 'region' })).toEqual([
      {
        origin: 'china',
        region: 'china',
        baseModels: 1,
        derivatives: 2,
        downloads: 2350,
        derivativeDownloads: 350,
        unknownDownloads: 0,
      },
      {
        origin: 'us',
        region: 'us',
        baseModels: 1,
        derivatives: 3,
        downloads: 1150,
        derivativeDownloads: 150,
        unknownDownloads: 1,
      },
    ]);
    // Every source: the Epoch models are roots of their own, without downloads: unknown, not 0.
    expect(await run('adoption-by-origin')).toEqual([
      {
        origin: 'CN',
        region: 'china',
        baseModels: 4,
        derivatives: 2,
        downloads: 2350,
        derivativeDownloads: 350,
        unknownDownloads: 3,
      },
      {
        origin: 'US',
        region: 'us',
        baseModels: 6,
        derivatives: 3,
        downloads: 1150,
        derivativeDownloads: 150,
        unknownDownloads: 6,
      },
      {
        origin: 'FR',
        region: 'europe',
        baseModels: 2,
        derivatives: 0,
        downloads: null,
        derivativeDownloads: 0,
        unknownDownloads: 2,
      },
      {
        origin: 'GB',
        region: 'europe',
        baseModels: 1,
        derivatives: 0,
        downloads: null,
        derivativeDownloads: 0,
        unknownDownloads: 1,
      },
    ]);
  });

  it('brain-flow: first company after education, and the mirror', async () => {
    expect(await run('brain-flow')).toEqual([
      { year: 2018, academicToIndustry: 2, industryToAcademic: 0, net: 2 },
      { year: 2019, academicToIndustry: 0, industryToAcademic: 1, net: -1 },
      { year: 2020, academicToIndustry: 1, industryToAcademic: 0, net: 1 },
    ]);
    expect(await run('brain-flow', { from: 2019, to: '2019' })).toEqual([
      { year: 2019, academicToIndustry: 0, industryToAcademic: 1, net: -1 },
    ]);
  });

  it('open-funding-share: per year and currency, optionally per funder', async () => {
    expect(await run('open-funding-share')).toEqual([
      {
        year: 2023,
        funder: null,
        currency: 'EUR',
        programs: 1,
        totalAmount: 1_000_000,
        openAmount: 400_000,
        openShare: 0.4,
      },
      {
        year: 2024,
        funder: null,
        currency: 'EUR',
        programs: 2,
        totalAmount: 800_000,
        openAmount: 600_000,
        openShare: 0.75,
      },
      {
        year: 2024,
        funder: null,
        currency: 'USD',
        programs: 2,
        totalAmount: 3_000_000,
        openAmount: 500_000,
        openShare: 0.1667,
      },
    ]);
    expect(await run('open-funding-share', { by: 'funder' })).toEqual([
      {
        year: 2023,
        funder: 'European Commission',
        currency: 'EUR',
        programs: 1,
        totalAmount: 1_000_000,
        openAmount: 400_000,
        openShare: 0.4,
      },
      {
        year: 2024,
        funder: 'BMBF',
        currency: 'EUR',
        programs: 1,
        totalAmount: 300_000,
        openAmount: 100_000,
        openShare: 0.3333,
      },
      {
        year: 2024,
        funder: 'European Commission',
        currency: 'EUR',
        programs: 1,
        totalAmount: 500_000,
        openAmount: 500_000,
        openShare: 1,
      },
      {
        year: 2024,
        funder: 'NSF',
        currency: 'USD',
        programs: 2,
        totalAmount: 3_000_000,
        openAmount: 500_000,
        openShare: 0.1667,
      },
    ]);
    expect(await run('open-funding-share', { funder: 'NSF' })).toEqual([
      {
        year: 2024,
        funder: null,
        currency: 'USD',
        programs: 2,
        totalAmount: 3_000_000,
        openAmount: 500_000,
        openShare: 0.1667,
      },
    ]);
  });

  it('every indicator runs and its rows have exactly its columns', async () => {
    for (const indicator of INDICATORS) {
      const result = await runIndicator(store.db, indicator.id);
      for (const row of result.rows)
        expect(Object.keys(row)).toEqual(indicator.columns.map((column) => column.name));
    }
  });

  it('refuses unknown indicators and bad parameters with usage errors naming them', async () => {
    const usage = async (name: string, params: Record<string, string | number>, text: string) => {
      const error = await runIndicator(store.db, name, params).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ApertureError);
      expect((error as ApertureError).code).toBe('ERR_USAGE');
      expect((error as ApertureError).message).toContain(text);
    };
    await usage('models-per-planet', {}, 'indicators: models-per-country, models-per-region');
    await usage('models-per-country', { year: 2024 }, 'unknown parameter "year"');
    await usage('models-per-country', { from: 'last year' }, 'parameter from');
    await usage('open-share-top-labs', { top: 0 }, 'parameter top');
    await usage('adoption-by-origin', { by: 'planet' }, 'must be one of country, region');
    await usage('brain-flow', { from: 2020, to: 2010 }, 'must not be after');
  });
});

describe('indicators across dialects', () => {
  it('give identical results on SQLite and PostgreSQL', () => {
    const sqlite = RESULTS.sqlite;
    const postgres = RESULTS.postgres;
    if (!sqlite || !postgres || postgres.size === 0) {
      console.warn('skipped the cross-dialect comparison: PostgreSQL did not run');
      return;
    }
    expect(sqlite.size).toBeGreaterThanOrEqual(CALLS.length);
    expect([...postgres.keys()].sort()).toEqual([...sqlite.keys()].sort());
    for (const [key, result] of sqlite) expect(postgres.get(key), key).toEqual(result);
  });
});
