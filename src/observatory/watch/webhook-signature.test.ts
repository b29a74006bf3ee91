import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhook } from './webhook-signature.ts';

const SECRET = 'a-receiver-secret-of-32-characters';
const NOW = 1_767_225_600;
const BODY = JSON.stringify({
  event: 'release.checked',
  deliveryId: 'd-1',
  release: { repoId: 'org/model' },
});

function delivery(overrides: Partial<Parameters<typeof verifyWebhook>[0]> = {}) {
  return {
    body: BODY,
    signature: signWebhook(SECRET, NOW, BODY),
    deliveryId: 'd-1',
    secret: SECRET,
    now: NOW + 10,
    ...overrides,
  };
}

describe('webhook signatures', () => {
  it('signs t.body with HMAC-SHA256 (a value any HMAC library reproduces)', () => {
    // Computed independently: printf '%s' "1767225600.{}" | openssl dgst -sha256 -hmac key
    expect(signWebhook('key', NOW, '{}')).toBe(
      't=1767225600,v1=df344de429b8ee672e1863e0008fdbd0080000536fbccdf0e4f89846acbbe872',
    );
    expect(signWebhook('key', NOW, '{}')).toMatch(/^t=1767225600,v1=[0-9a-f]{64}$/);
    expect(signWebhook('key', NOW, '{}')).not.toBe(signWebhook('key', NOW + 1, '{}'));
    expect(signWebhook('key', NOW, '{}')).not.toBe(signWebhook('other', NOW, '{}'));
  });

  it('accepts a genuine delivery', () => {
    expect(verifyWebhook(delivery())).toEqual({ ok: true, deliveryId: 'd-1', timestamp: NOW });
  });

  it('refuses a tampered body, a wrong secret, a forged timestamp and a mangled header', () => {
    expect(verifyWebhook(delivery({ body: BODY.replace('org/model', 'org/other') }))).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
    expect(verifyWebhook(delivery({ secret: 'another-secret-of-some-length' }))).toMatchObject({
      reason: 'bad-signature',
    });
    const forged = signWebhook(SECRET, NOW, BODY).replace(`t=${NOW}`, `t=${NOW + 5}`);
    expect(verifyWebhook(delivery({ signature: forged }))).toMatchObject({ reason: 'bad-signature' });
    for (const signature of [
      undefined,
      '',
      'v1=abc',
      `t=${NOW}`,
      `t=x,v1=${'0'.repeat(64)}`,
      `t=1,t=2,v1=${'0'.repeat(64)}`,
    ])
      expect(verifyWebhook(delivery({ signature })), String(signature)).toMatchObject({
        reason: 'malformed',
      });
  });

  it('refuses a stale or future timestamp (a replay of an old capture) and a replayed delivery id', () => {
    expect(verifyWebhook(delivery({ now: NOW + 301 }))).toMatchObject({ reason: 'stale' });
    expect(verifyWebhook(delivery({ now: NOW - 301 }))).toMatchObject({ reason: 'stale' });
    const seen = new Set<string>(['d-1']);
    expect(verifyWebhook(delivery({ alreadySeen: (id) => seen.has(id) }))).toMatchObject({
      reason: 'replayed',
    });
    // A valid body re-sent under another delivery id does not pass either.
    expect(verifyWebhook(delivery({ deliveryId: 'd-2' }))).toMatchObject({ reason: 'malformed' });
  });

  it('accepts any of several v1 values (a rotated secret signs twice)', () => {
    const old = signWebhook('the-old-secret-of-the-hook', NOW, BODY).split(',')[1];
    const both = `${signWebhook(SECRET, NOW, BODY)},${old}`;
    expect(verifyWebhook(delivery({ signature: both })).ok).toBe(true);
  });
});
