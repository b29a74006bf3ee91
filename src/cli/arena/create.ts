import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import { createBenchmark, resolveTasks, validateBenchmarkDefinition } from '../../arena/index.ts';
import { ApertureError, EXIT_CODES } from '../../errors.ts';
import { formatDocumentIssue } from '../../spec/index.ts';
import { ExitCode } from '../exit-code.ts';
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
      const checked = validateBenchmarkDefinition(text, file);
      if (!checked.ok) {
        // Every problem on its own line, `file:line:column: field: message`, as validate and programs load print.
        for (const issue of checked.issues) io.stderr.write(`${formatDocumentIssue(file, issue)}\n`);
        io.stderr.write(
          `aperture: ${checked.issues.length} problem(s) in ${file}; no benchmark was created\n`,
        );
        throw new ExitCode(EXIT_CODES.badInput);
      }
      const definition = checked.value;
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
