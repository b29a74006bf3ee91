import path from 'node:path';
import { Command } from 'commander';
import { backupDatabase, isPostgresUrl, openDatabase, postgresBackupRefused } from '../../store/index.ts';
import type { CliIo } from '../io.ts';

/** `aperture db backup FILE`: a copy of the SQLite database, taken while it stays usable. */
export function dbBackupCommand(io: CliIo): Command {
  return new Command('backup')
    .description('copy the SQLite database to FILE while it stays usable (PostgreSQL: use pg_dump)')
    .argument('<file>', 'where to write the copy')
    .option('--db <path>', 'SQLite file (default .aperture/aperture.db)')
    .option('--force', 'overwrite FILE if it exists')
    .addHelpText(
      'after',
      `
Examples:
  $ aperture db backup backups/aperture.db
  $ aperture db backup copy.db --db catalog.db --force`,
    )
    .action(async (file: string, options: { db?: string; force?: boolean }) => {
      if (options.db === undefined && isPostgresUrl(io.env.DATABASE_URL?.trim() ?? '')) {
        throw postgresBackupRefused(file);
      }
      const store = await openDatabase({ file: options.db, env: io.env, cwd: io.cwd, mustExist: true });
      try {
        const { destination, pages } = await backupDatabase(store, path.resolve(io.cwd, file), {
          overwrite: options.force ?? false,
        });
        io.stdout.write(`backed up ${store.location} to ${destination} (${pages} pages)\n`);
      } finally {
        await store.close();
      }
    });
}
