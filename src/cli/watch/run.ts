import { Command } from 'commander';
import { ApertureError } from '../../errors.ts';
import {
  type DeliverResult,
  deliverDueWebhooks,
  parseInterval,
  runWatch,
  startWatchSchedule,
  type WatchProgress,
  type WatchRunResult,
} from '../../observatory/index.ts';
import { allowedHostsFromEnv } from '../../util/index.ts';
import { ExitCode } from '../exit-code.ts';
import type { CliIo } from '../io.ts';
import { DB_OPTION_HELP } from '../shared/db-option.ts';
import { followLinksOption } from '../shared/follow-links-option.ts';
import { untilSignal } from '../shared/until-signal.ts';
import { withStore } from '../shared/with-store.ts';
import { parseHookTimeout, releaseLine, renderDeliveries, renderWatchRun } from './watch-text.ts';

interface RunOptions {
  db?: string;
  json?: boolean;
  author?: string[];
  maxChecks?: string;
  follow?: boolean;
  deliver?: boolean;
  hookTimeout?: string;
  every?: string;
}

function parseMaxChecks(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < 1 || value > 10_000)
    throw new ApertureError(
      'ERR_USAGE',
      `--max-checks takes a whole number from 1 to 10000, not ${JSON.stringify(text)}`,
    );
  return value;
}

function progressTo(io: CliIo): ((event: WatchProgress) => void) | undefined {
  if (!io.stderr.isTTY) return undefined;
  return (event) => {
    if (event.phase === 'list') io.stderr.write(`listing the models of ${event.author}…\n`);
    else if (event.phase === 'check')
      io.stderr.write(`  [${event.index}/${event.total}] checking ${event.repoId}…\n`);
  };
}

/** `aperture watch run`: one watch run (or one per interval), then a delivery pass. */
export function watchRunCommand(io: CliIo): Command {
  return new Command('run')
    .description(
      'list new Hub releases of the watched authors, check each, record it in the feed, then send due webhooks',
    )
    .option('--json', 'print the run as JSON (no progress; with --every, one JSON line per run)')
    .option('--author <author...>', 'only these watched authors')
    .option(
      '--max-checks <n>',
      'most releases checked in this run, newest first; the rest wait for the next (default 20)',
    )
    .option(
      '--no-follow',
      "do not follow the releases' links (to code, datasets): no request beyond the Hub model",
    )
    .option('--no-deliver', 'record and queue only; send webhooks later (aperture watch hooks deliver)')
    .option('--hook-timeout <seconds>', 'time limit of one webhook attempt (default 10)')
    .option(
      '--every <interval>',
      'run again after each interval (e.g. 15m, 1h, 1d) until interrupted; webhooks go out apart',
    )
    .option('--db <path>', DB_OPTION_HELP)
    .addHelpText(
      'after',
      `
Examples:
  $ aperture watch run
  $ aperture watch run --json > run.json
  $ aperture watch run --author allenai --max-checks 5
  $ aperture watch run --every 1h

A release is reported by one run only: a second run reports nothing new. Releases are checked as
\`aperture check hf:ORG/NAME\` checks them, following their links. Webhooks are sent after the run has
recorded every release, each attempt within --hook-timeout: a receiver that hangs or fails is retried
later with backoff and never holds the run or the feed.
Exit codes: 0 done, 2 bad usage, 3 a watched author's listing could not be read (the others were run).`,
    )
    .action(async (options: RunOptions) => {
      const maxChecks = parseMaxChecks(options.maxChecks);
      const timeoutMs = parseHookTimeout(options.hookTimeout);
      const everyMs = options.every === undefined ? undefined : parseInterval(options.every);
      const destination = { allowHosts: allowedHostsFromEnv(io.env) };
      const runOptions = {
        maxChecks,
        authors: options.author,
        follow: followLinksOption(options.follow, io.env),
        env: io.env,
        onProgress: options.json ? undefined : progressTo(io),
      };
      const deliverOptions = { timeoutMs, destination };

      if (everyMs !== undefined) {
        await withStore(io, options.db, async (store) => {
          const schedule = startWatchSchedule(store.db, {
            everyMs,
            run: runOptions,
            deliver: options.deliver === false ? { limit: 0 } : deliverOptions,
            onRun: (result) =>
              io.stdout.write(
                options.json ? `${JSON.stringify({ run: result })}\n` : renderWatchRun(result, null),
              ),
            onDeliver: (result) => {
              if (options.json) io.stdout.write(`${JSON.stringify({ deliveries: result })}\n`);
              else io.stderr.write(`webhooks: ${renderDeliveries(result)}\n`);
            },
            onError: (error, loop) =>
              io.stderr.write(
                `aperture: ${loop === 'watch' ? 'watch run' : 'webhook delivery'} failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`,
              ),
          });
          await untilSignal();
          await schedule.stop();
        });
        return;
      }

      const { result, deliveries } = await withStore(io, options.db, async (store) => {
        const result: WatchRunResult = await runWatch(store.db, {
          ...runOptions,
          onProgress: (event) => {
            runOptions.onProgress?.(event);
            if (event.phase === 'reported' && !options.json && io.stderr.isTTY)
              io.stderr.write(`${releaseLine(event.release)}\n`);
          },
        });
        // Only once every release is recorded (the feed is up to date): a slow receiver holds nothing.
        const deliveries: DeliverResult | null =
          options.deliver === false ? null : await deliverDueWebhooks(store.db, deliverOptions);
        return { result, deliveries };
      });
      if (options.json) io.stdout.write(`${JSON.stringify({ run: result, deliveries }, null, 2)}\n`);
      else io.stdout.write(renderWatchRun(result, deliveries));
      const failed = result.authors.filter((author) => author.error !== null && author.listed === 0);
      if (failed.length > 0) {
        for (const author of failed) io.stderr.write(`aperture: ${author.author}: ${author.error}\n`);
        throw new ExitCode(3);
      }
    });
}
