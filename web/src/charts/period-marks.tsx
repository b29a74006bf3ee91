import { ReferenceLine } from 'recharts';
import type { ChartData } from './chart-data.ts';

/** Past this many empty periods the axis only marks them with a line: labels would overlap. */
const MAX_LABELLED_EMPTY_PERIODS = 12;
/** On an axis of more periods than this, labels overlap even when few: the note under the chart names them. */
const MAX_PERIODS_FOR_LABELS = 24;

/**
 * Marks for the empty periods of a time axis: a faint dashed line labelled "no data" at each, so an
 * empty quarter reads as missing, not as zero. Called as a function: recharts reads its own elements.
 */
export function EmptyPeriodMarks({ data }: { data: ChartData }) {
  const empty = data.emptyX ?? [];
  const labelled = empty.length <= MAX_LABELLED_EMPTY_PERIODS && data.points.length <= MAX_PERIODS_FOR_LABELS;
  return empty.map((x) => (
    <ReferenceLine
      key={`empty-${x}`}
      x={x}
      stroke="#9E9E9E"
      strokeDasharray="2 4"
      className="empty-period"
      label={
        labelled ? { value: 'no data', position: 'insideBottom', fontSize: 11, fill: '#555' } : undefined
      }
    />
  ));
}

/** The text of the partial-period marker: `partial: data to 2024-08-15`. */
export function partialLabel(asOf: string): string {
  return `partial: data to ${asOf}`;
}

/** A dashed line at the first partial period, labelled with the day the data runs to. */
export function PartialPeriodMark({ data }: { data: ChartData }) {
  const partial = data.partial;
  if (!partial || partial.x.length === 0) return null;
  return (
    <ReferenceLine
      x={partial.x[0]}
      stroke="#555"
      strokeDasharray="4 3"
      className="partial-period"
      // Inside, left of the line: the partial period is often the last, at the chart's right edge.
      label={{ value: partialLabel(partial.asOf), position: 'insideTopRight', fontSize: 11, fill: '#333' }}
    />
  );
}
