import { Command } from 'commander';
import { getProgram } from '../../programs/index.ts';
import { renderProgram } from '../../report/index.ts';
import type { CliIo } from '../io.ts';
import { DB_OPTION_HELP } from '../shared/db-option.ts';
import { withStore } from '../shared/with-store.ts';

/** `aperture programs show ID`: one program with its requirements and awards. */
export function programsShowCommand(io: CliIo): Command {
  return new Command('show')
    .description('show one program: requirements, awards and their latest verification status')
    .argument('<id>', 'the program id')
    .option('--db <path>', DB_OPTION_HELP)
    .option('--json', 'print the program as JSON')
    .action(async (id: string, options: { db?: string; json?: boolean }) => {
      await withStore(io, options.db, async (store) => {
        const program = await getProgram(store.db, id);
        if (options.json) io.stdout.write(`${JSON.stringify(program, null, 2)}\n`);
        else io.stdout.write(renderProgram(program));
      });
    });
}
