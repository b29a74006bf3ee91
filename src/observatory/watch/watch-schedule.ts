import type { Kysely } from 'kysely';
import { ApertureError } from '../../errors.ts';
import type { Database } from '../../store/index.ts';
import { type DeliverOptions, type DeliverResult, deliverDueWebhooks } from './deliver-webhooks.ts';
import { type RunWatchOptions, runWatch, type WatchRunResult } from './run-watch.ts';

/** Options of startWatchSchedule. */
export interface WatchScheduleOptions {
  /** Time between the end of one watch run and the start of the next. */
  everyMs: number;
  /** Time between two delivery passes: 5 s by default. */
  deliverEveryMs?: number;
  run?: RunWatchOptions;
  deliver?: DeliverOptions;
  onRun?: (result: WatchRunResult) => void;
  onDeliver?: (result: DeliverResult) => void;
  /** A run or pass that threw (the schedule goes on). */
  onError?: (error: unknown, loop: 'watch' | 'deliver') => void;
}

/** A running schedule. */
export interface WatchSchedule {
  /** Stops both loops and waits for the work in flight to end. */
  stop(): Promise<void>;
}

const UNITS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * Reads an interval such as `90s`, `15m`, `1h` or `1d` (at least 10 s, at most 7 days) as milliseconds.
 * Throws ERR_USAGE otherwise.
 *
 * @example
 * parseInterval('1h') // 3_600_000
 */
export function parseInterval(text: string): number {
  const match = /^(\d{1,6})(s|m|h|d)$/.exec(text.trim());
  const ms = match ? Number(match[1]) * UNITS[match[2]!]! : Number.NaN;
  if (!(ms >= 10_000 && ms <= 7 * UNITS.d!))
    throw new ApertureError(
      'ERR_USAGE',
      `interval ${JSON.stringify(text.slice(0, 40))}: write a number and s, m, h or d, from 10s to 7d (e.g. 1h)`,
    );
  return ms;
}

/**
 * Runs the release watch on a schedule, as `aperture watch run --every` and `aperture serve
 * --watch-interval` do: one loop runs the watch (list, check, record, queue deliveries), another sends
 * the due deliveries. The loops never wait for each other, so a receiver that hangs delays only its own
 * deliveries, never the next watch run nor the feed. A run that fails is reported and the loop goes on.
 *
 * @example
 * const schedule = startWatchSchedule(store.db, { everyMs: parseInterval('1h') });
 * process.on('SIGINT', () => void schedule.stop());
 */
export function startWatchSchedule(db: Kysely<Database>, options: WatchScheduleOptions): WatchSchedule {
  let stopped = false;
  const timers = new Set<NodeJS.Timeout>();
  const inFlight = new Set<Promise<unknown>>();

  const loop = (name: 'watch' | 'deliver', everyMs: number, work: () => Promise<void>) => {
    const tick = () => {
      if (stopped) return;
      const running = work()
        .catch((error) => options.onError?.(error, name))
        .finally(() => {
          inFlight.delete(running);
          if (stopped) return;
          const timer = setTimeout(() => {
            timers.delete(timer);
            tick();
          }, everyMs);
          timers.add(timer);
        });
      inFlight.add(running);
    };
    tick();
  };

  loop('watch', options.everyMs, async () => {
    const result = await runWatch(db, options.run);
    options.onRun?.(result);
  });
  loop('deliver', options.deliverEveryMs ?? 5_000, async () => {
    const result = await deliverDueWebhooks(db, options.deliver);
    if (result.attempted > 0) options.onDeliver?.(result);
  });

  return {
    async stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await Promise.allSettled([...inFlight]);
    },
  };
}
