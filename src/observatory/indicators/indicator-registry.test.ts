import { existsSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ApertureError } from '../../errors.ts';
import { migrateToLatest, openDatabase } from '../../store/index.ts';
import { EUROPE_COUNTRY_CODES, regionOf } from '../regions.ts';
import { INDICATORS, requireIndicator, resolveIndicatorParams } from './indicator-registry.ts';
import { quarterOf, regionOfColumn } from './indicator-sql.ts';
import { roundTo, shareOf, sortRows, toNumber } from './indicator-values.ts';

const CONTRACT_NAMES = [
  'models-per-country',
  'models-per-region',
  'open-share-top-labs',
  'openness-by-country',
  'openness-by-organization-type',
  'mof-class-distribution',
  'adoption-by-origin',
  'brain-flow',
  'open-funding-share',
];

describe('indicator registry', () => {
  it('registers every indicator of the contract once, each in its own kebab-case file', () => {
    expect(INDICATORS.map((indicator) => indicator.name)).toEqual(CONTRACT_NAMES);
    for (const indicator of INDICATORS) {
      expect(indicator.name).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(existsSync(path.join(import.meta.dirname, `${indicator.name}.ts`)), indicator.name).toBe(true);
    }
  });

  it('documents every indicator: one-line title and summary, a definition, columns the chart uses', () => {
    for (const indicator of INDICATORS) {
      expect(indicator.title, indicator.name).not.toMatch(/\n/);
      expect(indicator.summary, indicator.name).not.toMatch(/\n/);
      expect(indicator.definition.length, indicator.name).toBeGreaterThan(200);
      const columns = indicator.columns.map((column) => column.name);
      expect(new Set(columns).size, indicator.name).toBe(columns.length);
      for (const column of columns) expect(column, indicator.name).toMatch(/^[a-z][a-zA-Z0-9]*$/);
      expect(columns, indicator.name).toContain(indicator.chart.x);
      expect(columns, indicator.name).toContain(indicator.chart.y);
      // A series that is not a column names a wide stack: every numeric column but x and y is a layer.
      if (indicator.chart.series && !columns.includes(indicator.chart.series)) {
        expect(indicator.chart.kind, indicator.name).toBe('stacked-bar');
        const layers = indicator.columns.filter(
          (column) =>
            column.type !== 'text' && column.name !== indicator.chart.x && column.name !== indicator.chart.y,
        );
        expect(layers.length, indicator.name).toBeGreaterThan(1);
      }
      // Every default must pass its own validation.
      expect(() => resolveIndicatorParams(indicator, {})).not.toThrow();
    }
  });

  it('names the valid indicators when one is unknown', () => {
    expect(() => requireIndicator('nope')).toThrow(ApertureError);
    expect(() => requireIndicator('nope')).toThrow(CONTRACT_NAMES.join(', '));
  });

  it('validates parameters: defaults, integers, bounds, choices, unknown names', () => {
    const top = requireIndicator('open-share-top-labs');
    expect(resolveIndicatorParams(top, {})).toEqual({
      source: 'all',
      top: 10,
      from: undefined,
      to: undefined,
    });
    expect(resolveIndicatorParams(top, { top: '3', from: 2020, source: 'all' })).toMatchObject({
      top: 3,
      from: 2020,
    });
    expect(() => resolveIndicatorParams(top, { top: '2.5' })).toThrow(
      'parameter top of indicator open-share-top-labs must be an integer',
    );
    expect(() => resolveIndicatorParams(top, { top: 101 })).toThrow('must be at most 100');
    expect(() => resolveIndicatorParams(top, { source: '' })).toThrow('parameter source');
    expect(() => resolveIndicatorParams(top, { quarter: 'x' })).toThrow('unknown parameter "quarter"');
    expect(resolveIndicatorParams(top, { quarter: undefined })).toMatchObject({ top: 10 });
    const adoption = requireIndicator('adoption-by-origin');
    expect(() => resolveIndicatorParams(adoption, { by: 'planet' })).toThrow(
      'must be one of country, region',
    );
  });
});

describe('indicator values', () => {
  it('converts driver values and rounds the same way on every dialect', () => {
    expect(toNumber('12345678901')).toBe(12_345_678_901);
    expect(toNumber(null)).toBeNull();
    expect(toNumber('abc')).toBeNull();
    expect(shareOf(1, 3)).toBe(0.3333);
    expect(shareOf(2, 3)).toBe(0.6667);
    expect(shareOf(1, 0)).toBeNull();
    expect(roundTo(-0.00001)).toBe(0);
  });

  it('sorts with nulls last and code-point order', () => {
    const rows = [{ a: null }, { a: 'b' }, { a: 'B' }, { a: 'a' }];
    expect(sortRows(rows, ['a']).map((row) => row.a)).toEqual(['B', 'a', 'b', null]);
    expect(sortRows([{ n: 2 }, { n: 10 }, { n: 1 }], ['-n']).map((row) => row.n)).toEqual([10, 2, 1]);
  });
});

describe('indicator SQL fragments', () => {
  it('computes regions as regionOf does, and quarters from dates', async () => {
    const store = await openDatabase({ file: ':memory:', env: {} });
    try {
      await migrateToLatest(store);
      const codes = [...EUROPE_COUNTRY_CODES, 'US', 'CN', 'HK', 'TW', 'RU', 'TR', 'JP'];
      for (const code of codes) {
        const { rows } = await sql<{
          region: string;
        }>`select ${regionOfColumn('c.code')} as region from (select ${code} as code) c`.execute(store.db);
        expect(rows[0]!.region, code).toBe(regionOf(code));
      }
      const dates = {
        '2024-01-31': '2024-Q1',
        '2024-06': '2024-Q2',
        '2024-09-01': '2024-Q3',
        '2024-12-31': '2024-Q4',
        '2024': null,
      };
      for (const [date, quarter] of Object.entries(dates)) {
        const { rows } = await sql<{
          quarter: string | null;
        }>`select ${quarterOf('d.date')} as quarter from (select ${date} as date) d`.execute(store.db);
        expect(rows[0]!.quarter, date).toBe(quarter);
      }
    } finally {
      await store.close();
    }
  });
});
