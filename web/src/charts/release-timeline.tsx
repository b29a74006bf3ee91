import { useId } from 'react';
import type { MilestoneState } from '../api-types.ts';
import { dayText, dayValue, linearScale, monthTicks } from './scale.ts';

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

const WIDTH = 760;
const LABEL = 96;
const STATE = 168;
const ROW = 40;
const TOP = 44;
const BOTTOM = 12;
const DAY = 86_400_000;

const MONTH = new Intl.DateTimeFormat('en', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/**
 * The staged-release timeline drawn in SVG: one row per milestone with its due date (an open diamond),
 * its release (a dot), a late release joined to its due date, an overdue milestone as a hatched bar from
 * its due date to the as-of line with the word "Overdue", and the as-of line itself.
 */
export function ReleaseTimeline({ milestones, asOf, title }: ReleaseTimelineProps) {
  const id = useId();
  const asOfValue = dayValue(asOf);
  const days = milestones.flatMap((milestone) =>
    [milestone.due, milestone.released].filter((day): day is string => day !== null).map(dayValue),
  );
  const values = [...days, asOfValue].filter(Number.isFinite);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const pad = Math.max(14 * DAY, (max - min) * 0.06);
  const domain: [number, number] = [min - pad, max + pad];
  const x = linearScale(domain, [LABEL, WIDTH - STATE]);
  const height = TOP + milestones.length * ROW + BOTTOM;
  const ticks = monthTicks(domain[0], domain[1]);
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
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        data-testid="release-timeline"
        className="timeline-chart"
      >
        <title id={`${id}-title`}>{`Staged-release timeline of ${title}`}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <defs>
          <pattern
            id={`${id}-hatch`}
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="6" height="6" className="overdue-fill" />
            <line x1="0" y1="0" x2="0" y2="6" className="overdue-hatch" strokeWidth="3" />
          </pattern>
        </defs>
        <g className="timeline-axis">
          {ticks.map((tick) => (
            <g key={tick}>
              <line x1={x(tick)} x2={x(tick)} y1={TOP - 14} y2={height - BOTTOM} className="grid-line" />
              <text x={x(tick)} y={TOP - 20} textAnchor="middle" className="tick-label">
                {MONTH.format(tick)}
              </text>
            </g>
          ))}
        </g>
        {milestones.map((milestone, index) => {
          const y = TOP + index * ROW + ROW / 2;
          const due = x(dayValue(milestone.due));
          const released = milestone.released === null ? null : x(dayValue(milestone.released));
          return (
            <g key={`${milestone.stage}:${milestone.due}`} className={`milestone is-${milestone.state}`}>
              <text x={LABEL - 10} y={y + 4} textAnchor="end" className="stage-label">
                {milestone.stage}
              </text>
              <line x1={LABEL} x2={WIDTH - STATE} y1={y} y2={y} className="row-line" />
              {milestone.state === 'overdue' && (
                <rect
                  x={Math.min(due, x(asOfValue))}
                  y={y - 6}
                  width={Math.abs(x(asOfValue) - due)}
                  height={12}
                  fill={`url(#${id}-hatch)`}
                  className="milestone-overdue"
                >
                  <title>{`${milestone.stage} overdue since ${milestone.due}`}</title>
                </rect>
              )}
              {released !== null && milestone.state === 'late' && (
                <line x1={due} x2={released} y1={y} y2={y} className="late-span" />
              )}
              <path
                d={`M${due},${y - 8} L${due + 8},${y} L${due},${y + 8} L${due - 8},${y} Z`}
                className="milestone-due"
              >
                <title>{`${milestone.stage} due ${milestone.due}`}</title>
              </path>
              {released !== null && (
                <circle cx={released} cy={y} r={6} className="milestone-released">
                  <title>{`${milestone.stage} released ${milestone.released}`}</title>
                </circle>
              )}
              <text
                x={WIDTH - STATE + 12}
                y={y + 4}
                className={milestone.state === 'overdue' ? 'state-label overdue-label' : 'state-label'}
              >
                {milestone.state === 'overdue' ? '⚠ Overdue' : MILESTONE_WORDS[milestone.state]}
              </text>
            </g>
          );
        })}
        {Number.isFinite(asOfValue) && (
          <g className="as-of">
            <line
              x1={x(asOfValue)}
              x2={x(asOfValue)}
              y1={TOP - 10}
              y2={height - BOTTOM}
              className="as-of-line"
            />
            <text x={x(asOfValue)} y={TOP - 4} textAnchor="middle" className="as-of-label">
              {`as of ${dayText(asOfValue)}`}
            </text>
          </g>
        )}
      </svg>
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
