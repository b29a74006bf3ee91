import { describe, expect, it } from 'vitest';
import type { IndicatorChart, IndicatorColumn } from '../../../src/spec/api/index.ts';
import {
  hasFractionalValues,
  isShareScale,
  MAX_SERIES_PER_CHART,
  onlySeries,
  PALETTE,
  partialKey,
  seriesColour,
  seriesColours,
  toChartData,
  withPartialSegments,
} from './chart-data.ts';

const TOP_LABS: IndicatorChart = { kind: 'line', x: 'quarter', y: 'openShare', series: 'organization' };

describe('toChartData', () => {
  it('leaves a series without a row at an x value null (a gap), never 0', () => {
    const data = toChartData(
      [
        { quarter: '2024-Q1', organization: 'A', openShare: 1 },
        { quarter: '2024-Q1', organization: 'B', openShare: 0.5 },
        { quarter: '2024-Q2', organization: 'B', openShare: 0 },
        { quarter: '2024-Q3', organization: 'A', openShare: 1 },
      ],
      TOP_LABS,
    );
    const a = data.series[0]!;
    const b = data.series[1]!;
    expect(data.labels[a]).toBe('A');
    expect(data.points.map((point) => point[a])).toEqual([1, null, 1]);
    // A real 0 stays 0.
    expect(data.points.map((point) => point[b])).toEqual([0.5, 0, null]);
  });

  it('keeps a null value null, and sums only known values', () => {
    const data = toChartData(
      [
        { origin: 'US', derivatives: null },
        { origin: 'CN', derivatives: 3 },
      ],
      { kind: 'bar', x: 'origin', y: 'derivatives' },
    );
    expect(data.points.map((point) => point[data.series[0]!])).toEqual([null, 3]);
  });

  it('keeps every period of a time axis, the empty ones as points without values', () => {
    const data = toChartData(
      [
        { year: 2021, region: 'us', models: 3 },
        { year: 2024, region: 'us', models: 5 },
        { year: null, region: 'us', models: 1 },
      ],
      { kind: 'line', x: 'year', y: 'models', series: 'region' },
    );
    expect(data.points.map((point) => point.x)).toEqual(['2021', '2022', '2023', '2024', 'unknown']);
    expect(data.emptyX).toEqual(['2022', '2023']);
    expect(data.points[1]![data.series[0]!]).toBeNull();
    expect(data.period).toBe('year');
  });

  it('does not treat other x values (countries) as a time axis', () => {
    const data = toChartData(
      [
        { country: 'US', models: 1 },
        { country: 'CN', models: 2 },
      ],
      { kind: 'bar', x: 'country', y: 'models' },
    );
    expect(data.points.map((point) => point.x)).toEqual(['US', 'CN']);
    expect(data.emptyX).toEqual([]);
  });

  it('marks the periods that end after the day the data runs to as partial', () => {
    const rows = [
      { quarter: '2024-Q2', organization: null, openShare: 0.5 },
      { quarter: '2024-Q3', organization: null, openShare: 0.1 },
    ];
    expect(toChartData(rows, TOP_LABS, [], { asOf: '2024-08-15' }).partial).toEqual({
      x: ['2024-Q3'],
      asOf: '2024-08-15',
    });
    expect(toChartData(rows, TOP_LABS, [], { asOf: '2024-09-30' }).partial).toBeNull();
    expect(toChartData(rows, TOP_LABS).partial).toBeNull();
  });

  it('keeps unrated apart from MOF class none: own series, own label, own colour', () => {
    const columns: IndicatorColumn[] = [
      { name: 'country', type: 'text', description: '' },
      { name: 'classI', type: 'integer', description: '' },
      { name: 'none', type: 'integer', description: '' },
      { name: 'unrated', type: 'integer', description: '' },
      { name: 'models', type: 'integer', description: '' },
    ];
    const data = toChartData(
      [{ country: 'US', classI: 1, none: 2, unrated: 7, models: 10 }],
      { kind: 'stacked-bar', x: 'country', y: 'models', series: 'mofClass' },
      columns,
    );
    const labels = data.series.map((key) => data.labels[key]);
    expect(labels).toEqual(['Class I', 'No class (rated)', 'Unrated']);
    const colours = data.series.map((key) => seriesColour(data, key));
    expect(new Set(colours).size).toBe(3);
    expect(data.points[0]![data.series[2]!]).toBe(7);
  });

  it('gives every series its own colour, however many', () => {
    const rows = Array.from({ length: 12 }, (_value, index) => ({
      quarter: '2024-Q1',
      organization: `Lab ${index}`,
      openShare: index / 12,
    }));
    const data = toChartData(rows, TOP_LABS);
    const colours = data.series.map((key) => seriesColour(data, key));
    expect(new Set(colours).size).toBe(12);
    // Up to the palette's size, the colour-blind-safe palette itself.
    const few = toChartData(rows.slice(0, MAX_SERIES_PER_CHART), TOP_LABS);
    expect(few.series.map((key) => seriesColour(few, key))).toEqual(PALETTE.slice(0, MAX_SERIES_PER_CHART));
  });
});

