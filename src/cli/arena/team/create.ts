import { Command } from 'commander';
import { createTeam } from '../../../arena/index.ts';
import type { CliIo } from '../../io.ts';
import { DB_OPTION_HELP } from '../../shared/db-option.ts';
import { withStore } from '../../shared/with-store.ts';

/** `aperture arena team create SLUG`: a team. */
export function arenaTeamCreateCommand(io: CliIo): Command {
  return new Command('create')
    .option('--db <path>', DB_OPTION_HELP)
    .description('create a team')
    .argument('<slug>', 'team slug')
    .option('--name <name>', 'display name')
    .action(async (slug: string, options: { db?: string; name?: string }) => {
      await withStore(io, options.db, (store) => createTeam(store.db, { slug, name: options.name }));
      io.stdout.write(`created team ${slug}\n`);
    });
}
