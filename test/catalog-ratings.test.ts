/**
 * Ratings through the catalog writer, on SQLite and PostgreSQL: each importer states its source's facts
 * (subject, score, the organization's country and kind) and the writer stores them without knowing the
 * source; a rating links to the model of its own source named like its subject.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runImport, writeCatalog } from '../src/observatory/index.ts';
import { type DatabaseHandle, migrateToLatest } from '../src/store/index.ts';
import { forEachDialect } from './support/dialects.ts';

const PARAMETERS =
  '- name: Availability\n  params:\n    - { ref: weights_endmodel, name: End User Model Weights }\n- name: Access\n  params:\n    - { ref: licenses, name: Licenses }\n';
const SYSTEM =
  '# - National origin: France\n# - Contributor type: Academic (University)\nsystem:\n  name: Demo\norg:\n  name: Demo Lab\nweights_endmodel:\n  class: partial\nlicenses:\n  class: open\n';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'aperture-ratings-'));
  await writeFile(path.join(dir, '_parameters.yml'), PARAMETERS);
  await writeFile(path.join(dir, 'demo.yaml'), SYSTEM);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

forEachDialect('catalog ratings', (ctx) => {
  let store: DatabaseHandle;
  beforeAll(async () => {
    store = await ctx.openFresh();
    await migrateToLatest(store);
  });

  it('stores an index rating with its score, its model and its organization, and re-imports as updates', async () => {
    const first = await runImport(store.db, { kind: 'osai', source: dir });
    expect(first).toMatchObject({ records: 1, inserted: 1, updated: 0, rejectedCount: 0 });
    const organization = await store.db
      .selectFrom('organizations')
      .select(['country', 'region', 'type', 'source'])
      .where('name', '=', 'Demo Lab')
      .executeTakeFirstOrThrow();
    expect(organization).toEqual({ country: 'FR', region: 'europe', type: 'academia', source: 'osai' });
    const rating = await store.db
      .selectFrom('openness_ratings')
      .innerJoin('models', 'models.id', 'openness_ratings.model_id')
      .select(['scheme', 'subject', 'score', 'rating_class', 'models.source as modelSource', 'details'])
      .executeTakeFirstOrThrow();
    expect(rating).toMatchObject({ scheme: 'osai', subject: 'Demo', score: 75, rating_class: null });
    expect(rating.modelSource).toBe('osai');
    expect(JSON.parse(String(rating.details))).toMatchObject({ contributorType: 'Academic (University)' });

    const again = await runImport(store.db, { kind: 'osai', source: dir });
    expect(again).toMatchObject({ records: 1, inserted: 0, updated: 1 });
    expect(await store.db.selectFrom('openness_ratings').select('id').execute()).toHaveLength(1);
  });

  it('leaves a rating unlinked when its source has no model of that name', async () => {
    const source = { source: 'release-pack', file: 'pack', line: null } as const;
    const outcome = await writeCatalog(store.db, {
      ratings: [
        {
          scheme: 'aperture',
          subject: 'Nowhere@1',
          organization: null,
          score: 40,
          ratingClass: null,
          details: null,
          source,
        },
      ],
    });
    expect(outcome.tables.openness_ratings).toEqual({ inserted: 1, updated: 0 });
    const row = await store.db
      .selectFrom('openness_ratings')
      .select(['model_id', 'details', 'source', 'source_file'])
      .where('subject', '=', 'Nowhere@1')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ model_id: null, details: null, source: 'release-pack', source_file: 'pack' });
  });
});
