import { Command } from 'commander';
import { deliverDueWebhooks } from '../../../observatory/index.ts';
import { allowedHostsFromEnv } from '../../../util/index.ts';
import type { CliIo } from '../../io.ts';
import { DB_OPTION_HELP } from '../../shared/db-option.ts';
import { withStore } from '../../shared/with-store.ts';
import { parseHookTimeout, renderDeliveries } from '../watch-text.ts';

/** `aperture watch hooks deliver`: sends the due deliveries now. */
export function hooksDeliverCommand(io: CliIo): Command {
  return new Command('deliver')
    .description('send the webhook deliveries that are due (new ones and retries whose backoff has passed)')
    .option('--hook-timeout <seconds>', 'time limit of one attempt (default 10)')
    .option('--db <path>', DB_OPTION_HELP)
    .option('--json', 'print every attempt as JSON')
    .action(async (options: { db?: string; json?: boolean; hookTimeout?: string }) => {
      const timeoutMs = parseHookTimeout(options.hookTimeout);
      const result = await withStore(io, options.db, (store) =>
        deliverDueWebhooks(store.db, { timeoutMs, destination: { allowHosts: allowedHostsFromEnv(io.env) } }),
      );
      if (options.json) {
        io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        return;
      }
      for (const attempt of result.attempts) {
        const outcome = attempt.outcome.ok ? `answered ${attempt.outcome.status}` : attempt.outcome.error;
        const next =
          attempt.status === 'pending'
            ? `, retry after ${attempt.nextAttemptAt}`
            : attempt.status === 'dead'
              ? ', now a dead letter'
              : '';
        io.stdout.write(
          `${attempt.deliveryId}  ${attempt.repoId} → ${attempt.url}: ${outcome} (attempt ${attempt.attempt}${next})\n`,
        );
      }
      io.stdout.write(result.attempted === 0 ? 'no delivery is due\n' : `${renderDeliveries(result)}\n`);
    });
}
