import { Command, Option } from 'commander';
import { EXPORT_COLUMNS, exportResults, getProgram } from '../../programs/index.ts';
import { toSafeCsv } from '../../util/index.ts';
import type { CliIo } from '../io.ts';
import { DB_OPTION_HELP } from '../shared/db-option.ts';
import { withStore } from '../shared/with-store.ts';

/** `aperture programs export`: every recorded verification result, as CSV or JSON Lines. */
export function programsExportCommand(io: CliIo): Command {
  return new Command('export')
    .description('export every recorded verification result (all runs) as CSV or JSON Lines')
    .addOption(new Option('--format <format>', 'output format').choices(['csv', 'jsonl']).default('csv'))
    .option('--program <id>', 'only this program')
    .option('--db <path>', DB_OPTION_HELP)
    .action(async (options: { format: 'csv' | 'jsonl'; program?: string; db?: string }) => {
      await withStore(io, options.db, async (store) => {
        if (options.program !== undefined) await getProgram(store.db, options.program);
        const rows = await exportResults(store.db, { program: options.program });
        if (options.format === 'jsonl') {
          for (const row of rows) io.stdout.write(`${JSON.stringify(row)}\n`);
        } else io.stdout.write(toSafeCsv(rows as unknown as Record<string, unknown>[], [...EXPORT_COLUMNS]));
      });
    });
}
