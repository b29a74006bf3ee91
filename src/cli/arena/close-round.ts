import { Command } from 'commander';
import { closeRound, closeTimeText } from '../../arena/index.ts';
import { renderRoundResults } from '../../report/index.ts';
import type { CliIo } from '../io.ts';
import { DB_OPTION_HELP } from '../shared/db-option.ts';
import { withStore } from '../shared/with-store.ts';

/** `aperture arena close-round BENCHMARK ROUND`: closes a round and reveals its private results. */
export function arenaCloseRoundCommand(io: CliIo): Command {
  return new Command('close-round')
    .option('--db <path>', DB_OPTION_HELP)
    .description('close a round: reveal private scores with bootstrap intervals and ranks')
    .argument('<benchmark>', 'benchmark slug')
    .argument('<round>', 'round name')
    .option('--force', 'close before the round’s close time')
    .option('--json', 'print the results (every task) as JSON')
    .action(
      async (benchmark: string, round: string, options: { db?: string; force?: boolean; json?: boolean }) => {
        const results = await withStore(io, options.db, (store) =>
          closeRound(store.db, benchmark, round, { force: options.force }),
        );
        // When the round really closed: a forced close says it came before the scheduled time.
        const closed = `closed ${benchmark} ${round} ${closeTimeText(results.closedAt, results.closesAt)}`;
        if (options.json) io.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
        else if (results.tasks.length <= 1)
          io.stdout.write(
            results.withheld
              ? `${closed}: private results withheld: ${results.withheld.reason}\n`
              : `${closed}: ${results.entries.length} team(s) ranked on ${results.items} private item(s)\n`,
          );
        else {
          const sections = results.tasks.map((task) =>
            task.withheld
              ? `task ${task.task} (${task.metric}): private results withheld: ${task.withheld.reason}\n`
              : `task ${task.task} (${task.metric}): ${task.entries.length} team(s) ranked on ${task.items} private item(s)\n${renderRoundResults(task.metric, task.entries)}\n`,
          );
          io.stdout.write(`${closed}: ${results.tasks.length} tasks\n\n${sections.join('\n')}`);
        }
      },
    );
}
