import { Command } from 'commander';
import { listDeadLetters } from '../../../observatory/index.ts';
import type { CliIo } from '../../io.ts';
import { DB_OPTION_HELP } from '../../shared/db-option.ts';
import { withStore } from '../../shared/with-store.ts';

/** `aperture watch hooks dead-letters`: deliveries that failed every attempt. */
export function hooksDeadLettersCommand(io: CliIo): Command {
  return new Command('dead-letters')
    .description(
      'list the deliveries that failed every attempt (replay them with aperture watch hooks replay)',
    )
    .option('--db <path>', DB_OPTION_HELP)
    .option('--json', 'print the list as JSON')
    .action(async (options: { db?: string; json?: boolean }) => {
      const items = await withStore(io, options.db, (store) => listDeadLetters(store.db));
      if (options.json) {
        io.stdout.write(`${JSON.stringify({ items }, null, 2)}\n`);
        return;
      }
      if (items.length === 0) io.stdout.write('no dead letter\n');
      for (const item of items)
        io.stdout.write(
          `${item.deliveryId}  ${item.repoId} → ${item.url}  ${item.attempts} attempts, last: ${item.lastError ?? 'unknown'} (${item.deadAt})\n`,
        );
    });
}
