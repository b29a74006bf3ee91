import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import { listTasks, submitPredictions } from '../../arena/index.ts';
import { formatScore } from '../../util/index.ts';
import type { CliIo } from '../io.ts';
import { DB_OPTION_HELP } from '../shared/db-option.ts';
import { withStore } from '../shared/with-store.ts';
import { resolveFileFormat } from './resolve-file-format.ts';

/** `aperture arena submit BENCHMARK ROUND FILE`: a team's predictions for a round. */
export function arenaSubmitCommand(io: CliIo): Command {
  return new Command('submit')
    .option('--db <path>', DB_OPTION_HELP)
    .description('submit a predictions file to a round (CSV id,prediction or JSON Lines)')
    .argument('<benchmark>', 'benchmark slug')
    .argument('<round>', 'round name')
    .argument('<file>', 'predictions file')
    .option('--token <token>', 'team token (default: $APERTURE_ARENA_TOKEN)')
    .option('--task <id>', "the task predicted (default: the benchmark's first task)")
    .option('--format <format>', 'csv or jsonl (default: from the extension)')
    .option('--json', 'print the outcome as JSON')
    .action(
      async (
        benchmark: string,
        round: string,
        file: string,
        options: { db?: string; token?: string; task?: string; format?: string; json?: boolean },
      ) => {
        const bytes = await readFile(path.resolve(io.cwd, file));
        const token = options.token ?? io.env.APERTURE_ARENA_TOKEN;
        const { outcome, tasks } = await withStore(io, options.db, async (store) => ({
          outcome: await submitPredictions(store.db, {
            benchmark,
            round,
            task: options.task,
            token,
            bytes,
            format: resolveFileFormat(file, options.format),
          }),
          tasks: await listTasks(store.db, benchmark),
        }));
        if (options.json) io.stdout.write(`${JSON.stringify(outcome, null, 2)}\n`);
        else
          io.stdout.write(
            `accepted submission ${outcome.submissionId}${tasks.length > 1 ? ` to task ${outcome.task}` : ''} (sha256 ${outcome.digest}); public score ${formatScore(outcome.publicScore)}${outcome.improved ? ' (new best)' : ' (no release: not better by the Ladder step)'}; ${outcome.submissionsToday}/${outcome.dailyCap} today; log entry ${outcome.log.index}\n`,
          );
      },
    );
}
