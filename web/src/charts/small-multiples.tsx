import { BarChart } from './bar-chart.tsx';
import { type ChartData, maxValue, onlySeries, seriesColour } from './chart-data.ts';
import { LineChart } from './line-chart.tsx';

/** Props of SmallMultiples. */
export interface SmallMultiplesProps {
  data: ChartData;
  kind: 'line' | 'bar';
  yLabel?: string;
}

/**
 * One small chart per series, each labelled with its series and drawn on the same x values and y scale:
 * for more series than one chart can colour apart (MAX_SERIES_PER_CHART), so no two share a colour and
 * none needs a legend to be told apart.
 */
export function SmallMultiples({ data, kind, yLabel }: SmallMultiplesProps) {
  const top = maxValue(data);
  return (
    <ul className="small-multiples" aria-label="One chart per series">
      {data.series.map((key) => {
        const panel = onlySeries(data, key);
        return (
          <li key={key} className="small-multiple" data-colour={seriesColour(data, key)}>
            <h4 className="small-multiple-label">
              <span className="swatch" style={{ background: seriesColour(data, key) }} aria-hidden="true" />
              {data.labels[key] ?? key}
            </h4>
            {kind === 'line' ? (
              <LineChart data={panel} height={170} yLabel={yLabel} yDomain={[0, top || 'auto']} />
            ) : (
              <BarChart data={panel} height={170} yLabel={yLabel} />
            )}
          </li>
        );
      })}
    </ul>
  );
}
