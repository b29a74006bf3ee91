import { Command, Option } from 'commander';
import { issueToken } from '../../../arena/index.ts';
import type { CliIo } from '../../io.ts';
import { DB_OPTION_HELP } from '../../shared/db-option.ts';
import { withStore } from '../../shared/with-store.ts';

/** `aperture arena team token SLUG`: a new token for a team, printed once (only its hash is stored). */
export function arenaTeamTokenCommand(io: CliIo): Command {
  return new Command('token')
    .option('--db <path>', DB_OPTION_HELP)
    .description('issue a token for a team (shown once; only its hash is stored)')
    .argument('<slug>', 'team slug')
    .addOption(
      new Option('--scope <scope>', 'submit, or admin (also claims prizes)')
        .choices(['submit', 'admin'])
        .default('submit'),
    )
    .action(async (slug: string, options: { db?: string; scope: 'submit' | 'admin' }) => {
      const { id, token } = await withStore(io, options.db, (store) =>
        issueToken(store.db, slug, options.scope),
      );
      io.stdout.write(`${token}\n`);
      io.stderr.write(`token ${id} for ${slug} (${options.scope}); it is not shown again\n`);
    });
}
