import { Command } from 'commander';
import { ApertureError } from '../../../errors.ts';
import { replayDeadLetters } from '../../../observatory/index.ts';
import type { CliIo } from '../../io.ts';
import { DB_OPTION_HELP } from '../../shared/db-option.ts';
import { withStore } from '../../shared/with-store.ts';

/** `aperture watch hooks replay ID…|--all`: puts dead letters back in the queue. */
export function hooksReplayCommand(io: CliIo): Command {
  return new Command('replay')
    .description('queue dead letters again (same delivery id and body, a fresh count of attempts)')
    .argument('[delivery-ids...]', 'delivery ids from aperture watch hooks dead-letters')
    .option('--all', 'every dead letter')
    .option('--db <path>', DB_OPTION_HELP)
    .action(async (ids: string[], options: { db?: string; all?: boolean }) => {
      if ((options.all === true) === ids.length > 0)
        throw new ApertureError('ERR_USAGE', 'name the delivery ids to replay, or --all (not both)');
      const count = await withStore(io, options.db, (store) =>
        replayDeadLetters(store.db, options.all ? {} : { deliveryIds: ids }),
      );
      io.stdout.write(
        `${count} ${count === 1 ? 'delivery' : 'deliveries'} queued again; they go out with the next delivery pass (aperture watch hooks deliver)\n`,
      );
    });
}
