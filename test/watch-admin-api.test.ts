import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildServer, type ZodApp } from '../src/server/index.ts';
import { type DatabaseHandle, migrateToLatest } from '../src/store/index.ts';
import { forEachDialect } from './support/dialects.ts';

// The webhook administration over HTTP, guarded by the admin token, on both dialects.

const TOKEN = 'watch-admin-token-of-at-least-32-chars';

forEachDialect('release watch admin API', (ctx) => {
  let store: DatabaseHandle;
  let app: ZodApp;
  const auth = { authorization: `Bearer ${TOKEN}` };

  beforeAll(async () => {
    store = await ctx.openFresh();
    await migrateToLatest(store);
    app = await buildServer({
      db: store.db,
      dialect: store.dialect,
      adminToken: TOKEN,
      webRoot: path.join(ctx.tempDir, 'no-web'),
      destination: { allowHosts: [] },
    });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('refuses every route without the admin token', async () => {
    for (const [method, url] of [
      ['GET', '/api/watch/hooks'],
      ['POST', '/api/watch/hooks'],
      ['DELETE', '/api/watch/hooks/1'],
      ['GET', '/api/watch/dead-letters'],
      ['POST', '/api/watch/dead-letters/replay'],
    ] as const) {
      const response = await app.inject({ method, url, payload: method === 'POST' ? {} : undefined });
      expect(response.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('adds (the made secret shown once), lists without secrets, and removes a subscription', async () => {
    const added = await app.inject({
      method: 'POST',
      url: '/api/watch/hooks',
      headers: auth,
      payload: { url: 'https://hooks.example.org/aperture', filters: { country: 'fr', minScore: 50 } },
    });
    expect(added.statusCode).toBe(201);
    const { id, secret } = added.json();
    expect(secret).toMatch(/^[\w-]{40,}$/);
    const listed = await app.inject({ url: '/api/watch/hooks', headers: auth });
    expect(listed.json().items).toEqual([
      expect.objectContaining({
        id,
        url: 'https://hooks.example.org/aperture',
        filters: { country: 'FR', minScore: 50 },
      }),
    ]);
    expect(listed.body).not.toContain(secret);
    const given = await app.inject({
      method: 'POST',
      url: '/api/watch/hooks',
      headers: auth,
      payload: { url: 'https://hooks.example.org/two', secret: 'a-secret-the-receiver-knows' },
    });
    expect(given.json()).toEqual({ id: id + 1 });
    expect(
      (await app.inject({ method: 'DELETE', url: `/api/watch/hooks/${id}`, headers: auth })).statusCode,
    ).toBe(204);
    expect(
      (await app.inject({ method: 'DELETE', url: `/api/watch/hooks/${id}`, headers: auth })).statusCode,
    ).toBe(404);
  });

  it('refuses internal receivers, bad URLs and bad filters with a 400', async () => {
    for (const payload of [
      { url: 'http://127.0.0.1:8080/hook' },
      { url: 'http://[::1]/hook' },
      { url: 'file:///etc/passwd' },
      { url: 'https://hooks.example.org/x', secret: 'short' },
      { url: 'https://hooks.example.org/x', filters: { mofClass: 'IV' } },
      { url: 'https://hooks.example.org/x', filters: { anything: 1 } },
    ]) {
      const response = await app.inject({ method: 'POST', url: '/api/watch/hooks', headers: auth, payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().error.code, JSON.stringify(payload)).toMatch(
        /^ERR_(USAGE|DESTINATION_REFUSED)$/,
      );
    }
  });

  it('lists and replays dead letters', async () => {
    expect((await app.inject({ url: '/api/watch/dead-letters', headers: auth })).json()).toEqual({
      items: [],
    });
    const replay = await app.inject({
      method: 'POST',
      url: '/api/watch/dead-letters/replay',
      headers: auth,
      payload: {},
    });
    expect(replay.json()).toEqual({ requeued: 0 });
  });
});
