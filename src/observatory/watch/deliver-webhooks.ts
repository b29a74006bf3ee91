import type { Kysely } from 'kysely';
import { ApertureError } from '../../errors.ts';
import type { Database } from '../../store/index.ts';
import { allowedHostsFromEnv, type DestinationOptions } from '../../util/index.ts';
import { type PostOutcome, postWebhook } from './post-webhook.ts';
import { DEFAULT_RETRY_POLICY, type RetryPolicy, retryDelayMs } from './retry-backoff.ts';
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signWebhook } from './webhook-signature.ts';

/** Options of deliverDueWebhooks. */
export interface DeliverOptions extends Partial<RetryPolicy> {
  /** Time allowed for one attempt: 10 s by default. */
  timeoutMs?: number;
  /** Most deliveries attempted in this pass: 100 by default. */
  limit?: number;
  /** Attempts in flight at once: 4 by default. */
  concurrency?: number;
  /** Which destinations are allowed; APERTURE_ALLOW_HOSTS by default. */
  destination?: DestinationOptions;
  now?: () => Date;
  random?: () => number;
  /** How a delivery is POSTed (tests inject one); postWebhook by default. */
  post?: typeof postWebhook;
  /** Called after each attempt. */
  onAttempt?: (attempt: DeliveryAttempt) => void;
}

/** One attempt of one delivery. */
export interface DeliveryAttempt {
  deliveryId: string;
  url: string;
  repoId: string;
  attempt: number;
  outcome: PostOutcome;
  /** What the delivery became: delivered, pending (retried at `nextAttemptAt`) or dead. */
  status: 'delivered' | 'pending' | 'dead';
  nextAttemptAt: string | null;
}

/** What one delivery pass did. */
export interface DeliverResult {
  attempted: number;
  delivered: number;
  /** Failed and scheduled for a retry. */
  retrying: number;
  /** Failed for the last time: now in the dead-letter list. */
  dead: number;
  attempts: DeliveryAttempt[];
}

function positive(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0)
    throw new ApertureError('ERR_USAGE', `${name} must be a positive number, not ${value}`);
  return value;
}

/**
 * Sends the webhook deliveries that are due (queued by watch runs, or retries whose backoff has passed),
 * each signed with its subscription's secret over `timestamp.body` (see signWebhook), with its delivery
 * id and a time limit per attempt. A 2xx marks it delivered; anything else (an error status, a redirect,
 * no answer in time, a refused destination) schedules a retry with exponential backoff and jitter, and
 * after `maxAttempts` moves it to the dead-letter list. Each delivery is claimed with a lease first, so
 * two senders (two servers, a CLI and a server) never post it at once. Runs apart from watch runs.
 *
 * @example
 * const { delivered, dead } = await deliverDueWebhooks(store.db, { timeoutMs: 5_000 });
 */
export async function deliverDueWebhooks(
  db: Kysely<Database>,
  options: DeliverOptions = {},
): Promise<DeliverResult> {
  const now = options.now ?? (() => new Date());
  const random = options.random ?? Math.random;
  const timeoutMs = positive('the time limit per attempt', options.timeoutMs ?? 10_000);
  const limit = options.limit ?? 100;
  const concurrency = options.concurrency ?? 4;
  const policy: RetryPolicy = {
    maxAttempts: options.maxAttempts ?? DEFAULT_RETRY_POLICY.maxAttempts,
    baseDelayMs: options.baseDelayMs ?? DEFAULT_RETRY_POLICY.baseDelayMs,
    maxDelayMs: options.maxDelayMs ?? DEFAULT_RETRY_POLICY.maxDelayMs,
  };
  positive('the number of attempts', policy.maxAttempts);
  const destination = options.destination ?? { allowHosts: allowedHostsFromEnv(process.env) };
  const post = options.post ?? postWebhook;

  const started = now().toISOString();
  const due = await db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhook_subscriptions as s', 's.id', 'd.subscription_id')
    .innerJoin('watch_releases as r', 'r.id', 'd.release_id')
    .select(['d.id', 'd.delivery_id', 'd.payload', 'd.attempts', 's.url', 's.secret', 'r.repo_id'])
    .where('d.status', '=', 'pending')
    .where('d.next_attempt_at', '<=', started)
    .where((eb) => eb.or([eb('d.lease_until', 'is', null), eb('d.lease_until', '<', started)]))
    .where('s.active', '=', 1)
    .orderBy('d.next_attempt_at')
    .orderBy('d.id')
    .limit(limit)
    .execute();

  const result: DeliverResult = { attempted: 0, delivered: 0, retrying: 0, dead: 0, attempts: [] };
  const queue = [...due];
  const worker = async () => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      const claimedAt = now();
      // The lease outlives the attempt, so no other sender takes the delivery while it is in flight.
      const leaseUntil = new Date(claimedAt.getTime() + timeoutMs + 60_000).toISOString();
      const claimed = await db
        .updateTable('webhook_deliveries')
        .set({ lease_until: leaseUntil })
        .where('id', '=', next.id)
        .where('status', '=', 'pending')
        .where((eb) =>
          eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', claimedAt.toISOString())]),
        )
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) continue;
      const timestamp = Math.floor(claimedAt.getTime() / 1000);
      const outcome = await post(next.url, next.payload, {
        timeoutMs,
        destination,
        headers: {
          [SIGNATURE_HEADER]: signWebhook(next.secret, timestamp, next.payload),
          [DELIVERY_HEADER]: next.delivery_id,
          [EVENT_HEADER]: 'release.checked',
        },
      });
      const attempt = Number(next.attempts) + 1;
      const finishedAt = now();
      let status: DeliveryAttempt['status'];
      let nextAttemptAt: string | null = null;
      if (outcome.ok) {
        status = 'delivered';
        await db
          .updateTable('webhook_deliveries')
          .set({
            status: 'delivered',
            attempts: attempt,
            lease_until: null,
            last_attempt_at: finishedAt.toISOString(),
            last_status: outcome.status,
            last_error: null,
            delivered_at: finishedAt.toISOString(),
          })
          .where('id', '=', next.id)
          .execute();
        result.delivered++;
      } else if (attempt >= policy.maxAttempts) {
        status = 'dead';
        await db
          .updateTable('webhook_deliveries')
          .set({
            status: 'dead',
            attempts: attempt,
            lease_until: null,
            last_attempt_at: finishedAt.toISOString(),
            last_status: outcome.status,
            last_error: outcome.error,
            dead_at: finishedAt.toISOString(),
          })
          .where('id', '=', next.id)
          .execute();
        result.dead++;
      } else {
        status = 'pending';
        nextAttemptAt = new Date(finishedAt.getTime() + retryDelayMs(attempt, policy, random)).toISOString();
        await db
          .updateTable('webhook_deliveries')
          .set({
            attempts: attempt,
            lease_until: null,
            next_attempt_at: nextAttemptAt,
            last_attempt_at: finishedAt.toISOString(),
            last_status: outcome.status,
            last_error: outcome.error,
          })
          .where('id', '=', next.id)
          .execute();
        result.retrying++;
      }
      result.attempted++;
      const record: DeliveryAttempt = {
        deliveryId: next.delivery_id,
        url: next.url,
        repoId: next.repo_id,
        attempt,
        outcome,
        status,
        nextAttemptAt,
      };
      result.attempts.push(record);
      options.onAttempt?.(record);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, queue.length)) }, worker));
  return result;
}
