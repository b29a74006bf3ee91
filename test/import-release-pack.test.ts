import path from 'node:path';
import { expect, it } from 'vitest';
import { checkRelease } from '../src/checker/index.ts';
import { runImport } from '../src/observatory/index.ts';
import { migrateToLatest } from '../src/store/index.ts';
import { forEachDialect } from './support/dialects.ts';

const PACK = path.resolve(import.meta.dirname, '../examples/open-science-pack');

forEachDialect('import release-pack', (ctx) => {
  it('stores the checked release as a model with its score, MOF class and profile, plus an aperture rating', async () => {
    const store = await ctx.openFresh();
    await migrateToLatest(store);
    const report = await checkRelease(PACK);
    const { name, version } = report.profile.model;
    const externalId = version ? `${name}@${version}` : name;

    const result = await runImport(store.db, { kind: 'release-pack', source: PACK });
    expect(result).toMatchObject({ records: 1, inserted: 1, updated: 0, rejectedCount: 0 });
    const model = await store.db
      .selectFrom('models')
      .selectAll()
      .where('source', '=', 'release-pack')
      .executeTakeFirstOrThrow();
    expect(model).toMatchObject({
      external_id: externalId,
      name,
      openness_score: report.profile.score,
      mof_class: report.profile.mof.class,
      // The pack calls itself "fully open" and is: checked, not flagged, with the profile's reason.
      open_washing: 0,
      open_washing_reason: expect.stringContaining('calls itself open source'),
    });
    expect(report.profile.openWashing?.flagged).toBe(false);
    expect(JSON.parse(model.profile!)).toMatchObject({ score: report.profile.score, model: { name } });
    const rating = await store.db.selectFrom('openness_ratings').selectAll().executeTakeFirstOrThrow();
    expect(rating).toMatchObject({
      scheme: 'aperture',
      subject: externalId,
      model_id: model.id,
      score: report.profile.score,
      rating_class: report.profile.mof.class,
    });

    const again = await runImport(store.db, { kind: 'release-pack', source: PACK });
    expect(again).toMatchObject({ inserted: 0, updated: 1 });
  });
});
