import { compactTable } from '../compact-table.ts';
import type { LeaderboardView } from './leaderboard-view.ts';

/**
 * A leaderboard as text: a heading line saying which board it is (public with the Ladder's releases, or
 * private with the bootstrap used), then the table, with the prize tracks each team is eligible for.
 *
 * @example
 * io.stdout.write(renderLeaderboard(await leaderboard(db, 'demo-sentiment')));
 */
export function renderLeaderboard(board: LeaderboardView): string {
  const privateBoard = board.kind === 'private';
  const table = compactTable([
    'Rank',
    'Team',
    board.benchmark.metric,
    ...(privateBoard ? ['95% interval'] : []),
    'Submissions',
    'Prizes',
  ]);
  for (const entry of board.entries)
    table.push([
      entry.rank,
      entry.team,
      entry.score.toFixed(4),
      ...(privateBoard ? [`${entry.lower?.toFixed(4)} – ${entry.upper?.toFixed(4)}`] : []),
      entry.submissions,
      entry.prizes
        .filter((prize) => prize.eligible)
        .map((prize) => prize.track)
        .join(', '),
    ]);
  const what = privateBoard
    ? `private leaderboard (closed ${board.round.closedAt}; bootstrap ${board.bootstrap?.resamples} resamples, seed ${board.bootstrap?.seed})`
    : `public leaderboard (${board.round.phase}; scores are the Ladder's releases${board.withheld ? `; private results withheld: ${board.withheld.reason}` : ''})`;
  const body = board.entries.length === 0 ? '(no submissions yet)' : table.toString();
  // Several tasks: name the one shown, and the others --task can choose.
  const task =
    board.tasks.length > 1
      ? `, task ${board.task.id} (${board.task.title}; tasks: ${board.tasks.join(', ')})`
      : '';
  return `${board.benchmark.title}, ${board.round.name}${task}: ${what}\n${body}\n`;
}
