import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Command, Option } from 'commander';
import { addItems, listTasks, readItemsFile } from '../../arena/index.ts';
import { ApertureError } from '../../errors.ts';
import type { CliIo } from '../io.ts';
import { DB_OPTION_HELP } from '../shared/db-option.ts';
import { withStore } from '../shared/with-store.ts';
import { resolveFileFormat } from './resolve-file-format.ts';

/** `aperture arena add-items BENCHMARK FILE`: labelled items, public or private, for a benchmark. */
export function arenaAddItemsCommand(io: CliIo): Command {
  return new Command('add-items')
    .option('--db <path>', DB_OPTION_HELP)
    .description('add labelled items (CSV id,label or JSON Lines {"id","label"}) to a benchmark')
    .argument('<benchmark>', 'benchmark slug')
    .argument('<file>', 'items file')
    .addOption(
      new Option('--split <split>', 'public (labels released) or private (labels stay on the server)')
        .choices(['public', 'private'])
        .makeOptionMandatory(),
    )
    .option(
      '--round <name>',
      'fresh items of this round (only after its freeze); private items need it on a benchmark of several rounds',
    )
    .option('--task <id>', "the task the items belong to (default: the benchmark's first task)")
    .option('--format <format>', 'csv or jsonl (default: from the extension)')
    .addHelpText(
      'after',
      `
Public items are shared by every round. A private item is scored in one round only: give --round, which a
benchmark of several rounds requires for private items (without it they belong to the benchmark's one round).
Exit codes: 0 added, 2 refused (rejected items, a round not frozen or already submitted to, private items
without --round on a benchmark of several rounds) or bad input.`,
    )
    .action(
      async (
        benchmark: string,
        file: string,
        options: {
          db?: string;
          split: 'public' | 'private';
          round?: string;
          task?: string;
          format?: string;
        },
      ) => {
        const items = readItemsFile(
          await readFile(path.resolve(io.cwd, file)),
          resolveFileFormat(file, options.format),
        );
        const { outcome, tasks } = await withStore(io, options.db, async (store) => ({
          outcome: await addItems(store.db, {
            benchmark,
            split: options.split,
            round: options.round,
            task: options.task,
            items,
          }),
          tasks: await listTasks(store.db, benchmark),
        }));
        if (outcome.rejected.length > 0) {
          for (const { id, reason } of outcome.rejected.slice(0, 20))
            io.stderr.write(`rejected ${id}: ${reason}\n`);
          throw new ApertureError(
            'ERR_INVALID_INPUT',
            `${outcome.rejected.length} item(s) rejected; nothing was added`,
          );
        }
        // Only a benchmark of several tasks says which one the items went to.
        io.stdout.write(
          `added ${outcome.inserted} ${options.split} item(s) to ${benchmark}${tasks.length > 1 ? ` (task ${outcome.task})` : ''}\n`,
        );
      },
    );
}
