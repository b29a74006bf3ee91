import { Command } from 'commander';
import { openRound } from '../../arena/index.ts';
import type { CliIo } from '../io.ts';
import { DB_OPTION_HELP } from '../shared/db-option.ts';
import { withStore } from '../shared/with-store.ts';

/** `aperture arena open-round BENCHMARK NAME`: another round of a benchmark. */
export function arenaOpenRoundCommand(io: CliIo): Command {
  return new Command('open-round')
    .option('--db <path>', DB_OPTION_HELP)
    .description('add a round to a benchmark')
    .argument('<benchmark>', 'benchmark slug')
    .argument('<name>', 'round name, e.g. round-2')
    .requiredOption('--opens <time>', 'UTC time, e.g. 2025-06-01T00:00:00Z')
    .requiredOption('--freezes <time>', 'submission freeze (fresh items and predictions from here)')
    .requiredOption('--closes <time>', 'close time')
    .addHelpText(
      'after',
      `
A private item is scored in one round only: a benchmark whose private items were added without --round
keeps its one round, and a new round is refused (run later rounds on a new benchmark).
Exit codes: 0 opened, 2 refused (that case, a taken name) or bad times.`,
    )
    .action(
      async (
        benchmark: string,
        name: string,
        options: { db?: string; opens: string; freezes: string; closes: string },
      ) => {
        await withStore(io, options.db, (store) =>
          openRound(store.db, benchmark, {
            name,
            opensAt: options.opens,
            freezesAt: options.freezes,
            closesAt: options.closes,
          }),
        );
        io.stdout.write(`opened round ${name} of ${benchmark}\n`);
      },
    );
}
