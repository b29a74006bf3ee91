import { Command } from 'commander';
import { listBenchmarks } from '../../arena/index.ts';
import type { CliIo } from '../io.ts';
import { DB_OPTION_HELP } from '../shared/db-option.ts';
import { withStore } from '../shared/with-store.ts';

/** `aperture arena list`: the benchmarks, one per line (tab-separated) or as JSON. */
export function arenaListCommand(io: CliIo): Command {
  return new Command('list')
    .option('--db <path>', DB_OPTION_HELP)
    .description('list the benchmarks')
    .option('--json', 'print JSON')
    .action(async (options: { db?: string; json?: boolean }) => {
      const items = await withStore(io, options.db, (store) => listBenchmarks(store.db));
      if (options.json) io.stdout.write(`${JSON.stringify({ items }, null, 2)}\n`);
      else
        for (const item of items) {
          // A fourth column only for benchmarks with several tasks: single-task lines stay as they were.
          const tasks =
            item.tasks.length > 1
              ? `\ttasks: ${item.tasks.map((task) => `${task.id} (${task.metric})`).join(', ')}`
              : '';
          io.stdout.write(`${item.slug}\t${item.metric}\t${item.title}${tasks}\n`);
        }
    });
}
