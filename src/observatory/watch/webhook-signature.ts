import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header that carries the signature: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`. */
export const SIGNATURE_HEADER = 'X-Aperture-Signature';
/** The header that carries the delivery id (a UUID, the same on every retry of a delivery). */
export const DELIVERY_HEADER = 'X-Aperture-Delivery';
/** The header that names the event (`release.checked`). */
export const EVENT_HEADER = 'X-Aperture-Event';

/** How old a signature may be before a receiver refuses it, by default: five minutes. */
export const DEFAULT_SIGNATURE_TOLERANCE_SECONDS = 300;

function hmacHex(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
}

/**
 * The value of X-Aperture-Signature for `body` sent at `timestamp` (unix seconds): the HMAC-SHA256, keyed
 * with the subscription's secret, of the timestamp, a dot and the exact body bytes.
 *
 * @example
 * signWebhook('s3cret-of-the-subscription', 1767225600, '{"event":"release.checked"}')
 * // 't=1767225600,v1=5c1f…'
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${hmacHex(secret, timestamp, body)}`;
}

/** What a receiver knows when it verifies a delivery. */
export interface VerifyWebhookInput {
  /** The raw request body, exactly as received (before any JSON parsing). */
  body: string;
  /** The X-Aperture-Signature header. */
  signature: string | undefined;
  /** The X-Aperture-Delivery header. */
  deliveryId: string | undefined;
  /** The subscription's secret. */
  secret: string;
  /** Now, in unix seconds; the clock by default. */
  now?: number;
  /** Largest age (and clock skew) accepted, in seconds: 300 by default. */
  toleranceSeconds?: number;
  /**
   * Whether this delivery id was already accepted (the receiver keeps the ids of the last tolerance
   * window): a replay of an accepted delivery is refused even with a fresh, valid signature.
   */
  alreadySeen?: (deliveryId: string) => boolean;
}

/** The verdict on a delivery: accept it, or why not. */
export type WebhookVerdict =
  | { ok: true; deliveryId: string; timestamp: number }
  | { ok: false; reason: 'malformed' | 'bad-signature' | 'stale' | 'replayed' };

/**
 * Verifies a webhook delivery as a receiver must: parses `t=…,v1=…`, recomputes the HMAC-SHA256 over
 * `t.body` with the secret and compares it in constant time (any of several `v1` values may match, for
 * secret rotation), refuses a timestamp more than the tolerance away from now (replays of old captures),
 * and refuses a delivery id already accepted (replays within the window). Record the id once you accept.
 *
 * @example
 * const verdict = verifyWebhook({ body, signature: req.headers['x-aperture-signature'],
 *   deliveryId: req.headers['x-aperture-delivery'], secret, alreadySeen: (id) => seen.has(id) });
 * if (!verdict.ok) return res.writeHead(400).end(verdict.reason);
 * seen.add(verdict.deliveryId);
 */
export function verifyWebhook(input: VerifyWebhookInput): WebhookVerdict {
  const parts = (input.signature ?? '').split(',').map((part) => part.trim().split('='));
  const timestamps = parts.filter(([key]) => key === 't').map(([, value]) => value ?? '');
  const signatures = parts.filter(([key]) => key === 'v1').map(([, value]) => value ?? '');
  if (
    timestamps.length !== 1 ||
    !/^\d{1,12}$/.test(timestamps[0]!) ||
    signatures.length === 0 ||
    !signatures.every((value) => /^[0-9a-f]{64}$/.test(value)) ||
    input.deliveryId === undefined ||
    input.deliveryId === ''
  )
    return { ok: false, reason: 'malformed' };
  const timestamp = Number(timestamps[0]);
  const expected = Buffer.from(hmacHex(input.secret, timestamp, input.body), 'hex');
  const matches = signatures.some((value) => timingSafeEqual(Buffer.from(value, 'hex'), expected));
  if (!matches) return { ok: false, reason: 'bad-signature' };
  const now = input.now ?? Math.floor(Date.now() / 1000);
  const tolerance = input.toleranceSeconds ?? DEFAULT_SIGNATURE_TOLERANCE_SECONDS;
  if (Math.abs(now - timestamp) > tolerance) return { ok: false, reason: 'stale' };
  // The delivery id must be the one the body carries, so a valid body cannot be resent under a new id.
  let bodyId: unknown;
  try {
    bodyId = (JSON.parse(input.body) as { deliveryId?: unknown }).deliveryId;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (bodyId !== input.deliveryId) return { ok: false, reason: 'malformed' };
  if (input.alreadySeen?.(input.deliveryId)) return { ok: false, reason: 'replayed' };
  return { ok: true, deliveryId: input.deliveryId, timestamp };
}
