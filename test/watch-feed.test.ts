import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  addWatchedOrganization,
  addWebhookSubscription,
  deliverDueWebhooks,
  runWatch,
  verifyWebhook,
  writeCatalog,
} from '../src/observatory/index.ts';
import { buildServer, type ZodApp } from '../src/server/index.ts';
import type { WebhookPayload } from '../src/spec/index.ts';
import { type DatabaseHandle, migrateToLatest } from '../src/store/index.ts';
import { forEachDialect } from './support/dialects.ts';
import { type LinkFollowingServers, startLinkFollowingServers } from './support/link-following-servers.ts';
import { parseAtom } from './support/parse-atom.ts';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver.ts';

// The release watch end to end, on local servers only: the Hub replay (HF_ENDPOINT, with a model listing
// written per test), the git server standing for github.com (links are followed as `aperture check` does)
// and a webhook receiver on 127.0.0.1.

let world: LinkFollowingServers;
let listings: string;
let receiver: WebhookReceiver;

/** A Hub listing entry, in the Hub's format. */
function listed(name: string, createdAt: string) {
  return {
    _id: `66a1f0c2e4b0a1b2c3d4${name.length.toString(16).padStart(4, '0')}`,
    id: `aperture-fixtures/${name}`,
    author: 'aperture-fixtures',
    private: false,
    gated: false,
    downloads: 10,
    likes: 1,
    createdAt,
    pipeline_tag: 'text-generation',
    tags: ['license:apache-2.0'],
    cardData: { license: 'apache-2.0' },
  };
}

async function writeListing(names: Array<[string, string]>) {
  await writeFile(
    path.join(listings, 'aperture-fixtures.json'),
    JSON.stringify(names.map(([name, createdAt]) => listed(name, createdAt))),
  );
}

beforeAll(async () => {
  listings = await mkdtemp(path.join(os.tmpdir(), 'aperture-watch-listings-'));
  world = await startLinkFollowingServers({ listings });
  receiver = await startWebhookReceiver();
  // The receiver is local: allowed as an internal host would be (github.com stays allowed for the links).
  process.env.APERTURE_ALLOW_HOSTS = `${process.env.APERTURE_ALLOW_HOSTS},127.0.0.1`;
});

afterAll(async () => {
  await receiver?.close();
  await world?.close();
  await rm(listings, { recursive: true, force: true });
});

