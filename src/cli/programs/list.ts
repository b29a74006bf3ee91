import { Command } from 'commander';
import { listPrograms } from '../../programs/index.ts';
import { renderProgramList } from '../../report/index.ts';
import type { CliIo } from '../io.ts';
import { DB_OPTION_HELP } from '../shared/db-option.ts';
import { withStore } from '../shared/with-store.ts';

/** `aperture programs list`: the stored programs with their awards and deliverables by status. */
export function programsListCommand(io: CliIo): Command {
  return new Command('list')
    .description('list the stored programs with their awards and latest verification status')
    .option('--db <path>', DB_OPTION_HELP)
    .option('--json', 'print the list as JSON')
    .action(async (options: { db?: string; json?: boolean }) => {
      await withStore(io, options.db, async (store) => {
        const programs = await listPrograms(store.db);
        if (options.json) io.stdout.write(`${JSON.stringify({ items: programs }, null, 2)}\n`);
        else io.stdout.write(renderProgramList(programs));
      });
    });
}
