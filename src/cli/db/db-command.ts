import { Command } from 'commander';
import type { CliIo } from '../io.ts';
import { subCommand } from '../shared/sub-command.ts';
import { dbBackupCommand } from './backup.ts';
import { dbMigrateCommand } from './migrate.ts';

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
    .addCommand(subCommand(io, dbMigrateCommand(io)))
    .addCommand(subCommand(io, dbBackupCommand(io)));
}
