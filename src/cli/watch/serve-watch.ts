import type { Kysely } from 'kysely';
import { startWatchSchedule, type WatchSchedule } from '../../observatory/index.ts';
import type { Database } from '../../store/index.ts';
import { allowedHostsFromEnv } from '../../util/index.ts';
import type { CliIo } from '../io.ts';
import { followLinksOption } from '../shared/follow-links-option.ts';
import { renderDeliveries } from './watch-text.ts';

/**
 * The release watch beside `aperture serve --watch-interval`: a watch run every interval (the feed at
 * /feed.atom follows) and webhook deliveries in their own loop, one line per run on stdout.
 *
 * @example
 * const schedule = startServeWatch(io, store.db, 3_600_000);
 * await schedule.stop();
 */
export function startServeWatch(io: CliIo, db: Kysely<Database>, everyMs: number): WatchSchedule {
  return startWatchSchedule(db, {
    everyMs,
    run: { env: io.env, follow: followLinksOption(undefined, io.env) },
    deliver: { destination: { allowHosts: allowedHostsFromEnv(io.env) } },
    onRun: (result) =>
      io.stdout.write(
        `release watch: ${result.releases.length} new release(s) of ${result.authors.length} watched author(s)${result.authors.some((author) => author.error) ? ` (errors: ${result.authors.flatMap((author) => (author.error ? [`${author.author}: ${author.error}`] : [])).join('; ')})` : ''}\n`,
      ),
    onDeliver: (result) => io.stdout.write(`release watch webhooks: ${renderDeliveries(result)}\n`),
    onError: (error, loop) =>
      io.stderr.write(
        `aperture: release watch ${loop === 'watch' ? 'run' : 'delivery'} failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`,
      ),
  });
}
