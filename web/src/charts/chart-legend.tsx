import { type ChartData, PALETTE } from './chart-data.ts';

/** A legend in HTML (readable, wraps on small screens) for the series of a chart. */
export function ChartLegend({ data }: { data: ChartData }) {
  if (data.series.length < 2) return null;
  return (
    <ul className="legend" aria-label="Legend">
      {data.series.map((name, index) => (
        <li key={name}>
          <span
            className="swatch"
            style={{ background: PALETTE[index % PALETTE.length] }}
            aria-hidden="true"
          />
          {data.labels[name] ?? name}
        </li>
      ))}
    </ul>
  );
}
