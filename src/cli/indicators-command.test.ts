import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDICATORS } from '../observatory/index.ts';
import { migrateToLatest, openDatabase, upsertRows } from '../store/index.ts';
import { runCli } from './test-support/recording-io.ts';

describe('aperture indicators', () => {
  let dir: string;
  let db: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'aperture-indicators-'));
    db = path.join(dir, 'catalog.db');
    const store = await openDatabase({ file: db, env: {} });
    try {
      await migrateToLatest(store);
      await upsertRows(
        store.db,
        'organizations',
        [
          { name: '=HYPERLINK("http://evil")', country: 'US', type: 'industry', source: 'test' },
          { name: 'DeepSeek', country: 'CN', type: 'industry', source: 'test' },
        ],
        ['name'],
      );
      const orgs = await store.db.selectFrom('organizations').select(['id', 'name']).orderBy('id').execute();
      await upsertRows(
        store.db,
        'models',
        [
          {
            source: 'epoch',
            external_id: 'a',
            name: 'a',
            organization_id: orgs[0]!.id,
            date: '2024-02-01',
            accessibility: 'api',
          },
          {
            source: 'epoch',
            external_id: 'b',
            name: 'b',
            organization_id: orgs[1]!.id,
            date: '2024-03-01',
            accessibility: 'open-weights-unrestricted',
          },
          {
            source: 'epoch',
            external_id: 'c',
            name: 'c',
            organization_id: orgs[1]!.id,
            date: '2023-03-01',
            accessibility: 'open-weights-unrestricted',
          },
        ],
        ['source', 'external_id'],
      );
      const models = await store.db
        .selectFrom('models')
        .select(['id', 'external_id'])
        .orderBy('id')
        .execute();
      await upsertRows(
        store.db,
        'model_countries',
        [
          { model_id: models[0]!.id, country: 'US' },
          { model_id: models[1]!.id, country: 'CN' },
          { model_id: models[2]!.id, country: 'CN' },
        ],
        ['model_id', 'country'],
      );
    } finally {
      await store.close();
    }
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('lists every indicator with its summary', async () => {
    const result = await runCli(['indicators']);
    expect(result.code, result.stderr).toBe(0);
    for (const indicator of INDICATORS) {
      expect(result.stdout).toContain(indicator.id);
      expect(result.stdout).toContain(indicator.summary.slice(0, 30));
    }
    const json = await runCli(['indicators', '--json']);
    expect(JSON.parse(json.stdout).items.map((item: { name: string }) => item.name)).toEqual(
      INDICATORS.map((indicator) => indicator.id),
    );
  });

  it('prints a table with the reference beside it', async () => {
    const result = await runCli(['indicators', 'models-per-region', '--db', db]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Notable models per region per year');
    expect(result.stdout).toMatch(/│ 2024 +│ china +│ 1 +│/);
    expect(result.stdout).toContain('Reference: AI Index 2025');
    expect(result.stdout).toContain('https://hai.stanford.edu/ai-index/2025-ai-index-report');
  });

  it('prints the IndicatorResult as JSON, with parameters', async () => {
    const result = await runCli([
      'indicators',
      'models-per-country',
      '--param',
      'from=2024',
      '--json',
      '--db',
      db,
    ]);
    expect(result.code, result.stderr).toBe(0);
    const parsed = JSON.parse(result.stdout);
    expect(parsed.name).toBe('models-per-country');
    expect(parsed.rows).toEqual([
      { year: 2024, country: 'CN', region: 'china', models: 1 },
      { year: 2024, country: 'US', region: 'us', models: 1 },
    ]);
    // No published figures for countries, only the counting notes computed from the catalog.
    expect(parsed.references.map((reference: { label: string }) => reference.label)).toEqual([
      'How this catalog counts 2024 (computed from the loaded data)',
    ]);
    expect(parsed.references[0].rows[0]).toEqual({
      year: 2024,
      region: 'all',
      counting: 'models dated this year',
      models: 2,
    });
  });

  it('prints formula-safe CSV', async () => {
    const result = await runCli(['indicators', 'open-share-top-labs', '-p', 'top=2', '--csv', '--db', db]);
    expect(result.code, result.stderr).toBe(0);
    const rows = parse(result.stdout, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual(['quarter', 'organization', 'open', 'closed', 'openShare']);
    const evil = rows.find((row) => row.organization?.includes('HYPERLINK'));
    expect(evil?.organization).toBe('\'=HYPERLINK("http://evil")');
    expect(rows.find((row) => row.quarter === '2024-Q1' && row.organization === '')).toMatchObject({
      open: '1',
      closed: '1',
      openShare: '0.5',
    });
  });

  it('refuses an unknown indicator, a bad parameter and a missing database with exit code 2', async () => {
    const unknown = await runCli(['indicators', 'nope', '--db', db]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown indicator "nope"; indicators: models-per-country');
    const badParam = await runCli(['indicators', 'open-share-top-labs', '--param', 'top=many', '--db', db]);
    expect(badParam.code).toBe(2);
    expect(badParam.stderr).toContain('parameter top');
    const unknownParam = await runCli(['indicators', 'brain-flow', '--param', 'country=FR', '--db', db]);
    expect(unknownParam.code).toBe(2);
    expect(unknownParam.stderr).toContain('unknown parameter "country"');
    const malformed = await runCli(['indicators', 'brain-flow', '--param', 'from', '--db', db]);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('--param needs key=value');
    const both = await runCli(['indicators', 'brain-flow', '--json', '--csv', '--db', db]);
    expect(both.code).toBe(2);
    const missing = await runCli(['indicators', 'brain-flow', '--db', path.join(dir, 'absent.db')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no database at');
  });
});
