import { beforeAll, expect, it } from 'vitest';
import {
  addWebhookSubscription,
  deliverDueWebhooks,
  enqueueDeliveries,
  listDeadLetters,
  replayDeadLetters,
} from '../src/observatory/index.ts';
import type { PostOutcome } from '../src/observatory/watch/index.ts';
import { postWebhook } from '../src/observatory/watch/index.ts';
import { type DatabaseHandle, migrateToLatest } from '../src/store/index.ts';
import { forEachDialect } from './support/dialects.ts';
import { seedWatchReleases } from './support/seed-watch-releases.ts';
import { startWebhookReceiver } from './support/webhook-receiver.ts';

// Retries, backoff, dead letters and leases of webhook deliveries, with an injected clock and transport:
// no sleeping, no timing assertion; every time below is the clock's.

forEachDialect('webhook delivery', (ctx) => {
  let store: DatabaseHandle;
  let clock = Date.parse('2026-01-01T00:00:00.000Z');
  const now = () => new Date(clock);
  const calls: Array<{ url: string; headers: Record<string, string> }> = [];
  let answer: PostOutcome = { ok: false, status: 500, error: 'the receiver answered 500' };
  const post: typeof postWebhook = async (url, _body, options) => {
    calls.push({ url, headers: options.headers });
    return answer;
  };
  const policy = { maxAttempts: 3, baseDelayMs: 1_000, maxDelayMs: 60_000, random: () => 0.5, now, post };

  beforeAll(async () => {
    store = await ctx.openFresh();
    await migrateToLatest(store);
  });

  it('queues a delivery only for subscriptions whose filters the release passes', async () => {
    await addWebhookSubscription(store.db, {
      url: 'https://hooks.example.org/fr',
      filters: { country: 'FR' },
    });
    await addWebhookSubscription(store.db, {
      url: 'https://hooks.example.org/de',
      filters: { country: 'DE' },
    });
    const [release] = await seedWatchReleases(store.db, [{ repoId: 'lab/model', country: 'FR', score: 40 }]);
    expect(await enqueueDeliveries(store.db, release!, now())).toBe(1);
    // Queuing the same release again changes nothing (a retried run).
    expect(await enqueueDeliveries(store.db, release!, now())).toBe(0);
  });

  it('retries with exponential backoff and jitter, then moves the delivery to the dead letters', async () => {
    const first = await deliverDueWebhooks(store.db, policy);
    expect(first).toMatchObject({ attempted: 1, delivered: 0, retrying: 1, dead: 0 });
    // 1 s after one failure, equal jitter at 0.5: 500 ms + 250 ms.
    expect(first.attempts[0]!.nextAttemptAt).toBe('2026-01-01T00:00:00.750Z');
    expect(calls[0]!.url).toBe('https://hooks.example.org/fr');
    expect(calls[0]!.headers['X-Aperture-Signature']).toMatch(/^t=1767225600,v1=[0-9a-f]{64}$/);
    const deliveryId = calls[0]!.headers['X-Aperture-Delivery']!;

    // Not due yet: nothing is sent.
    clock += 749;
    expect((await deliverDueWebhooks(store.db, policy)).attempted).toBe(0);
    clock += 1;
    const second = await deliverDueWebhooks(store.db, policy);
    expect(second.attempts[0]).toMatchObject({ attempt: 2, status: 'pending' });
    // Doubled: 2 s → 1 s + 500 ms.
    expect(Date.parse(second.attempts[0]!.nextAttemptAt!) - clock).toBe(1_500);
    // The same delivery id on every attempt, so a receiver can drop duplicates.
    expect(calls[1]!.headers['X-Aperture-Delivery']).toBe(deliveryId);

    clock += 1_500;
    const third = await deliverDueWebhooks(store.db, policy);
    expect(third).toMatchObject({ attempted: 1, dead: 1 });
    expect(await listDeadLetters(store.db)).toEqual([
      expect.objectContaining({
        deliveryId,
        url: 'https://hooks.example.org/fr',
        repoId: 'lab/model',
        attempts: 3,
        lastStatus: 500,
        lastError: 'the receiver answered 500',
      }),
    ]);
    clock += 3_600_000;
    expect((await deliverDueWebhooks(store.db, policy)).attempted).toBe(0);
  });

  it('replays a dead letter with the same id and body, and delivers it once the receiver is back', async () => {
    const [letter] = await listDeadLetters(store.db);
    expect(await replayDeadLetters(store.db, { deliveryIds: ['not-a-dead-letter'], now })).toBe(0);
    expect(await replayDeadLetters(store.db, { deliveryIds: [letter!.deliveryId], now })).toBe(1);
    answer = { ok: true, status: 204 };
    const result = await deliverDueWebhooks(store.db, policy);
    expect(result).toMatchObject({ attempted: 1, delivered: 1 });
    expect(calls.at(-1)!.headers['X-Aperture-Delivery']).toBe(letter!.deliveryId);
    expect(await listDeadLetters(store.db)).toEqual([]);
    expect((await deliverDueWebhooks(store.db, policy)).attempted).toBe(0);
  });

  it('never posts one delivery twice at once: the second sender finds it leased', async () => {
    const [release] = await seedWatchReleases(store.db, [{ repoId: 'lab/second', country: 'FR' }]);
    await enqueueDeliveries(store.db, release!, now());
    let release1: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release1 = resolve;
    });
    let posts = 0;
    const slowPost: typeof postWebhook = async () => {
      posts++;
      await gate;
      return { ok: true, status: 200 };
    };
    const first = deliverDueWebhooks(store.db, { ...policy, post: slowPost });
    // Wait until the first sender has claimed and started posting.
    while (posts === 0) await new Promise((resolve) => setImmediate(resolve));
    const second = await deliverDueWebhooks(store.db, { ...policy, post: slowPost });
    release1();
    expect((await first).delivered).toBe(1);
    expect(second.attempted).toBe(0);
    expect(posts).toBe(1);
  });

  it('refuses private destinations after DNS unless allowed, as a failed attempt (never a thrown error)', async () => {
    const refused = await postWebhook('http://127.0.0.1:9/hook', '{}', {
      timeoutMs: 1_000,
      destination: { allowHosts: [] },
      headers: {},
    });
    expect(refused).toMatchObject({ ok: false, status: null });
    expect(!refused.ok && refused.error).toMatch(/refused/);
    const rebinding = await postWebhook('http://hooks.example.org/hook', '{}', {
      timeoutMs: 1_000,
      destination: { allowHosts: [], lookup: async () => [{ address: '10.0.0.7', family: 4 }] },
      headers: {},
    });
    expect(!rebinding.ok && rebinding.error).toMatch(/refused/);
  });
  it('does not follow a redirect (it could lead to an internal address) and bounds a hanging receiver', async () => {
    const redirecting = await startWebhookReceiver({ kind: 'status', status: 307 });
    const hanging = await startWebhookReceiver({ kind: 'hang' });
    try {
      const options = { timeoutMs: 300, destination: { allowHosts: ['127.0.0.1'] }, headers: {} };
      expect(await postWebhook(`${redirecting.url}/hook`, '{}', options)).toEqual({
        ok: false,
        status: 307,
        error: 'the receiver answered 307 (redirects are not followed)',
      });
      expect(await postWebhook(`${hanging.url}/hook`, '{}', options)).toEqual({
        ok: false,
        status: null,
        error: 'no answer within 300 ms',
      });
      expect(hanging.received).toHaveLength(1);
    } finally {
      await redirecting.close();
      await hanging.close();
    }
  });
});
