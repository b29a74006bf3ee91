/**
 * openness-by-country across sources, on SQLite and PostgreSQL: an expert rating of a model counts
 * under the countries Epoch gives the same model once matching has joined them; a family match does not
 * carry countries; the year is the earliest any source of the entity gives.
 */
import { beforeAll, expect, it } from 'vitest';
import { runMatching } from '../src/observatory/entities/index.ts';
import { runIndicator } from '../src/observatory/index.ts';
import { type DatabaseHandle, migrateToLatest } from '../src/store/index.ts';
import { forEachDialect } from './support/dialects.ts';

forEachDialect('openness-by-country through entities', (ctx) => {
  let store: DatabaseHandle;

  beforeAll(async () => {
    store = await ctx.openFresh();
    await migrateToLatest(store);
    const db = store.db;
    const org = async (name: string) =>
      (
        await db
          .insertInto('organizations')
          .values({ name, source: 'test' })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const lab = await org('Demo Lab');
    const model = async (
      source: string,
      name: string,
      date: string | null,
      countries: string[],
      score: number | null = null,
    ) => {
      const { id } = await db
        .insertInto('models')
        .values({ source, external_id: name, name, organization_id: lab, date, openness_score: score })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const country of countries)
        await db.insertInto('model_countries').values({ model_id: id, country }).execute();
      return id;
    };
    await model('epoch', 'Demo-7B', '2023-05-01', ['FR', 'DE']);
    const mot = await model('mot', 'Demo-7B', '2025-01-01', []);
    const osai = await model('osai', 'Demo-7B', '2024-02', ['FR']);
    const family = await model('osai', 'Demo', '2025-06', []);
    await model('epoch', 'Demo-70B', '2024-01-01', ['US']);
    await model('release-pack', 'Demo-7B@1', '2024-03-01', [], 80);
    const rate = (model_id: number, scheme: 'mof' | 'osai', subject: string, score: number) =>
      db
        .insertInto('openness_ratings')
        .values({ scheme, subject, model_id, score, source: scheme })
        .execute();
    await rate(mot, 'mof', 'Demo-7B', 60);
    await rate(osai, 'osai', 'Demo-7B', 50);
    await rate(family, 'osai', 'Demo', 40);
  });

  it('leaves a rating without countries out until matching joins it to Epoch', async () => {
    expect((await runIndicator(store.db, 'openness-by-country', { rating: 'mof' })).rows).toEqual([]);
  });

  it('counts expert ratings under every country of the entity, in its earliest year', async () => {
    await runMatching(store.db);
    const stats = { min: 60, max: 60, score0to24: 0, score25to49: 0, score50to74: 1, score75to100: 0 };
    expect((await runIndicator(store.db, 'openness-by-country', { rating: 'mof' })).rows).toEqual([
      { year: 2023, country: 'DE', models: 1, mean: 60, ...stats },
      { year: 2023, country: 'FR', models: 1, mean: 60, ...stats },
    ]);
    // The OSAI rating of Demo-7B: FR from itself and Epoch (once), DE from Epoch; the family Demo: none.
    const osai = (await runIndicator(store.db, 'openness-by-country', { rating: 'osai' })).rows;
    expect(osai.map((row) => [row.year, row.country, row.models, row.mean])).toEqual([
      [2023, 'DE', 1, 50],
      [2023, 'FR', 1, 50],
    ]);
    expect(
      (await runIndicator(store.db, 'openness-by-country', { rating: 'osai', from: 2024 })).rows,
    ).toEqual([]);
  });

  it("keeps the checker's scores as the default, unjoined when nothing matches", async () => {
    expect((await runIndicator(store.db, 'openness-by-country', {})).rows).toEqual([]);
    await expect(runIndicator(store.db, 'openness-by-country', { rating: 'stars' })).rejects.toThrow(
      /rating/,
    );
  });
});
