import type { IndicatorCell, IndicatorChart, IndicatorColumn } from '../../../src/spec/api/index.ts';
import { humanize, regionLabel } from '../format.ts';

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

/** Rows reshaped for a chart: one object per x value, one key per series. */
export interface ChartData {
  /** The key of the x value in each point. */
  x: string;
  /** Series keys (a single series is named after the y column). */
  series: string[];
  points: Array<Record<string, string | number>>;
  /** What to call each series in legends and tooltips. */
  labels: Record<string, string>;
}

/** The label of a series value: regions in words, an empty value as the total. */
function seriesLabel(column: string, value: string): string {
  if (value === '') return 'All';
  return column === 'region' ? regionLabel(value) : value;
}

/**
 * Reshapes indicator rows into one point per x value with a key per series. Long rows (`x, series, y`)
 * are pivoted on the series column; rows without a series column give one series named after `y`; wide
 * rows (the series column is not among the columns, e.g. `classI, classII, none`) chart every numeric
 * column but x and y. Missing values count as 0 so stacks stay aligned.
 */
export function toChartData(
  rows: ReadonlyArray<Record<string, IndicatorCell>>,
  spec: IndicatorChart,
  columns: readonly IndicatorColumn[] = [],
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
  const byX = new Map<string, Record<string, string | number>>();
  const series: string[] = [];
  const labels: Record<string, string> = {};
  // Chart keys are plain identifiers (s0, s1, …): recharts reads dotted keys as paths.
  const keyOf = new Map<string, string>();
  const add = (
    point: Record<string, string | number>,
    name: string,
    label: string,
    value: IndicatorCell | undefined,
  ) => {
    let key = keyOf.get(name);
    if (key === undefined) {
      key = `s${keyOf.size}`;
      keyOf.set(name, key);
      series.push(key);
      labels[key] = label;
    }
    const before = point[key];
    point[key] = (typeof before === 'number' ? before : 0) + (typeof value === 'number' ? value : 0);
  };
  for (const row of rows) {
    const xValue = row[spec.x] === null || row[spec.x] === undefined ? 'unknown' : String(row[spec.x]);
    const point = byX.get(xValue) ?? { x: xValue };
    byX.set(xValue, point);
    if (wide) {
      for (const column of wideSeries) add(point, column.name, humanize(column.name), row[column.name]);
    } else if (seriesColumn) {
      const value =
        row[seriesColumn] === null || row[seriesColumn] === undefined ? '' : String(row[seriesColumn]);
      add(point, `value:${value}`, seriesLabel(seriesColumn, value), row[spec.y]);
    } else {
      add(point, spec.y, humanize(spec.y), row[spec.y]);
    }
  }
  for (const point of byX.values()) {
    for (const key of series) point[key] ??= 0;
  }
  return { x: 'x', series, points: [...byX.values()], labels };
}
