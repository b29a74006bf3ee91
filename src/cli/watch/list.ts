import { Command } from 'commander';
import { listWatchedOrganizations } from '../../observatory/index.ts';
import type { CliIo } from '../io.ts';
import { DB_OPTION_HELP } from '../shared/db-option.ts';
import { withStore } from '../shared/with-store.ts';

/** `aperture watch list`: the watched authors. */
export function watchListCommand(io: CliIo): Command {
  return new Command('list')
    .description('list the watched authors with their mapping and last run')
    .option('--db <path>', DB_OPTION_HELP)
    .option('--json', 'print the list as JSON')
    .action(async (options: { db?: string; json?: boolean }) => {
      const items = await withStore(io, options.db, (store) => listWatchedOrganizations(store.db));
      if (options.json) {
        io.stdout.write(`${JSON.stringify({ items }, null, 2)}\n`);
        return;
      }
      if (items.length === 0) {
        io.stdout.write('no author is watched; add one with: aperture watch add AUTHOR\n');
        return;
      }
      for (const item of items) {
        const parts = [
          item.organization ? `organization ${item.organization}` : null,
          item.country ? `country ${item.country}` : null,
          item.since ? `since ${item.since}` : null,
          item.lastRunAt ? `last run ${item.lastRunAt}` : 'never run',
          item.lastError ? `last error: ${item.lastError}` : null,
        ].filter((part) => part !== null);
        io.stdout.write(`${item.author}  ${parts.join(', ')}\n`);
      }
    });
}
