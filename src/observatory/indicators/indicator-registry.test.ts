import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { expectFolderRegistered } from '../../../test/support/expect-folder-registered.ts';
import { ApertureError } from '../../errors.ts';
import { migrateToLatest, openDatabase } from '../../store/index.ts';
import { EUROPE_COUNTRY_CODES, regionOf } from '../regions.ts';
import type { IndicatorDefinition } from './indicator-definition.ts';
import { listIndicatorParameters } from './indicator-parameter.ts';
import { indicatorQueryFields } from './indicator-query-fields.ts';
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
  'university-labs',
  'chinese-baselines',
];

/** The indicators' plumbing: their type, parameters, registry, shared SQL and values, and shared queries. */
const NOT_INDICATORS = [
  'indicator-definition.ts',
  'indicator-parameter.ts',
  'indicator-query-fields.ts',
  'indicator-registry.ts',
  'indicator-sql.ts',
  'indicator-values.ts',
  'common-parameters.ts',
  'openness-distribution.ts',
  'materialize-indicators.ts',
  'stored-indicator-results.ts',
  'region-counting-notes.ts',
];

function isIndicator(value: unknown): value is IndicatorDefinition {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as IndicatorDefinition).id === 'string' &&
    typeof (value as IndicatorDefinition).run === 'function'
  );
}

describe('indicator registry', () => {
  it('registers every indicator of the contract once, each in its own kebab-case file', async () => {
    expect(INDICATORS.map((indicator) => indicator.id)).toEqual(CONTRACT_NAMES);
    for (const indicator of INDICATORS) expect(indicator.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    await expectFolderRegistered(import.meta.dirname, INDICATORS, {
      notPlugins: NOT_INDICATORS,
      isPlugin: isIndicator,
      atLeast: 9,
    });
  });

  it('documents every indicator: one-line title and summary, a definition, columns the chart uses', () => {
    for (const indicator of INDICATORS) {
      expect(indicator.title, indicator.id).not.toMatch(/\n/);
      expect(indicator.summary, indicator.id).not.toMatch(/\n/);
      expect(indicator.docs.definition.length, indicator.id).toBeGreaterThan(200);
      const columns = indicator.columns.map((column) => column.name);
      expect(new Set(columns).size, indicator.id).toBe(columns.length);
      for (const column of columns) expect(column, indicator.id).toMatch(/^[a-z][a-zA-Z0-9]*$/);
      expect(columns, indicator.id).toContain(indicator.chart.x);
      expect(columns, indicator.id).toContain(indicator.chart.y);
      // A series that is not a column names a wide stack: every numeric column but x and y is a layer.
      if (indicator.chart.series && !columns.includes(indicator.chart.series)) {
        expect(indicator.chart.kind, indicator.id).toBe('stacked-bar');
        const layers = indicator.columns.filter(
          (column) =>
            column.type !== 'text' && column.name !== indicator.chart.x && column.name !== indicator.chart.y,
        );
        expect(layers.length, indicator.id).toBeGreaterThan(1);
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

describe('indicator parameters', () => {
  it('keeps the messages of every rule, with the value given', () => {
    const top = requireIndicator('open-share-top-labs');
    const refuse = (params: Record<string, string | number>, text: string) =>
      expect(() => resolveIndicatorParams(top, params)).toThrow(text);
    refuse({ top: 0 }, 'parameter top of indicator open-share-top-labs must be at least 1 (got 0)');
    refuse(
      { top: Number.NaN },
      'parameter top of indicator open-share-top-labs must be an integer (got null)',
    );
    refuse(
      { from: '1899' },
      'parameter from of indicator open-share-top-labs must be at least 1900 (got "1899")',
    );
    refuse({ source: ' ' }, 'must be a non-empty text of at most 200 characters (got " ")');
    refuse({ source: 'x'.repeat(201) }, 'must be a non-empty text of at most 200 characters');
    refuse(
      { from: 2024, to: 2020 },
      'parameter from of indicator open-share-top-labs must not be after to (2024 > 2020)',
    );
    // An unknown name is reported before a bad value, whatever the order.
    refuse(
      { top: 'many', quarter: 'x' },
      'unknown parameter "quarter" for indicator open-share-top-labs; parameters: source, top, from, to',
    );
    // Bad values are reported in the indicator's order of parameters.
    refuse({ to: 'late', top: 'many' }, 'parameter top of indicator');
    expect(resolveIndicatorParams(top, { from: '2020', to: ' 2020 ' })).toMatchObject({
      from: 2020,
      to: 2020,
    });
  });

  it('lists the parameters of each indicator from its schema, as the API and the docs show them', () => {
    expect(listIndicatorParameters(requireIndicator('open-share-top-labs').params)).toEqual([
      {
        name: 'source',
        description:
          "models of this catalog source only (epoch, hf, mot, osai, release-pack, demo), or 'all' for every source",
        type: 'text',
        default: 'all',
      },
      {
        name: 'top',
        description: 'how many labs (by number of models)',
        type: 'integer',
        default: 10,
        min: 1,
        max: 100,
      },
      { name: 'from', description: 'first year shown (inclusive)', type: 'integer', min: 1900, max: 2200 },
      { name: 'to', description: 'last year shown (inclusive)', type: 'integer', min: 1900, max: 2200 },
    ]);
    expect(
      listIndicatorParameters(requireIndicator('brain-flow').params).map((parameter) => parameter.name),
    ).toEqual(['from', 'to']);
  });

  it('makes the API query fields from every parameter of every indicator, with each meaning', () => {
    const fields = indicatorQueryFields();
    const names = new Set(
      INDICATORS.flatMap((indicator) =>
        listIndicatorParameters(indicator.params).map((parameter) => parameter.name),
      ),
    );
    expect(Object.keys(fields).sort()).toEqual([...names].sort());
    const by = fields.by!.description!;
    expect(by).toContain(
      'group by the origin country or by its region; one of country, region; default country (adoption-by-origin)',
    );
    expect(by).toContain(
      'one row per year, or per year and funder; one of year, funder; default year (open-funding-share)',
    );
    expect(fields.top!.safeParse('x'.repeat(201)).success).toBe(false);
    expect(fields.top!.safeParse(undefined).success).toBe(true);
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
