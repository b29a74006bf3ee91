import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { ApertureError } from '../../errors.ts';
import { type ReleaseFilters, ReleaseFiltersSchema } from '../../spec/index.ts';
import type { Database } from '../../store/index.ts';
import { refusalWithoutLookup } from '../../util/index.ts';

/** A webhook subscription as listings show it: never its secret. */
export interface WebhookSubscription {
  id: number;
  url: string;
  filters: ReleaseFilters;
  createdAt: string;
  active: boolean;
  /** Deliveries waiting (first try or retry), delivered, and in the dead-letter list. */
  deliveries: { pending: number; delivered: number; dead: number };
}

/** Options of addWebhookSubscription. */
export interface AddSubscriptionOptions {
  url: string;
  /** The HMAC key, at least 16 characters; a random one is made (and returned) when absent. */
  secret?: string;
  filters?: ReleaseFilters;
  /** Hosts allowed on private addresses (APERTURE_ALLOW_HOSTS). */
  allowHosts?: readonly string[];
  now?: () => Date;
}

const MIN_SECRET_LENGTH = 16;

function parseUrl(text: string, allowHosts: readonly string[]): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ApertureError('ERR_USAGE', `${JSON.stringify(text.slice(0, 200))} is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new ApertureError('ERR_USAGE', `a webhook URL must be http:// or https://, not ${url.protocol}`);
  if (url.username !== '' || url.password !== '')
    throw new ApertureError(
      'ERR_USAGE',
      'a webhook URL must not carry a user or password (sign with --secret)',
    );
  // Refused now when the address shows it; names are judged again, after DNS, at every delivery.
  const refusal = refusalWithoutLookup(url.href, allowHosts);
  if (refusal) throw refusal;
  return url.href;
}

/**
 * Subscribes a receiver to new releases (those passing `filters`; all by default). The URL must be
 * http(s) on a public address (APERTURE_ALLOW_HOSTS allows an internal one); the secret signs every
 * delivery. Returns the id and the secret (made here when none was given: shown once).
 *
 * @example
 * const { id, secret } = await addWebhookSubscription(store.db, { url: 'https://hooks.example.org/x', filters: { country: 'FR' } });
 */
export async function addWebhookSubscription(
  db: Kysely<Database>,
  options: AddSubscriptionOptions,
): Promise<{ id: number; secret: string; generated: boolean }> {
  const url = parseUrl(options.url, options.allowHosts ?? []);
  const generated = options.secret === undefined;
  const secret = options.secret ?? randomBytes(32).toString('base64url');
  if (secret.length < MIN_SECRET_LENGTH || secret.length > 512 || hasControlCharacter(secret))
    throw new ApertureError('ERR_USAGE', `the secret must be ${MIN_SECRET_LENGTH}–512 printable characters`);
  const parsed = ReleaseFiltersSchema.safeParse(options.filters ?? {});
  if (!parsed.success)
    throw new ApertureError(
      'ERR_USAGE',
      `filters: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    );
  const row = await db
    .insertInto('webhook_subscriptions')
    .values({
      url,
      secret,
      filters: JSON.stringify(parsed.data),
      created_at: (options.now ?? (() => new Date()))().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: Number(row.id), secret, generated };
}

/**
 * Removes a subscription and its queued deliveries. Throws ERR_NOT_FOUND for an unknown id.
 *
 * @example
 * await removeWebhookSubscription(store.db, 3);
 */
export async function removeWebhookSubscription(db: Kysely<Database>, id: number): Promise<void> {
  const result = await db.deleteFrom('webhook_subscriptions').where('id', '=', id).executeTakeFirst();
  if (Number(result.numDeletedRows) === 0)
    throw new ApertureError('ERR_NOT_FOUND', `no webhook subscription ${id}; see aperture watch hooks list`);
}

/**
 * Every subscription with its delivery counts, oldest first, without secrets.
 *
 * @example
 * for (const hook of await listWebhookSubscriptions(store.db)) console.log(hook.url, hook.deliveries.dead);
 */
export async function listWebhookSubscriptions(db: Kysely<Database>): Promise<WebhookSubscription[]> {
  const rows = await db
    .selectFrom('webhook_subscriptions')
    .select(['id', 'url', 'filters', 'created_at', 'active'])
    .orderBy('id')
    .execute();
  const counts = await db
    .selectFrom('webhook_deliveries')
    .select(['subscription_id', 'status', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy(['subscription_id', 'status'])
    .execute();
  return rows.map((row) => {
    const deliveries = { pending: 0, delivered: 0, dead: 0 };
    for (const count of counts)
      if (Number(count.subscription_id) === Number(row.id)) deliveries[count.status] = Number(count.count);
    return {
      id: Number(row.id),
      url: row.url,
      filters: JSON.parse(row.filters) as ReleaseFilters,
      createdAt: row.created_at,
      active: Number(row.active) === 1,
      deliveries,
    };
  });
}

/** True when the text holds a C0 control character (never meant in a name, URL or secret). */
function hasControlCharacter(text: string): boolean {
  return [...text].some((character) => character.charCodeAt(0) < 0x20);
}
