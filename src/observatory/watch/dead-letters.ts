import type { Kysely } from 'kysely';
import type { Database } from '../../store/index.ts';

/** A delivery that failed every attempt. */
export interface DeadLetter {
  deliveryId: string;
  subscriptionId: number;
  url: string;
  repoId: string;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  deadAt: string | null;
}

/**
 * The dead-letter list: deliveries that failed every attempt, most recent first.
 *
 * @example
 * for (const letter of await listDeadLetters(store.db)) console.log(letter.deliveryId, letter.lastError);
 */
export async function listDeadLetters(db: Kysely<Database>): Promise<DeadLetter[]> {
  const rows = await db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhook_subscriptions as s', 's.id', 'd.subscription_id')
    .innerJoin('watch_releases as r', 'r.id', 'd.release_id')
    .select([
      'd.delivery_id',
      'd.subscription_id',
      's.url',
      'r.repo_id',
      'd.attempts',
      'd.last_status',
      'd.last_error',
      'd.dead_at',
    ])
    .where('d.status', '=', 'dead')
    .orderBy('d.dead_at', 'desc')
    .orderBy('d.id', 'desc')
    .execute();
  return rows.map((row) => ({
    deliveryId: row.delivery_id,
    subscriptionId: Number(row.subscription_id),
    url: row.url,
    repoId: row.repo_id,
    attempts: Number(row.attempts),
    lastStatus: row.last_status === null ? null : Number(row.last_status),
    lastError: row.last_error,
    deadAt: row.dead_at,
  }));
}

/**
 * Puts dead deliveries back in the queue, due now with a fresh count of attempts (the same delivery id
 * and body, so a receiver that got one after all can tell): the given ids, or every dead letter when
 * `deliveryIds` is absent. Returns how many were requeued; ids that are not dead letters are ignored.
 *
 * @example
 * await replayDeadLetters(store.db, { deliveryIds: ['0d6c…'] });
 */
export async function replayDeadLetters(
  db: Kysely<Database>,
  options: { deliveryIds?: readonly string[]; now?: () => Date } = {},
): Promise<number> {
  if (options.deliveryIds !== undefined && options.deliveryIds.length === 0) return 0;
  let update = db
    .updateTable('webhook_deliveries')
    .set({
      status: 'pending',
      attempts: 0,
      next_attempt_at: (options.now ?? (() => new Date()))().toISOString(),
      lease_until: null,
      dead_at: null,
    })
    .where('status', '=', 'dead');
  if (options.deliveryIds !== undefined) update = update.where('delivery_id', 'in', [...options.deliveryIds]);
  const result = await update.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
