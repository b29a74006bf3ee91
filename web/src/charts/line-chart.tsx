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
import { type ChartData, PALETTE } from './chart-data.ts';

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

/** One line per series over the x values (years, quarters). */
export function LineChart({ data, height = 320, yLabel, connectNulls = false, yDomain }: LineChartProps) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <RechartsLineChart
        data={data.points}
        margin={{ top: 8, right: 16, bottom: 8, left: 12 }}
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
        {data.series.map((name, index) => (
          <Line
            key={name}
            type="linear"
            dataKey={name}
            name={data.labels[name] ?? name}
            stroke={PALETTE[index % PALETTE.length]}
            strokeWidth={2}
            dot={{ r: 3 }}
            connectNulls={connectNulls}
            isAnimationActive={false}
          />
        ))}
      </RechartsLineChart>
    </ResponsiveContainer>
  );
}
