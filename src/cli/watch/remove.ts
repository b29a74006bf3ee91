import { Command } from 'commander';
import { removeWatchedOrganization } from '../../observatory/index.ts';
import type { CliIo } from '../io.ts';
import { DB_OPTION_HELP } from '../shared/db-option.ts';
import { withStore } from '../shared/with-store.ts';

/** `aperture watch remove AUTHOR`: stops watching an author (its reported releases stay in the feed). */
export function watchRemoveCommand(io: CliIo): Command {
  return new Command('remove')
    .description('stop watching an author; the releases already reported stay in the feed')
    .argument('<author>', 'a watched Hub author')
    .option('--db <path>', DB_OPTION_HELP)
    .action(async (author: string, options: { db?: string }) => {
      await withStore(io, options.db, (store) => removeWatchedOrganization(store.db, author));
      io.stdout.write(`no longer watching ${author}\n`);
    });
}
