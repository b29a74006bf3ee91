import { useId } from 'react';
import {
  Bar,
  CartesianGrid,
  Cell,
  BarChart as RechartsBarChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatTick, formatTooltipValue } from '../format.ts';
import { type ChartData, hasFractionalValues, isShareScale, seriesColour } from './chart-data.ts';
import { EmptyPeriodMarks, PartialPeriodMark } from './period-marks.tsx';

/** Props of BarChart. */
export interface BarChartProps {
  data: ChartData;
  /** Stack the series on each other instead of side by side. */
  stacked?: boolean;
  height?: number;
  yLabel?: string;
}

/**
 * Bars per x value, one colour per series, side by side or stacked. A missing value draws no bar (never
 * a bar at 0); empty periods stay on the axis, marked "no data"; bars of partial periods are hatched,
 * after a marker saying how far the data goes.
 */
export function BarChart({ data, stacked = false, height = 320, yLabel }: BarChartProps) {
  // Pattern ids are per chart: two charts on a page must not share a hatch of another colour.
  const prefix = `hatch-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const partial = new Set(data.partial?.x ?? []);
  const fractional = hasFractionalValues(data);
  return (
    <ResponsiveContainer width="100%" height={height}>
      <RechartsBarChart
        data={data.points}
        margin={{ top: 20, right: 16, bottom: 8, left: 12 }}
        accessibilityLayer={false}
      >
        {partial.size > 0 && (
          <defs>
            {data.series.map((key) => (
              <pattern
                key={key}
                id={`${prefix}-${key}`}
                width="6"
                height="6"
                patternUnits="userSpaceOnUse"
                patternTransform="rotate(45)"
              >
                <rect width="6" height="6" fill={seriesColour(data, key)} fillOpacity={0.35} />
                <line x1="0" y1="0" x2="0" y2="6" stroke={seriesColour(data, key)} strokeWidth="3" />
              </pattern>
            ))}
          </defs>
        )}
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey={data.x} tick={{ fontSize: 12 }} />
        <YAxis
          tickFormatter={formatTick}
          width={56}
          allowDecimals={fractional}
          domain={fractional && isShareScale(data, stacked) ? [0, 1] : undefined}
          tick={{ fontSize: 12 }}
          label={
            yLabel
              ? { value: yLabel, angle: -90, position: 'insideLeft', offset: -2, fontSize: 12 }
              : undefined
          }
        />
        <Tooltip formatter={formatTooltipValue} />
        {EmptyPeriodMarks({ data })}
        {PartialPeriodMark({ data })}
        {data.series.map((key) => (
          <Bar
            key={key}
            dataKey={key}
            name={data.labels[key] ?? key}
            stackId={stacked ? 'stack' : undefined}
            fill={seriesColour(data, key)}
            isAnimationActive={false}
          >
            {partial.size > 0 &&
              data.points.map((point) => (
                <Cell
                  key={String(point.x)}
                  fill={partial.has(String(point.x)) ? `url(#${prefix}-${key})` : seriesColour(data, key)}
                  className={partial.has(String(point.x)) ? 'partial-bar' : undefined}
                />
              ))}
          </Bar>
        ))}
      </RechartsBarChart>
    </ResponsiveContainer>
  );
}
