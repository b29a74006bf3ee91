import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { ReleaseFiltersSchema, type WatchedRelease, type WebhookPayload } from '../../spec/index.ts';
import type { Database } from '../../store/index.ts';
import { releaseMatches } from './release-filters.ts';

/**
 * Queues one delivery of `release` per active subscription whose filters it passes, in the caller's
 * transaction (so a release is recorded with its deliveries or not at all). The body is fixed now, so
 * every retry sends the same bytes under the same delivery id; nothing is sent here.
 *
 * @example
 * await db.transaction().execute((trx) => enqueueDeliveries(trx, release, new Date()));
 */
export async function enqueueDeliveries(
  db: Kysely<Database>,
  release: WatchedRelease,
  now: Date,
): Promise<number> {
  const subscriptions = await db
    .selectFrom('webhook_subscriptions')
    .select(['id', 'filters'])
    .where('active', '=', 1)
    .execute();
  let queued = 0;
  for (const subscription of subscriptions) {
    const filters = ReleaseFiltersSchema.safeParse(JSON.parse(subscription.filters));
    if (!filters.success || !releaseMatches(release, filters.data)) continue;
    const deliveryId = randomUUID();
    const payload: WebhookPayload = { event: 'release.checked', deliveryId, release };
    const result = await db
      .insertInto('webhook_deliveries')
      .values({
        delivery_id: deliveryId,
        subscription_id: subscription.id,
        release_id: release.id,
        payload: JSON.stringify(payload),
        created_at: now.toISOString(),
        next_attempt_at: now.toISOString(),
      })
      .onConflict((conflict) => conflict.columns(['subscription_id', 'release_id']).doNothing())
      .executeTakeFirst();
    queued += Number(result.numInsertedOrUpdatedRows ?? 0n);
  }
  return queued;
}
