import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import { exportLog } from '../../arena/index.ts';
import type { CliIo } from '../io.ts';
import { DB_OPTION_HELP } from '../shared/db-option.ts';
import { withStore } from '../shared/with-store.ts';

/** `aperture arena export-log [FILE]`: the transparency log as JSON Lines. */
export function arenaExportLogCommand(io: CliIo): Command {
  return new Command('export-log')
    .option('--db <path>', DB_OPTION_HELP)
    .description('write the transparency log as JSON Lines (to FILE or standard output)')
    .argument('[file]', 'output file')
    .action(async (file: string | undefined, options: { db?: string }) => {
      const { jsonLines, count } = await withStore(io, options.db, (store) => exportLog(store.db));
      if (file === undefined) io.stdout.write(jsonLines);
      else {
        await writeFile(path.resolve(io.cwd, file), jsonLines);
        io.stdout.write(`wrote ${count} log entries to ${file}\n`);
      }
    });
}
