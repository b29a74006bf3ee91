import {
  CartesianGrid,
  Line,
  LineChart as RechartsLineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatTick, formatTooltipValue } from '../format.ts';
import { type ChartData, partialKey, seriesColour, withPartialSegments } from './chart-data.ts';
import { EmptyPeriodMarks, PartialPeriodMark } from './period-marks.tsx';

/** Props of LineChart. */
export interface LineChartProps {
  data: ChartData;
  height?: number;
  yLabel?: string;
  /** Join a series across x values where it has no point (series measured at different times). */
  connectNulls?: boolean;
  /** Lowest and highest y shown; recharts picks by default. */
  yDomain?: [number | 'auto', number | 'auto'];
}

/**
 * One line per series over the x values (years, quarters). A value that is missing is a gap in the line,
 * never a point at 0; empty periods stay on the axis, marked "no data"; partial periods are drawn dashed
 * with hollow points after a marker saying how far the data goes.
 */
export function LineChart({ data, height = 320, yLabel, connectNulls = false, yDomain }: LineChartProps) {
  const points = withPartialSegments(data);
  return (
    <ResponsiveContainer width="100%" height={height}>
      <RechartsLineChart
        data={points}
        margin={{ top: 20, right: 16, bottom: 8, left: 12 }}
        accessibilityLayer={false}
      >
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey={data.x} tick={{ fontSize: 12 }} />
        <YAxis
          tickFormatter={formatTick}
          width={56}
          tick={{ fontSize: 12 }}
          domain={yDomain}
          label={
            yLabel
              ? { value: yLabel, angle: -90, position: 'insideLeft', offset: -2, fontSize: 12 }
              : undefined
          }
        />
        <Tooltip formatter={formatTooltipValue} />
        {EmptyPeriodMarks({ data })}
        {PartialPeriodMark({ data })}
        {data.series.map((key) => {
          const colour = seriesColour(data, key);
          return (
            <Line
              key={key}
              type="linear"
              dataKey={key}
              name={data.labels[key] ?? key}
              stroke={colour}
              strokeWidth={2}
              dot={{ r: 3, fill: colour }}
              connectNulls={connectNulls}
              isAnimationActive={false}
              className="series-line"
            />
          );
        })}
        {data.partial &&
          data.series.map((key) => {
            const colour = seriesColour(data, key);
            return (
              <Line
                key={partialKey(key)}
                type="linear"
                dataKey={partialKey(key)}
                name={`${data.labels[key] ?? key} (partial period)`}
                stroke={colour}
                strokeWidth={2}
                strokeDasharray="5 4"
                dot={{ r: 3, fill: '#fff', stroke: colour }}
                legendType="none"
                tooltipType="none"
                connectNulls={false}
                isAnimationActive={false}
                className="series-line-partial"
              />
            );
          })}
      </RechartsLineChart>
    </ResponsiveContainer>
  );
}
