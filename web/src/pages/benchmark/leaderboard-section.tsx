import type { Leaderboard } from '../../../../src/spec/api/index.ts';
import { api } from '../../api-client.ts';
import { AsyncView } from '../../components/async-view.tsx';
import { formatInteger } from '../../format.ts';
import { useApi } from '../../use-api.ts';
import { LeaderboardFigure } from './leaderboard-figure.tsx';
import { LeaderboardTable } from './leaderboard-table.tsx';
import { phaseWords } from './phase-words.ts';
import { sharedRanks } from './shared-ranks.ts';
import { TeamHistories } from './team-histories.tsx';

/**
 * A round's leaderboard of one task, fetched: what its scores are (Ladder, private with bootstrap
 * intervals, or withheld and why), the chart, the table and the teams' histories.
 */
export function LeaderboardSection({
  slug,
  round,
  task,
}: {
  slug: string;
  round: string | undefined;
  /** Undefined on a single-task benchmark. */
  task: string | undefined;
}) {
  const state = useApi(`leaderboard:${slug}:${round ?? ''}:${task ?? ''}`, (signal) =>
    api.leaderboard(slug, { round, task }, signal),
  );
  return (
    <AsyncView state={state} what="the leaderboard">
      {(board) => <LeaderboardView board={board} />}
    </AsyncView>
  );
}

function LeaderboardView({ board }: { board: Leaderboard }) {
  const shared = sharedRanks(board.entries);
  const multiTask = board.tasks.length > 1;
  return (
    <>
      <p>
        {multiTask && (
          <>
            Task <strong>{board.task.title}</strong>,{' '}
          </>
        )}
        Round <strong>{board.round.name}</strong>,{' '}
        {phaseWords(board.round.phase, board.withheld).toLowerCase()}.{' '}
        {board.withheld ? (
          <>
            Public scores as the Ladder released them. The private scores are withheld:{' '}
            <span data-testid="leaderboard-withheld">{board.withheld.reason}</span>.
          </>
        ) : board.kind === 'private' && board.bootstrap ? (
          <>
            Private scores on the hidden items, with {Math.round(board.bootstrap.confidence * 100)}% bootstrap
            confidence intervals ({formatInteger(board.bootstrap.resamples)} resamples, seed{' '}
            {board.bootstrap.seed}). Teams whose intervals overlap share a rank.
          </>
        ) : (
          <>
            Public scores as the Ladder released them; private scores and their confidence intervals appear
            when the round closes.
          </>
        )}
      </p>
      {board.entries.length === 0 ? (
        <p className="empty">No submissions {multiTask ? 'to this task ' : ''}in this round yet.</p>
      ) : (
        <>
          <LeaderboardFigure board={board} shared={shared} />
          <LeaderboardTable board={board} shared={shared} />
          <TeamHistories
            slug={board.benchmark.slug}
            round={board.round.name}
            task={board.task.id}
            taskTitle={multiTask ? board.task.title : undefined}
            teams={board.entries.map((entry) => entry.team)}
          />
        </>
      )}
    </>
  );
}
