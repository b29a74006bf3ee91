import type { IndicatorCell, IndicatorChart, IndicatorColumn } from '../../../src/spec/api/index.ts';
import { humanize, regionLabel } from '../format.ts';
import { isPartialPeriod, type PeriodKind, periodKind, periodRange } from './time-axis.ts';

/** Colour-blind-safe palette (Okabe–Ito), darkened where needed for contrast on white. */
export const PALETTE = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#E69F00',
  '#56B4E9',
  '#000000',
  '#8C6D00',
];

/**
 * The most series drawn in one chart: one colour-blind-safe colour each. Past it the dashboard draws
 * small multiples (one small chart per series, labelled directly) rather than reuse a colour.
 */
export const MAX_SERIES_PER_CHART = PALETTE.length;

/** Series that mean "not measured": a neutral grey apart from the palette, so they never read as a class. */
const NEUTRAL_SERIES: Record<string, string> = { unrated: '#9E9E9E' };

/** Words for the wide columns whose names alone would mislead in a legend. */
const WIDE_SERIES_LABELS: Record<string, string> = {
  none: 'No class (rated)',
  unrated: 'Unrated',
};

/** A chart point: the x value under `x`, then one value per series key; null is "no data" (a gap). */
export type ChartPoint = Record<string, string | number | null>;

/** Rows reshaped for a chart: one object per x value, one key per series. */
export interface ChartData {
  /** The key of the x value in each point. */
  x: string;
  /** Series keys (a single series is named after the y column). */
  series: string[];
  points: ChartPoint[];
  /** What to call each series in legends and tooltips. */
  labels: Record<string, string>;
  /** The colour of each series, all different (seriesColour picks them when absent). */
  colours?: Record<string, string>;
  /** The kind of period of the x axis, when it is a time axis (years or quarters). */
  period?: PeriodKind | null;
  /** x values of periods with no data at all, kept on the axis so that it does not collapse them. */
  emptyX?: string[];
  /** Periods the data does not cover to their end, and the day the data runs to; null when none. */
  partial?: { x: string[]; asOf: string } | null;
}

/** Options of toChartData. */
export interface ChartDataOptions {
  /** The day (`YYYY-MM-DD`) the data runs to: periods ending after it are partial. */
  asOf?: string;
}

/** The label of a series value: regions in words, an empty value as the total. */
function seriesLabel(column: string, value: string): string {
  if (value === '') return 'All';
  return column === 'region' ? regionLabel(value) : value;
}

/**
 * `count` colours, all different: the Okabe–Ito palette up to its eight, then evenly spaced hues with
 * alternating lightness (only small multiples, labelled directly, draw that many).
 */
export function seriesColours(count: number): string[] {
  if (count <= PALETTE.length) return PALETTE.slice(0, count);
  return Array.from(
    { length: count },
    (_value, index) =>
      `hsl(${Math.round((210 + (index * 360) / count) % 360)}, 70%, ${index % 2 === 0 ? 38 : 52}%)`,
  );
}

/** The colour of series `key` of `data`: its own, or one of seriesColours, never shared with another series. */
export function seriesColour(data: ChartData, key: string): string {
  const own = data.colours?.[key];
  if (own) return own;
  const index = Math.max(0, data.series.indexOf(key));
  return seriesColours(data.series.length)[index]!;
}

/** Adds `value` to a cell: null (unknown) plus null stays null; a number counts. */
function addCell(before: string | number | null | undefined, value: IndicatorCell | undefined) {
  const known = typeof value === 'number' ? value : null;
  if (typeof before !== 'number') return known;
  return known === null ? before : before + known;
}

/**
 * Reshapes indicator rows into one point per x value with a key per series. Long rows (`x, series, y`)
 * are pivoted on the series column; rows without a series column give one series named after `y`; wide
 * rows (the series column is not among the columns, e.g. `classI, classII, none`) chart every numeric
 * column but x and y.
 *
 * Missing is not 0: a series without a row at an x value, or with a null value, is null there (drawn as
 * a gap). A time axis (years, quarters) keeps every period between the first and the last, the empty
 * ones as points without values (`emptyX`); with `asOf`, periods ending after that day are `partial`.
 */
