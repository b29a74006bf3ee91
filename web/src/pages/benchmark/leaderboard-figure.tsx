import type { Leaderboard } from '../../../../src/spec/api/index.ts';
import { leaderboardUrl } from '../../api-client.ts';
import { IntervalChart } from '../../charts/interval-chart.tsx';
import { formatNumber, humanize } from '../../format.ts';
import { rankText } from './shared-ranks.ts';

/**
 * The leaderboard drawn: each team's score with its confidence interval when the round has them, a text
 * description of the same numbers, and links to download the board as CSV and JSON.
 */
export function LeaderboardFigure({ board, shared }: { board: Leaderboard; shared: ReadonlySet<number> }) {
  const metric = humanize(board.benchmark.metric).toLowerCase();
  const hasIntervals = board.entries.some((entry) => entry.lower !== null && entry.upper !== null);
  const multiTask = board.tasks.length > 1;
  const query = { round: board.round.name, task: multiTask ? board.task.id : undefined };
  const jsonHref = leaderboardUrl(board.benchmark.slug, query);
  const csvHref = leaderboardUrl(board.benchmark.slug, { ...query, format: 'csv' });
  return (
    <figure className="indicator">
      <IntervalChart
        rows={board.entries.map((entry) => ({
          label: entry.team,
          prefix: shared.has(entry.rank) ? `=${entry.rank}` : `${entry.rank}.`,
          value: entry.score,
          lower: entry.lower,
          upper: entry.upper,
        }))}
        measure={humanize(board.benchmark.metric)}
        description={`${board.entries.length} teams ranked by ${metric}${
          hasIntervals ? ', each with its confidence interval' : ''
        }. ${board.entries
          .map(
            (entry) =>
              `Rank ${rankText(entry.rank, shared)}: ${entry.team}, ${formatNumber(entry.score)}${
                entry.lower !== null && entry.upper !== null
                  ? ` (${formatNumber(entry.lower)} to ${formatNumber(entry.upper)})`
                  : ''
              }`,
          )
          .join('; ')}.`}
      />
      <figcaption>
        {hasIntervals
          ? 'Dots are scores; bars with end caps are the confidence intervals. A rank prefixed with = is shared.'
          : `Dots are the public scores; intervals come with the private scores${board.withheld ? ', once they are shown' : ', when the round closes'}.`}{' '}
        Download the leaderboard as{' '}
        <a href={csvHref} download>
          CSV
        </a>{' '}
        or{' '}
        <a href={jsonHref} download>
          JSON
        </a>
        .
      </figcaption>
    </figure>
  );
}
