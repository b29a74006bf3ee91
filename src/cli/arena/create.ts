import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import { createBenchmark, parseBenchmarkDefinition, resolveTasks } from '../../arena/index.ts';
import { ApertureError } from '../../errors.ts';
import type { CliIo } from '../io.ts';
import { DB_OPTION_HELP } from '../shared/db-option.ts';
import { withStore } from '../shared/with-store.ts';

/** `aperture arena create FILE`: a benchmark, its rounds and prize tracks from a YAML definition. */
export function arenaCreateCommand(io: CliIo): Command {
  return new Command('create')
    .option('--db <path>', DB_OPTION_HELP)
    .description('create a benchmark (with its rounds and prize tracks) from a YAML definition')
    .argument('<file>', 'benchmark definition YAML')
    .action(async (file: string, options: { db?: string }) => {
      const text = await readFile(path.resolve(io.cwd, file), 'utf8').catch((error: Error) => {
        throw new ApertureError('ERR_NOT_FOUND', `cannot read ${file}: ${error.message}`);
      });
      const definition = parseBenchmarkDefinition(text, file);
      const created = await withStore(io, options.db, (store) => createBenchmark(store.db, definition));
      const tasks = resolveTasks(definition);
      const scoring =
        tasks.length > 1
          ? `${tasks.length} tasks: ${tasks.map((task) => `${task.id} ${task.metric}`).join(', ')}`
          : tasks[0]!.metric;
      io.stdout.write(
        `created benchmark ${definition.slug} (${scoring}; ${created.rounds} round(s), ${created.prizeTracks} prize track(s))\n`,
      );
    });
}
