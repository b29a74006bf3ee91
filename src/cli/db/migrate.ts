import { Command } from 'commander';
import { migrateToLatest, openDatabase } from '../../store/index.ts';
import type { CliIo } from '../io.ts';
import { DB_OPTION_HELP } from '../shared/db-option.ts';

/** `aperture db migrate`: creates or updates the database tables. */
export function dbMigrateCommand(io: CliIo): Command {
  return new Command('migrate')
    .description('create or update the database tables (safe to run again)')
    .option('--db <path>', DB_OPTION_HELP)
    .option('--json', 'print the outcome as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ aperture db migrate                          # .aperture/aperture.db
  $ aperture db migrate --db catalog.db --json
  $ DATABASE_URL=postgres://localhost/aperture aperture db migrate`,
    )
    .action(async (options: { db?: string; json?: boolean }) => {
      const store = await openDatabase({ file: options.db, env: io.env, cwd: io.cwd });
      try {
        const outcome = await migrateToLatest(store);
        if (options.json) {
          io.stdout.write(
            `${JSON.stringify({ dialect: store.dialect, location: store.location, ...outcome }, null, 2)}\n`,
          );
        } else {
          for (const name of outcome.applied) io.stdout.write(`applied ${name}\n`);
          io.stdout.write(
            `${store.dialect} ${store.location}: up to date (${outcome.known.length} migration(s), ${outcome.applied.length} applied now)\n`,
          );
        }
      } finally {
        await store.close();
      }
    });
}
