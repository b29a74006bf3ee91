import { Command } from 'commander';
import { revokeToken } from '../../../arena/index.ts';
import type { CliIo } from '../../io.ts';
import { DB_OPTION_HELP } from '../../shared/db-option.ts';
import { withStore } from '../../shared/with-store.ts';

/** `aperture arena team revoke ID`: revokes a token. */
export function arenaTeamRevokeCommand(io: CliIo): Command {
  return new Command('revoke')
    .option('--db <path>', DB_OPTION_HELP)
    .description('revoke a token by its id (the part of the token between apt_ and the next _)')
    .argument('<id>', 'token id, as `team token` printed it')
    .action(async (id: string, options: { db?: string }) => {
      await withStore(io, options.db, (store) => revokeToken(store.db, id));
      io.stdout.write(`revoked token ${id}\n`);
    });
}
