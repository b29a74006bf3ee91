import { expect, it } from 'vitest';
import {
  addWebhookSubscription,
  enqueueDeliveries,
  parseInterval,
  startWatchSchedule,
} from '../src/observatory/index.ts';
import type { postWebhook } from '../src/observatory/watch/index.ts';
import { migrateToLatest, openDatabase } from '../src/store/index.ts';
import { seedWatchReleases } from './support/seed-watch-releases.ts';

it('reads intervals from 10 s to 7 days and refuses the rest', () => {
  expect(parseInterval('1h')).toBe(3_600_000);
  expect(parseInterval('90s')).toBe(90_000);
  expect(parseInterval('7d')).toBe(604_800_000);
  for (const text of ['5s', '8d', '1x', '', 'h', '-1h', '1.5h'])
    expect(() => parseInterval(text), text).toThrow(/interval/);
});

it('keeps running watch runs on schedule while a webhook delivery hangs', async () => {
  const store = await openDatabase({ file: ':memory:', env: {} });
  await migrateToLatest(store);
  await addWebhookSubscription(store.db, { url: 'https://hooks.example.org/hangs' });
  const [release] = await seedWatchReleases(store.db, [{ repoId: 'lab/model' }]);
  await enqueueDeliveries(store.db, release!, new Date());

  let unblock: () => void = () => {};
  const blocked = new Promise<void>((resolve) => {
    unblock = resolve;
  });
  let posts = 0;
  const hangingPost: typeof postWebhook = async () => {
    posts++;
    await blocked;
    return { ok: false, status: null, error: 'no answer within 10000 ms' };
  };
  let runs = 0;
  let reachedThreeRuns: () => void = () => {};
  const threeRuns = new Promise<void>((resolve) => {
    reachedThreeRuns = resolve;
  });
  const schedule = startWatchSchedule(store.db, {
    everyMs: 1,
    deliverEveryMs: 1,
    deliver: { post: hangingPost },
    onRun: () => {
      runs++;
      if (runs === 3) reachedThreeRuns();
    },
  });
  await threeRuns;
  // Three watch runs went by while the only delivery attempt was still hanging.
  expect(posts).toBe(1);
  unblock();
  await schedule.stop();
  expect(runs).toBeGreaterThanOrEqual(3);
  await store.close();
});
