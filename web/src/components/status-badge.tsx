import type { StatusCounts } from '../../../src/spec/api/index.ts';
import type { DeliverableStatus } from '../../../src/spec/vocabularies/index.ts';

/** The verification statuses in the order they are shown (worst news first). */
export const STATUS_ORDER: readonly DeliverableStatus[] = [
  'overdue',
  'fail',
  'unverifiable',
  'pending',
  'unchecked',
  'pass',
];

/** Words for each verification status. */
export const STATUS_WORDS: Record<string, string> = {
  pass: 'Pass',
  fail: 'Fail',
  overdue: 'Overdue',
  pending: 'Pending',
  unverifiable: 'Unverifiable',
  unchecked: 'Not checked yet',
} satisfies Record<DeliverableStatus, string>;

/** What each status means, for a legend or a tooltip. */
export const STATUS_MEANINGS: Record<string, string> = {
  pass: 'verified as delivered',
  fail: 'checked and falls short',
  overdue: 'past its due date and not delivered',
  pending: 'not due yet',
  unverifiable: 'could not be verified automatically',
  unchecked: 'no verification run yet',
} satisfies Record<DeliverableStatus, string>;

/** A verification status as a word with a colour; the word alone carries the meaning. */
export function StatusBadge({ status }: { status: string }) {
  return (
    <span className={`badge status-${status}`} title={STATUS_MEANINGS[status]}>
      {STATUS_WORDS[status] ?? status}
    </span>
  );
}

/** Status counts as a small stacked bar with the counts in words beside it (the bar is decoration). */
export function StatusBar({ counts }: { counts: StatusCounts }) {
  const total = STATUS_ORDER.reduce((sum, status) => sum + (counts[status] ?? 0), 0);
  const present = STATUS_ORDER.filter((status) => (counts[status] ?? 0) > 0);
  if (total === 0) return <span className="empty">No deliverables</span>;
  return (
    <span className="status-summary">
      <span className="status-bar" aria-hidden="true">
        {present.map((status) => (
          <span
            key={status}
            className={`status-segment status-${status}`}
            style={{ width: `${(counts[status] / total) * 100}%` }}
          />
        ))}
      </span>
      <span className="status-counts">
        {present.map((status) => `${counts[status]} ${STATUS_WORDS[status]?.toLowerCase()}`).join(', ')}
      </span>
    </span>
  );
}

/** What each verification status means (the bars name their counts in words beside them). */
export function StatusLegend() {
  return (
    <ul className="legend" aria-label="Verification statuses">
      {STATUS_ORDER.map((status) => (
        <li key={status}>
          <span className={`swatch status-${status}`} aria-hidden="true" />
          <strong>{STATUS_WORDS[status]}</strong>: {STATUS_MEANINGS[status]}
        </li>
      ))}
    </ul>
  );
}