describe('seriesColours', () => {
  it('never repeats a colour', () => {
    for (const count of [1, 8, 9, 11, 40, 100]) expect(new Set(seriesColours(count)).size).toBe(count);
  });
});

describe('withPartialSegments', () => {
  it('ends the solid line at the last complete period and draws the partial one on a companion', () => {
    const data = toChartData(
      [
        { quarter: '2024-Q1', organization: null, openShare: 0.4 },
        { quarter: '2024-Q2', organization: null, openShare: 0.5 },
        { quarter: '2024-Q3', organization: null, openShare: 0.1 },
      ],
      TOP_LABS,
      [],
      { asOf: '2024-08-15' },
    );
    const key = data.series[0]!;
    const points = withPartialSegments(data);
    expect(points.map((point) => point[key])).toEqual([0.4, 0.5, null]);
    expect(points.map((point) => point[partialKey(key)])).toEqual([null, 0.5, 0.1]);
  });
});

describe('onlySeries', () => {
  it('keeps one series with its own colour and the axis of the whole chart', () => {
    const data = toChartData(
      [
        { quarter: '2024-Q1', organization: 'A', openShare: 1 },
        { quarter: '2024-Q3', organization: 'B', openShare: 0.5 },
      ],
      TOP_LABS,
    );
    const b = data.series[1]!;
    const panel = onlySeries(data, b);
    expect(panel.series).toEqual([b]);
    expect(seriesColour(panel, b)).toBe(seriesColour(data, b));
    expect(panel.points.map((point) => point.x)).toEqual(['2024-Q1', '2024-Q2', '2024-Q3']);
  });
});

describe('hasFractionalValues', () => {
  const base = { x: 'year', series: ['share'], labels: {} };
  it('is true when a drawn value is fractional (a share), false for counts and gaps', () => {
    expect(hasFractionalValues({ ...base, points: [{ year: '2023', share: 0.25 }] })).toBe(true);
    expect(
      hasFractionalValues({
        ...base,
        points: [
          { year: '2023', share: 3 },
          { year: '2024', share: null },
        ],
      }),
    ).toBe(false);
  });
});

describe('isShareScale', () => {
  const base = { x: 'year', series: ['a', 'b'], labels: {} };
  it('holds for shares whose stacks stay within 1, not for counts', () => {
    expect(isShareScale({ ...base, points: [{ year: '2023', a: 0.6, b: 0.4 }] }, true)).toBe(true);
    expect(isShareScale({ ...base, points: [{ year: '2023', a: 0.6, b: 0.6 }] }, true)).toBe(false);
    expect(isShareScale({ ...base, points: [{ year: '2023', a: 0.6, b: 0.6 }] }, false)).toBe(true);
    expect(isShareScale({ ...base, points: [{ year: '2023', a: 3, b: null }] }, false)).toBe(false);
  });
});
