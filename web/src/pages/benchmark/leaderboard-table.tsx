import type { Leaderboard } from '../../../../src/spec/api/index.ts';
import { DataTable } from '../../components/data-table.tsx';
import { formatInteger, formatNumber, formatTimestamp, humanize } from '../../format.ts';
import { rankText } from './shared-ranks.ts';

/** The leaderboard as a table: rank, team, score, interval, submissions and prize-track claims. */
export function LeaderboardTable({ board, shared }: { board: Leaderboard; shared: ReadonlySet<number> }) {
  const multiTask = board.tasks.length > 1;
  const caption = `Leaderboard of ${board.round.name}${multiTask ? `, ${board.task.title}` : ''} (${board.kind} scores)`;
  return (
    <DataTable
      caption={caption}
      columns={[
        { key: 'rank', header: 'Rank', numeric: true, render: (entry) => rankText(entry.rank, shared) },
        { key: 'team', header: 'Team', render: (entry) => entry.team },
        {
          key: 'score',
          header: humanize(board.benchmark.metric),
          numeric: true,
          render: (entry) => formatNumber(entry.score),
        },
        {
          key: 'interval',
          header: 'Confidence interval',
          numeric: true,
          render: (entry) =>
            entry.lower !== null && entry.upper !== null
              ? `${formatNumber(entry.lower)} – ${formatNumber(entry.upper)}`
              : '–',
        },
        {
          key: 'submissions',
          header: 'Submissions',
          numeric: true,
          render: (entry) => formatInteger(entry.submissions),
        },
        {
          key: 'last',
          header: 'Last submission',
          render: (entry) => formatTimestamp(entry.lastSubmissionAt),
        },
        {
          key: 'prizes',
          header: 'Prize tracks',
          render: (entry) =>
            entry.prizes.length === 0 ? (
              <span className="empty">No claim</span>
            ) : (
              <span className="badges">
                {entry.prizes.map((prize) => (
                  <span
                    key={prize.track}
                    className={`badge ${prize.eligible ? 'badge-open' : 'badge-closed'}`}
                    title={`checked ${formatTimestamp(prize.checkedAt)}`}
                  >
                    {prize.track}: {prize.eligible ? 'eligible' : 'not eligible'}
                  </span>
                ))}
              </span>
            ),
        },
      ]}
      rows={board.entries}
      rowKey={(entry) => entry.team}
    />
  );
}