export function toChartData(
  rows: ReadonlyArray<Record<string, IndicatorCell>>,
  spec: IndicatorChart,
  columns: readonly IndicatorColumn[] = [],
  options: ChartDataOptions = {},
): ChartData {
  const seriesColumn = spec.series;
  const wide =
    seriesColumn !== undefined &&
    columns.length > 0 &&
    !columns.some((column) => column.name === seriesColumn) &&
    !rows.some((row) => seriesColumn in row);
  const wideSeries = wide
    ? columns.filter((column) => column.type !== 'text' && column.name !== spec.x && column.name !== spec.y)
    : [];
  // The x key is fixed too, for the same reason.
  const byX = new Map<string, ChartPoint>();
  const series: string[] = [];
  const labels: Record<string, string> = {};
  const names: Record<string, string> = {};
  // Chart keys are plain identifiers (s0, s1, …): recharts reads dotted keys as paths.
  const keyOf = new Map<string, string>();
  const add = (point: ChartPoint, name: string, label: string, value: IndicatorCell | undefined) => {
    let key = keyOf.get(name);
    if (key === undefined) {
      key = `s${keyOf.size}`;
      keyOf.set(name, key);
      series.push(key);
      labels[key] = label;
      names[key] = name;
    }
    point[key] = addCell(point[key], value);
  };
  for (const row of rows) {
    const xValue = row[spec.x] === null || row[spec.x] === undefined ? 'unknown' : String(row[spec.x]);
    const point = byX.get(xValue) ?? { x: xValue };
    byX.set(xValue, point);
    if (wide) {
      for (const column of wideSeries) {
        add(
          point,
          column.name,
          WIDE_SERIES_LABELS[column.name] ?? humanize(column.name),
          row[column.name] ?? null,
        );
      }
    } else if (seriesColumn) {
      const value =
        row[seriesColumn] === null || row[seriesColumn] === undefined ? '' : String(row[seriesColumn]);
      add(point, `value:${value}`, seriesLabel(seriesColumn, value), row[spec.y] ?? null);
    } else {
      add(point, spec.y, humanize(spec.y), row[spec.y] ?? null);
    }
  }

  const known = [...byX.keys()].filter((value) => value !== 'unknown');
  const period = periodKind(known);
  let points = [...byX.values()];
  const emptyX: string[] = [];
  if (period !== null) {
    const filled: ChartPoint[] = [];
    for (const value of periodRange(known, period)) {
      const point = byX.get(value);
      if (point) {
        filled.push(point);
      } else {
        emptyX.push(value);
        filled.push({ x: value });
      }
    }
    const unknown = byX.get('unknown');
    points = unknown ? [...filled, unknown] : filled;
  }
  // A series absent at an x value has no data there: null, never 0.
  for (const point of points) {
    for (const key of series) point[key] ??= null;
  }

  const colours: Record<string, string> = {};
  const coloured = series.filter((key) => !(wide && names[key]! in NEUTRAL_SERIES));
  const palette = seriesColours(coloured.length);
  coloured.forEach((key, index) => {
    colours[key] = palette[index]!;
  });
  for (const key of series) colours[key] ??= NEUTRAL_SERIES[names[key]!]!;

  let partial: ChartData['partial'] = null;
  if (period !== null && options.asOf) {
    const asOf = options.asOf;
    const partialX = points
      .map((point) => String(point.x))
      .filter((value) => value !== 'unknown' && isPartialPeriod(value, period, asOf));
    if (partialX.length > 0) partial = { x: partialX, asOf: asOf.slice(0, 10) };
  }
  return { x: 'x', series, points, labels, colours, period, emptyX, partial };
}

/** The key of the dashed companion of series `key`, drawing it into the partial periods. */
export function partialKey(key: string): string {
  return `${key}p`;
}

/**
 * Points for a line chart that draws partial periods apart: each series keeps its values up to the
 * last complete period, and a companion (partialKey) holds the last complete value and the partial ones,
 * drawn dashed, so a partial year does not read as a collapse.
 */
export function withPartialSegments(data: ChartData): ChartPoint[] {
  if (!data.partial) return data.points;
  const partialX = new Set(data.partial.x);
  const firstPartial = data.points.findIndex((point) => partialX.has(String(point.x)));
  return data.points.map((point, index) => {
    const out: ChartPoint = { ...point };
    const isPartial = partialX.has(String(point.x));
    for (const key of data.series) {
      const bridge = index === firstPartial - 1;
      out[partialKey(key)] = isPartial || bridge ? (point[key] ?? null) : null;
      if (isPartial) out[key] = null;
    }
    return out;
  });
}

/** The highest value any series reaches (for a y domain shared by small multiples); 0 when none. */
export function maxValue(data: ChartData): number {
  let max = 0;
  for (const point of data.points) {
    for (const key of data.series) {
      const value = point[key];
      if (typeof value === 'number' && value > max) max = value;
    }
  }
  return max;
}

/** One series of `data` alone (a panel of small multiples), with its label and colour. */
export function onlySeries(data: ChartData, key: string): ChartData {
  return {
    ...data,
    series: [key],
    colours: { [key]: seriesColour(data, key) },
    points: data.points.map((point) => ({ [data.x]: point[data.x] ?? null, [key]: point[key] ?? null })),
  };
}

/**
 * Whether any value drawn is fractional (shares, scores): the y axis then needs decimal ticks, where
 * counts want whole ones.
 */
export function hasFractionalValues(data: ChartData): boolean {
  return data.points.some((point) =>
    data.series.some((key) => {
      const value = point[key];
      return typeof value === 'number' && !Number.isInteger(value);
    }),
  );
}

/**
 * Whether every drawn value, and every stack of them, lies within 0–1 (shares): the y axis then runs
 * 0 to 1 rather than to a rounded-up 1.2.
 */
export function isShareScale(data: ChartData, stacked: boolean): boolean {
  return data.points.every((point) => {
    const values = data.series.map((key) => point[key]).filter((value) => typeof value === 'number');
    const top = stacked ? values.reduce((sum, value) => sum + value, 0) : Math.max(0, ...values);
    return values.every((value) => value >= 0) && top <= 1.001;
  });
}
