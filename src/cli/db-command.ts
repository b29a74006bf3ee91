import path from 'node:path';
import { Command } from 'commander';
import {
  backupDatabase,
  isPostgresUrl,
  migrateToLatest,
  openDatabase,
  postgresBackupRefused,
} from '../store/index.ts';
import type { CliIo } from './io.ts';
import { DB_OPTION_HELP } from './shared/db-option.ts';
import { subCommand } from './shared/sub-command.ts';

function migrateCommand(io: CliIo): Command {
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

function backupCommand(io: CliIo): Command {
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

/** `aperture db migrate|backup`: database maintenance. */
export function dbCommand(io: CliIo): Command {
  return new Command('db')
    .description('database maintenance: migrate, backup')
    .addHelpText(
      'after',
      `
Examples:
  $ aperture db migrate
  $ aperture db backup backups/aperture.db`,
    )
    .addCommand(subCommand(io, migrateCommand(io)))
    .addCommand(subCommand(io, backupCommand(io)));
}