forEachDialect('release watch', (ctx) => {
  let store: DatabaseHandle;
  let app: ZodApp;
  let secret: string;

  beforeAll(async () => {
    store = await ctx.open();
    await migrateToLatest(store);
    await writeCatalog(store.db, {
      organizations: [
        {
          name: 'Aperture Fixtures Lab',
          countries: ['FR'],
          kind: 'academia',
          source: { source: 'epoch', file: 'x.csv', line: 2 },
        },
      ],
    });
    await addWatchedOrganization(store.db, 'aperture-fixtures', { organization: 'Aperture Fixtures Lab' });
    ({ secret } = await addWebhookSubscription(store.db, {
      url: `${receiver.url}/hooks/${ctx.dialect}`,
      allowHosts: ['127.0.0.1'],
    }));
    app = await buildServer({ db: store.db, dialect: store.dialect, webRoot: path.join(listings, 'no-web') });
    await writeListing([['open-model', '2026-01-10T09:00:00.000Z']]);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('reports a new release with its openness and country in one run, and the feed shows it', async () => {
    const result = await runWatch(store.db);
    expect(result.authors).toEqual([
      { author: 'aperture-fixtures', listed: 1, reported: 1, deferred: 0, error: null },
    ]);
    expect(result.releases).toHaveLength(1);
    const release = result.releases[0]!;
    expect(release).toMatchObject({
      repoId: 'aperture-fixtures/open-model',
      organization: 'Aperture Fixtures Lab',
      country: 'FR',
      status: 'checked',
      createdAt: '2026-01-10T09:00:00.000Z',
      revision: '2f6c3a9e8d7b1c0a5e4f3d2c1b0a9e8d7c6b5a41',
      openWashing: false,
    });
    expect(release.opennessScore).toBeGreaterThan(0);
    expect(result.deliveriesQueued).toBe(1);

    const response = await app.inject({ url: '/feed.atom' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/atom\+xml/);
    const feed = parseAtom(response.body);
    expect(feed.entries).toHaveLength(1);
    const entry = feed.entries[0]!;
    expect(entry.id).toBe('tag:aperture.dev,2026:release/aperture-fixtures/open-model');
    expect(entry.title).toContain(`openness ${Math.round(release.opennessScore!)}/100`);
    expect(entry.categories).toContain('country:FR');
    expect(entry.author).toBe('Aperture Fixtures Lab');
    expect(entry.updated).toBe(release.checkedAt);
    expect(feed.updated).toBe(release.checkedAt);
    expect(feed.links).toContainEqual({ rel: 'self', href: expect.stringMatching(/\/feed\.atom$/) });
  });

  it('follows the links of the next release, reports only it, and nothing on a third run', async () => {
    await writeListing([
      ['open-model', '2026-01-10T09:00:00.000Z'],
      ['linked-model', '2026-02-01T09:00:00.000Z'],
    ]);
    const second = await runWatch(store.db);
    expect(second.releases.map((release) => release.repoId)).toEqual(['aperture-fixtures/linked-model']);
    const profile = JSON.parse(
      (
        await store.db
          .selectFrom('watch_releases')
          .select('profile')
          .where('repo_id', '=', 'aperture-fixtures/linked-model')
          .executeTakeFirstOrThrow()
      ).profile!,
    ) as { components: Array<{ id: string; verification: string }> };
    // Its training code lives on the (local) git host: followed and verified, as `aperture check` does.
    expect(profile.components.find((component) => component.id === 'training-code')?.verification).toBe(
      'verified',
    );

    const third = await runWatch(store.db);
    expect(third.releases).toEqual([]);
    expect(third.deliveriesQueued).toBe(0);
    expect(third.authors[0]).toMatchObject({ listed: 2, reported: 0, deferred: 0 });

    const feed = parseAtom((await app.inject({ url: '/feed.atom' })).body);
    expect(feed.entries.map((entry) => entry.id)).toEqual([
      'tag:aperture.dev,2026:release/aperture-fixtures/linked-model',
      'tag:aperture.dev,2026:release/aperture-fixtures/open-model',
    ]);
  });

  it('delivers each new release once, signed so that the documented verifier accepts it', async () => {
    const before = receiver.received.length;
    const result = await deliverDueWebhooks(store.db, { timeoutMs: 5_000 });
    expect(result).toMatchObject({ attempted: 2, delivered: 2, retrying: 0, dead: 0 });
    const mine = receiver.received
      .slice(before)
      .filter((request) => request.path === `/hooks/${ctx.dialect}`);
    expect(mine).toHaveLength(2);
    const seen = new Set<string>();
    for (const delivery of mine) {
      const verdict = verifyWebhook({
        body: delivery.body,
        signature: delivery.headers['x-aperture-signature'] as string,
        deliveryId: delivery.headers['x-aperture-delivery'] as string,
        secret,
        alreadySeen: (id) => seen.has(id),
      });
      expect(verdict.ok).toBe(true);
      if (verdict.ok) seen.add(verdict.deliveryId);
      const payload = JSON.parse(delivery.body) as WebhookPayload;
      expect(payload.event).toBe('release.checked');
      expect(payload.release.country).toBe('FR');
    }
    expect(JSON.parse(mine.map((d) => d.body).find((b) => b.includes('linked-model'))!).release.repoId).toBe(
      'aperture-fixtures/linked-model',
    );
    // Nothing is due any more: a second pass sends nothing.
    expect((await deliverDueWebhooks(store.db, { timeoutMs: 5_000 })).attempted).toBe(0);
  });
});
