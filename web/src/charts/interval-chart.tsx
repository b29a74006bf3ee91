import { useId } from 'react';
import { formatNumber } from '../format.ts';
import { linearScale, niceTicks } from './scale.ts';

/** One row of an IntervalChart. */
export interface IntervalRow {
  label: string;
  /** Shown before the label, e.g. the rank. */
  prefix?: string;
  value: number;
  lower: number | null;
  upper: number | null;
}

/** Props of IntervalChart. */
export interface IntervalChartProps {
  rows: readonly IntervalRow[];
  /** What the values are ("accuracy"). */
  measure: string;
  /** A sentence on what the chart shows, read by screen readers. */
  description: string;
}

const WIDTH = 760;
const LABEL = 190;
const RIGHT = 24;
const ROW = 34;
const TOP = 28;
const BOTTOM = 12;

/**
 * Scores with their confidence intervals: a dot per row at the score and a bar with end caps from the
 * lower to the upper bound (rows without an interval show the dot alone).
 */
export function IntervalChart({ rows, measure, description }: IntervalChartProps) {
  const id = useId();
  const values = rows.flatMap((row) =>
    [row.value, row.lower, row.upper].filter((value): value is number => value !== null),
  );
  const min = Math.min(...values);
  const max = Math.max(...values);
  const pad = Math.max((max - min) * 0.08, Math.abs(max) * 0.02, 0.01);
  const ticks = niceTicks(min - pad, max + pad, 6);
  const domain: [number, number] = [
    Math.min(min - pad, ticks[0] ?? min),
    Math.max(max + pad, ticks.at(-1) ?? max),
  ];
  const x = linearScale(domain, [LABEL, WIDTH - RIGHT]);
  const height = TOP + rows.length * ROW + BOTTOM;
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      className="interval-chart"
      data-testid="leaderboard-intervals"
    >
      <title id={`${id}-title`}>{`${measure} with confidence intervals`}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={x(tick)} x2={x(tick)} y1={TOP - 6} y2={height - BOTTOM} className="grid-line" />
          <text x={x(tick)} y={TOP - 12} textAnchor="middle" className="tick-label">
            {formatNumber(tick)}
          </text>
        </g>
      ))}
      {rows.map((row, index) => {
        const y = TOP + index * ROW + ROW / 2;
        const hasInterval = row.lower !== null && row.upper !== null;
        return (
          <g key={row.label} className="interval-row">
            <text x={LABEL - 12} y={y + 4} textAnchor="end" className="row-label">
              {row.prefix ? `${row.prefix}  ${row.label}` : row.label}
            </text>
            {hasInterval && (
              <g className="ci-interval">
                <line x1={x(row.lower!)} x2={x(row.upper!)} y1={y} y2={y} />
                <line x1={x(row.lower!)} x2={x(row.lower!)} y1={y - 7} y2={y + 7} />
                <line x1={x(row.upper!)} x2={x(row.upper!)} y1={y - 7} y2={y + 7} />
                <title>{`${row.label}: interval ${formatNumber(row.lower)} to ${formatNumber(row.upper)}`}</title>
              </g>
            )}
            <circle cx={x(row.value)} cy={y} r={6} className="ci-score">
              <title>{`${row.label}: ${measure} ${formatNumber(row.value)}`}</title>
            </circle>
          </g>
        );
      })}
    </svg>
  );
}
