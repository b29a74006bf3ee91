import { Command } from 'commander';
import { listWebhookSubscriptions } from '../../../observatory/index.ts';
import type { CliIo } from '../../io.ts';
import { DB_OPTION_HELP } from '../../shared/db-option.ts';
import { withStore } from '../../shared/with-store.ts';

/** `aperture watch hooks list`: the subscriptions (never their secrets) with their delivery counts. */
export function hooksListCommand(io: CliIo): Command {
  return new Command('list')
    .description(
      'list the webhook subscriptions with their filters and delivery counts (secrets are not shown)',
    )
    .option('--db <path>', DB_OPTION_HELP)
    .option('--json', 'print the list as JSON')
    .action(async (options: { db?: string; json?: boolean }) => {
      const items = await withStore(io, options.db, (store) => listWebhookSubscriptions(store.db));
      if (options.json) {
        io.stdout.write(`${JSON.stringify({ items }, null, 2)}\n`);
        return;
      }
      if (items.length === 0) io.stdout.write('no webhook; add one with: aperture watch hooks add URL\n');
      for (const item of items) {
        const filters = Object.entries(item.filters)
          .map(([key, value]) => `${key}=${value}`)
          .join(' ');
        const { pending, delivered, dead } = item.deliveries;
        io.stdout.write(
          `${item.id}  ${item.url}  ${filters || 'all releases'}  (${delivered} delivered, ${pending} pending, ${dead} dead)\n`,
        );
      }
    });
}
