import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { listWatchedReleases } from '../src/observatory/index.ts';
import { releaseMatches } from '../src/observatory/watch/index.ts';
import { buildServer, type ZodApp } from '../src/server/index.ts';
import type { ReleaseFilters, WatchedRelease } from '../src/spec/index.ts';
import { type DatabaseHandle, migrateToLatest } from '../src/store/index.ts';
import { forEachDialect } from './support/dialects.ts';
import { parseAtom } from './support/parse-atom.ts';
import { seedWatchReleases } from './support/seed-watch-releases.ts';

// The feed's filters give the same answer in SQL (both dialects), in memory (webhook subscriptions)
// and over HTTP; hostile text in a release still yields a well-formed feed.

forEachDialect('release watch filters', (ctx) => {
  let store: DatabaseHandle;
  let app: ZodApp;
  let seeded: WatchedRelease[];

  beforeAll(async () => {
    store = await ctx.openFresh();
    await migrateToLatest(store);
    seeded = await seedWatchReleases(store.db, [
      {
        repoId: 'mistralai/Open-7B',
        country: 'FR',
        organization: 'Mistral AI',
        score: 72,
        mofClass: 'II',
        openWashing: false,
      },
      {
        repoId: 'bigco/Claims-Open',
        country: 'US',
        score: 18,
        mofClass: null,
        openWashing: true,
        reason: 'calls itself open source, but its license restricts use',
      },
      { repoId: 'acad/Science-1B', country: 'DE', score: 95, mofClass: 'I', openWashing: false },
      { repoId: 'bigco/Broken', country: 'US', status: 'check-failed' },
      {
        repoId: 'evil/<script>&"x"',
        country: 'US',
        organization: 'Evil ]]> \u0001 Lab \ud800',
        score: 5,
        openWashing: true,
        reason: '<b>bold</b> & \u0007 bell',
      },
    ]);
    app = await buildServer({
      db: store.db,
      dialect: store.dialect,
      webRoot: path.join(ctx.tempDir, 'no-web'),
    });
  });

  afterAll(async () => {
    await app?.close();
  });

  const cases: Array<[ReleaseFilters, string[]]> = [
    [{}, ['evil/<script>&"x"', 'bigco/Broken', 'acad/Science-1B', 'bigco/Claims-Open', 'mistralai/Open-7B']],
    [{ country: 'US' }, ['evil/<script>&"x"', 'bigco/Broken', 'bigco/Claims-Open']],
    [{ organization: 'BIGCO' }, ['bigco/Broken', 'bigco/Claims-Open']],
    [{ organization: 'mistral ai' }, ['mistralai/Open-7B']],
    [{ minScore: 72 }, ['acad/Science-1B', 'mistralai/Open-7B']],
    [{ mofClass: 'I' }, ['acad/Science-1B']],
    [{ mofClass: 'II' }, ['acad/Science-1B', 'mistralai/Open-7B']],
    [{ mofClass: 'III' }, ['acad/Science-1B', 'mistralai/Open-7B']],
    [{ openWashing: true }, ['evil/<script>&"x"', 'bigco/Claims-Open']],
    [{ openWashing: false }, ['acad/Science-1B', 'mistralai/Open-7B']],
    [{ country: 'US', openWashing: true, minScore: 10 }, ['bigco/Claims-Open']],
  ];

  it('filters by organization, country, score, MOF class and open-washing, the same in SQL and in memory', async () => {
    for (const [filters, expected] of cases) {
      const { items, total } = await listWatchedReleases(store.db, filters, { page: 1, pageSize: 50 });
      expect(
        items.map((item) => item.repoId),
        JSON.stringify(filters),
      ).toEqual(expected);
      expect(total).toBe(expected.length);
      const inMemory = [...seeded].reverse().filter((release) => releaseMatches(release, filters));
      expect(
        inMemory.map((item) => item.repoId),
        JSON.stringify(filters),
      ).toEqual(expected);
    }
  });

  it('answers the same filters over HTTP, as Atom and as JSON', async () => {
    const feed = parseAtom(
      (await app.inject({ url: '/feed.atom?country=us&openWashing=true&minScore=10' })).body,
    );
    expect(feed.entries.map((entry) => entry.id)).toEqual([
      'tag:aperture.dev,2026:release/bigco/claims-open',
    ]);
    expect(feed.title).toContain('country US');
    const mof = parseAtom((await app.inject({ url: '/feed.atom?mofClass=II' })).body);
    expect(
      mof.entries.map((entry) => entry.categories.find((term) => term.startsWith('mof-class:'))),
    ).toEqual(['mof-class:I', 'mof-class:II']);
    const json = await app.inject({ url: '/api/watch/releases?organization=acad' });
    expect(json.json()).toMatchObject({
      total: 1,
      items: [{ repoId: 'acad/Science-1B', mofClass: 'I', openWashing: false }],
    });
    const limited = parseAtom((await app.inject({ url: '/feed.atom?limit=2' })).body);
    expect(limited.entries).toHaveLength(2);
  });

  it('keeps entry ids and the feed id stable from one request to the next', async () => {
    const once = parseAtom((await app.inject({ url: '/feed.atom?country=US' })).body);
    const again = parseAtom((await app.inject({ url: '/feed.atom?country=us' })).body);
    expect(again.id).toBe(once.id);
    expect(again.entries.map((entry) => entry.id)).toEqual(once.entries.map((entry) => entry.id));
    expect(again.updated).toBe(once.updated);
  });

  it('escapes hostile text: markup, CDATA ends, control characters and lone surrogates', async () => {
    const response = await app.inject({ url: '/feed.atom?organization=evil' });
    expect(response.statusCode).toBe(200);
    const feed = parseAtom(response.body);
    const [entry] = feed.entries;
    expect(entry!.title).toBe('evil/<script>&"x": openness 5/100, no MOF class, open-washing');
    // The lone surrogate comes back from SQLite as three replacement characters (its UTF-8 bytes), from
    // PostgreSQL as one: either way the feed parses.
    expect(entry!.author).toMatch(/^Evil \]\]> \ufffd Lab \ufffd+$/);
    expect(entry!.summary).toContain('Open-washing: <b>bold</b> & \ufffd bell');
    expect(response.body).not.toContain('<script>');
  });

  it('refuses bad filters with a 400 naming the field', async () => {
    for (const query of [
      'country=France',
      'minScore=101',
      'mofClass=IV',
      'openWashing=maybe',
      'limit=0',
      'limit=100000',
    ]) {
      const response = await app.inject({ url: `/feed.atom?${query}` });
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.code, query).toBe('ERR_USAGE');
    }
  });
});
