import {
  Bar,
  CartesianGrid,
  BarChart as RechartsBarChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatTick, formatTooltipValue } from '../format.ts';
import { type ChartData, PALETTE } from './chart-data.ts';

/** Props of BarChart. */
export interface BarChartProps {
  data: ChartData;
  /** Stack the series on each other instead of side by side. */
  stacked?: boolean;
  height?: number;
  yLabel?: string;
}

/** Bars per x value, one colour per series, side by side or stacked. */
export function BarChart({ data, stacked = false, height = 320, yLabel }: BarChartProps) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <RechartsBarChart
        data={data.points}
        margin={{ top: 8, right: 16, bottom: 8, left: 12 }}
        accessibilityLayer={false}
      >
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey={data.x} tick={{ fontSize: 12 }} />
        <YAxis
          tickFormatter={formatTick}
          width={56}
          allowDecimals={false}
          tick={{ fontSize: 12 }}
          label={
            yLabel
              ? { value: yLabel, angle: -90, position: 'insideLeft', offset: -2, fontSize: 12 }
              : undefined
          }
        />
        <Tooltip formatter={formatTooltipValue} />
        {data.series.map((name, index) => (
          <Bar
            key={name}
            dataKey={name}
            name={data.labels[name] ?? name}
            stackId={stacked ? 'stack' : undefined}
            fill={PALETTE[index % PALETTE.length]}
            isAnimationActive={false}
          />
        ))}
      </RechartsBarChart>
    </ResponsiveContainer>
  );
}
