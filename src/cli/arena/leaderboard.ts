import { Command, Option } from 'commander';
import { leaderboard } from '../../arena/index.ts';
import { renderLeaderboard, renderLeaderboardCsv } from '../../report/index.ts';
import type { CliIo } from '../io.ts';
import { DB_OPTION_HELP } from '../shared/db-option.ts';
import { withStore } from '../shared/with-store.ts';

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
        else if (options.csv) io.stdout.write(renderLeaderboardCsv(board.entries));
        else io.stdout.write(renderLeaderboard(board));
      },
    );
}
