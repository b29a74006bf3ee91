import { type ChartData, seriesColour } from './chart-data.ts';

/** A legend in HTML (readable, wraps on small screens) for the series of a chart, in the series' own colours. */
export function ChartLegend({ data }: { data: ChartData }) {
  if (data.series.length < 2) return null;
  return (
    <ul className="legend" aria-label="Legend">
      {data.series.map((key) => (
        <li key={key} data-colour={seriesColour(data, key)}>
          <span className="swatch" style={{ background: seriesColour(data, key) }} aria-hidden="true" />
          {data.labels[key] ?? key}
        </li>
      ))}
    </ul>
  );
}
