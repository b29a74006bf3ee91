import Table from 'cli-table3';
import { Command, Option } from 'commander';
import { type Leaderboard, leaderboard } from '../../arena/index.ts';
import { toSafeCsv } from '../../util/index.ts';
import type { CliIo } from '../io.ts';
import { DB_OPTION_HELP } from '../shared/db-option.ts';
import { withStore } from '../shared/with-store.ts';

const COMPACT = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };

function renderBoard(board: Leaderboard): string {
  const privateBoard = board.kind === 'private';
  const table = new Table({
    head: [
      'Rank',
      'Team',
      board.benchmark.metric,
      ...(privateBoard ? ['95% interval'] : []),
      'Submissions',
      'Prizes',
    ],
    style: { head: [], border: [] },
    chars: COMPACT,
  });
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

/** `aperture arena leaderboard BENCHMARK`: a round's leaderboard as a table, CSV or JSON. */
export function arenaLeaderboardCommand(io: CliIo): Command {
  return new Command('leaderboard')
    .option('--db <path>', DB_OPTION_HELP)
    .description('print a round leaderboard (public while it runs, private once closed)')
    .argument('<benchmark>', 'benchmark slug')
    .option('--round <name>', 'round (default: the latest)')
    .option('--task <id>', "task (default: the benchmark's first task)")
    .addOption(new Option('--json', 'print JSON').conflicts('csv'))
    .addOption(new Option('--csv', 'print CSV'))
    .action(
      async (
        benchmark: string,
        options: { db?: string; round?: string; task?: string; json?: boolean; csv?: boolean },
      ) => {
        const board = await withStore(io, options.db, (store) =>
          leaderboard(store.db, benchmark, options.round, { task: options.task }),
        );
        if (options.json) io.stdout.write(`${JSON.stringify(board, null, 2)}\n`);
        else if (options.csv)
          io.stdout.write(
            toSafeCsv(
              board.entries.map((entry) => ({
                ...entry,
                prizes: entry.prizes
                  .filter((prize) => prize.eligible)
                  .map((prize) => prize.track)
                  .join(' '),
              })),
              ['rank', 'team', 'score', 'lower', 'upper', 'submissions', 'lastSubmissionAt', 'prizes'],
            ),
          );
        else io.stdout.write(renderBoard(board));
      },
    );
}
