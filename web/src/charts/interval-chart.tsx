import {
  CartesianGrid,
  ErrorBar,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  type ScatterPointItem,
  XAxis,
  YAxis,
} from 'recharts';
import { formatNumber } from '../format.ts';

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

const LABEL = 190;
const ROW = 34;
const TOP = 28;
const BOTTOM = 12;

/** A row placed on the chart: its index (top first) and its interval as distances below and above the score. */
interface IntervalPoint extends IntervalRow {
  row: number;
  spread: [number, number] | undefined;
}

/** One row's score dot, with the row's numbers as its tooltip. */
function ScoreDot({ point, measure }: { point: ScatterPointItem; measure: string }) {
  const row = point.payload as IntervalPoint;
  if (point.cx === undefined || point.cy === undefined) return null;
  const interval =
    row.lower !== null && row.upper !== null
      ? `, interval ${formatNumber(row.lower)} to ${formatNumber(row.upper)}`
      : '';
  return (
    <g className="interval-row">
      <circle cx={point.cx} cy={point.cy} r={6} className="ci-score">
        <title>{`${row.label}: ${measure} ${formatNumber(row.value)}${interval}`}</title>
      </circle>
    </g>
  );
}

/**
 * Scores with their confidence intervals (recharts): a dot per row at the score and an error bar with end
 * caps from the lower to the upper bound (rows without an interval show the dot alone).
 */
export function IntervalChart({ rows, measure, description }: IntervalChartProps) {
  const points: IntervalPoint[] = rows.map((row, index) => ({
    ...row,
    row: index,
    spread:
      row.lower !== null && row.upper !== null ? [row.value - row.lower, row.upper - row.value] : undefined,
  }));
  return (
    <ResponsiveContainer width="100%" height={TOP + rows.length * ROW + BOTTOM} className="interval-chart">
      <ScatterChart
        margin={{ top: 4, right: 24, bottom: BOTTOM, left: 0 }}
        accessibilityLayer={false}
        role="img"
        title={`${measure} with confidence intervals`}
        desc={description}
        data-testid="leaderboard-intervals"
      >
        <CartesianGrid horizontal={false} />
        <XAxis
          type="number"
          dataKey="value"
          orientation="top"
          // Round ticks around the scores and their intervals (ErrorBar widens the domain to the bounds).
          domain={['auto', 'auto']}
          tickCount={6}
          niceTicks="snap125"
          tickFormatter={(tick: number) => formatNumber(tick)}
          tick={{ fontSize: 12 }}
          axisLine={false}
          tickLine={false}
        />
        <YAxis
          type="number"
          dataKey="row"
          reversed
          domain={[-0.5, rows.length - 0.5]}
          ticks={points.map((point) => point.row)}
          interval={0}
          width={LABEL}
          tickFormatter={(index: number) => {
            const row = rows[index];
            if (!row) return '';
            return row.prefix ? `${row.prefix}  ${row.label}` : row.label;
          }}
          tick={{ className: 'row-label' }}
          axisLine={false}
          tickLine={false}
        />
        <Scatter
          data={points}
          isAnimationActive={false}
          shape={(point: ScatterPointItem) => <ScoreDot point={point} measure={measure} />}
        >
          <ErrorBar
            dataKey="spread"
            direction="x"
            width={7}
            className="ci-interval"
            isAnimationActive={false}
          />
        </Scatter>
      </ScatterChart>
    </ResponsiveContainer>
  );
}
