import { useId } from 'react';
import {
  CartesianGrid,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  type ScatterPointItem,
  usePlotArea,
  useXAxisScale,
  XAxis,
  YAxis,
} from 'recharts';
import type { MilestoneState } from '../../../src/spec/api/index.ts';
import { dayText, dayValue, monthTicks } from './time-axis.ts';

/** Words for each milestone state; the chart writes them beside each row, so colour is never alone. */
export const MILESTONE_WORDS: Record<MilestoneState['state'], string> = {
  met: 'Released on time',
  late: 'Released late',
  unevidenced: 'No evidence of release',
  overdue: 'Overdue',
  pending: 'Not due yet',
};

/** Props of ReleaseTimeline. */
export interface ReleaseTimelineProps {
  milestones: readonly MilestoneState[];
  /** The day the milestones were judged on (the as-of line). */
  asOf: string;
  /** A name for the chart (the award's recipient). */
  title: string;
}

const LABEL = 96;
const STATE = 168;
const ROW = 40;
const TOP = 44;
const BOTTOM = 12;
const DAY = 86_400_000;

const MONTH = new Intl.DateTimeFormat('en', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** A milestone placed on the chart: its row (top first) and its due day in milliseconds. */
interface MilestonePoint {
  row: number;
  due: number;
  milestone: MilestoneState;
}

/** One milestone's row: due diamond, release dot, late span or overdue bar, and its state in words. */
function MilestoneMarks({ point, asOf, hatch }: { point: ScatterPointItem; asOf: number; hatch: string }) {
  const x = useXAxisScale();
  const plot = usePlotArea();
  const { milestone } = point.payload as MilestonePoint;
  if (x === undefined || plot === undefined || point.cx === undefined || point.cy === undefined) return null;
  const y = point.cy;
  const due = point.cx;
  const released = milestone.released === null ? undefined : x(dayValue(milestone.released));
  const asOfX = x(asOf);
  const right = plot.x + plot.width;
  return (
    <g className={`milestone is-${milestone.state}`}>
      <line x1={plot.x} x2={right} y1={y} y2={y} className="row-line" />
      {milestone.state === 'overdue' && asOfX !== undefined && (
        <rect
          x={Math.min(due, asOfX)}
          y={y - 6}
          width={Math.abs(asOfX - due)}
          height={12}
          fill={`url(#${hatch})`}
          className="milestone-overdue"
        >
          <title>{`${milestone.stage} overdue since ${milestone.due}`}</title>
        </rect>
      )}
      {released !== undefined && milestone.state === 'late' && (
        <line x1={due} x2={released} y1={y} y2={y} className="late-span" />
      )}
      <path
        d={`M${due},${y - 8} L${due + 8},${y} L${due},${y + 8} L${due - 8},${y} Z`}
        className="milestone-due"
      >
        <title>{`${milestone.stage} due ${milestone.due}`}</title>
      </path>
      {released !== undefined && (
        <circle cx={released} cy={y} r={6} className="milestone-released">
          <title>{`${milestone.stage} released ${milestone.released}`}</title>
        </circle>
      )}
      <text
        x={right + 12}
        y={y + 4}
        className={milestone.state === 'overdue' ? 'state-label overdue-label' : 'state-label'}
      >
        {milestone.state === 'overdue' ? '⚠ Overdue' : MILESTONE_WORDS[milestone.state]}
      </text>
    </g>
  );
}

/** The as-of line's label, at the top of the plot. */
function AsOfLabel({ viewBox, text }: { viewBox?: { x?: number; y?: number }; text: string }) {
  if (viewBox?.x === undefined || viewBox.y === undefined) return null;
  return (
    <text x={viewBox.x} y={viewBox.y + 12} textAnchor="middle" className="as-of-label">
      {text}
    </text>
  );
}

/**
 * The staged-release timeline (recharts): one row per milestone with its due date (an open diamond), its
 * release (a dot), a late release joined to its due date, an overdue milestone as a hatched bar from its
 * due date to the as-of line with the word "Overdue", and the as-of line itself.
 */
export function ReleaseTimeline({ milestones, asOf, title }: ReleaseTimelineProps) {
  const id = useId();
  const hatch = `${id}-hatch`;
  const asOfValue = dayValue(asOf);
  const days = milestones.flatMap((milestone) =>
    [milestone.due, milestone.released].filter((day): day is string => day !== null).map(dayValue),
  );
  const values = [...days, asOfValue].filter(Number.isFinite);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const pad = Math.max(14 * DAY, (max - min) * 0.06);
  const domain: [number, number] = [min - pad, max + pad];
  const points: MilestonePoint[] = milestones.map((milestone, row) => ({
    row,
    due: dayValue(milestone.due),
    milestone,
  }));
  const rows = points.map((point) => point.row);
  const overdue = milestones.filter((milestone) => milestone.state === 'overdue');
  const description = `${milestones.length} milestones judged as of ${asOf}. ${milestones
    .map(
      (milestone) =>
        `${milestone.stage}: due ${milestone.due}, ${
          milestone.released ? `released ${milestone.released}` : 'not released'
        }, ${MILESTONE_WORDS[milestone.state].toLowerCase()}`,
    )
    .join('; ')}.`;
  return (
    <figure className="timeline">
      <ResponsiveContainer
        width="100%"
        height={TOP + milestones.length * ROW + BOTTOM}
        className="timeline-chart"
      >
        <ScatterChart
          margin={{ top: 16, right: STATE, bottom: BOTTOM, left: 0 }}
          accessibilityLayer={false}
          role="img"
          title={`Staged-release timeline of ${title}`}
          desc={description}
          data-testid="release-timeline"
        >
          <defs>
            <pattern
              id={hatch}
              width="6"
              height="6"
              patternUnits="userSpaceOnUse"
              patternTransform="rotate(45)"
            >
              <rect width="6" height="6" className="overdue-fill" />
              <line x1="0" y1="0" x2="0" y2="6" className="overdue-hatch" strokeWidth="3" />
            </pattern>
          </defs>
          <CartesianGrid horizontal={false} />
          <XAxis
            type="number"
            dataKey="due"
            orientation="top"
            domain={domain}
            ticks={monthTicks(domain[0], domain[1])}
            tickFormatter={(tick: number) => MONTH.format(tick)}
            tick={{ fontSize: 12 }}
            axisLine={false}
            tickLine={false}
          />
          <YAxis
            type="number"
            dataKey="row"
            reversed
            // Room above the first row for the as-of label, under the month ticks.
            domain={[-0.9, milestones.length - 0.5]}
            ticks={rows}
            interval={0}
            width={LABEL}
            tickFormatter={(row: number) => milestones[row]?.stage ?? ''}
            tick={{ className: 'stage-label' }}
            axisLine={false}
            tickLine={false}
          />
          <Scatter
            data={points}
            isAnimationActive={false}
            shape={(point: ScatterPointItem) => (
              <MilestoneMarks point={point} asOf={asOfValue} hatch={hatch} />
            )}
          />
          {Number.isFinite(asOfValue) && (
            <ReferenceLine
              x={asOfValue}
              className="as-of-line"
              label={<AsOfLabel text={`as of ${dayText(asOfValue)}`} />}
            />
          )}
        </ScatterChart>
      </ResponsiveContainer>
      <figcaption>
        <ul className="legend timeline-legend" aria-label="Legend">
          <li>
            <svg width="16" height="16" viewBox="-8 -8 16 16" aria-hidden="true">
              <path d="M0,-7 L7,0 L0,7 L-7,0 Z" className="milestone-due" />
            </svg>
            Due date
          </li>
          <li>
            <svg width="16" height="16" viewBox="-8 -8 16 16" aria-hidden="true">
              <circle r="6" className="milestone-released" />
            </svg>
            Released
          </li>
          <li>
            <span className="swatch swatch-overdue" aria-hidden="true" />
            Overdue: past due, not released
          </li>
          <li>
            <span className="swatch-line" aria-hidden="true" />
            As-of date of the verification
          </li>
        </ul>
        {overdue.length > 0 && (
          <p className="overdue-note">
            <strong>Overdue:</strong>{' '}
            {overdue.map((milestone) => `${milestone.stage} (due ${milestone.due})`).join(', ')}.
          </p>
        )}
      </figcaption>
    </figure>
  );
}
