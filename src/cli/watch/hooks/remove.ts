import { Command } from 'commander';
import { ApertureError } from '../../../errors.ts';
import { removeWebhookSubscription } from '../../../observatory/index.ts';
import type { CliIo } from '../../io.ts';
import { DB_OPTION_HELP } from '../../shared/db-option.ts';
import { withStore } from '../../shared/with-store.ts';

/** `aperture watch hooks remove ID`: removes a subscription and its queued deliveries. */
export function hooksRemoveCommand(io: CliIo): Command {
  return new Command('remove')
    .description('remove a webhook subscription and its queued deliveries')
    .argument('<id>', 'the subscription id (see aperture watch hooks list)')
    .option('--db <path>', DB_OPTION_HELP)
    .action(async (id: string, options: { db?: string }) => {
      if (!/^\d{1,9}$/.test(id))
        throw new ApertureError('ERR_USAGE', `${JSON.stringify(id)} is not a subscription id`);
      await withStore(io, options.db, (store) => removeWebhookSubscription(store.db, Number(id)));
      io.stdout.write(`webhook ${id} removed\n`);
    });
}
