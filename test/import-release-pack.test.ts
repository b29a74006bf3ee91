import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { checkRelease } from '../src/checker/index.ts';
import { getModel, runImport } from '../src/observatory/index.ts';
import { type Database, migrateToLatest } from '../src/store/index.ts';
import { type DialectContext, forEachDialect } from './support/dialects.ts';

const PACK = path.resolve(import.meta.dirname, '../examples/open-science-pack');
const WITHHELD = path.resolve(import.meta.dirname, '../examples/harness-only');

/** A release pack whose weights are released under `license`, written under `folder`. */
async function packWithWeights(folder: string, license: string, status = 'released'): Promise<string> {
  await mkdir(path.join(folder, 'weights'), { recursive: true });
  await writeFile(path.join(folder, 'weights', 'model.safetensors'), 'weights');
  await writeFile(
    path.join(folder, 'release-pack.yaml'),
    [
      'spec: aperture.dev/release-pack/v1',
      'model:',
      `  name: Restricted ${path.basename(folder)}`,
      '  organization: Quarry Systems',
      '  parameters: 8000000000',
      '  modality: multimodal',
      '  releaseDate: 2025-07-01',
      'licenses:',
      '  distribution: Apache-2.0',
      'components:',
      '  final-parameters:',
      `    status: ${status}`,
      '    location: weights/model.safetensors',
      `    license: ${license}`,
      ...(status === 'restricted' ? ['    reason: safety'] : []),
      '',
    ].join('\n'),
  );
  return folder;
}

/** The one model the release-pack importer stored. */
function releasePackModel(db: Kysely<Database>) {
  return db.selectFrom('models').selectAll().where('source', '=', 'release-pack').executeTakeFirstOrThrow();
}

/** Imports one release pack into a fresh, migrated store: the store and the model stored. */
async function importedPackModel(ctx: DialectContext, source: string) {
  const store = await ctx.openFresh();
  await migrateToLatest(store);
  await runImport(store.db, { kind: 'release-pack', source });
  return { store, model: await releasePackModel(store.db) };
}

forEachDialect('import release-pack', (ctx) => {
  it('stores the checked release as a model with its score, MOF class and profile, plus an aperture rating', async () => {
    const store = await ctx.openFresh();
    await migrateToLatest(store);
    const report = await checkRelease(PACK);
    const { name, version } = report.profile.model;
    const externalId = version ? `${name}@${version}` : name;

    const result = await runImport(store.db, { kind: 'release-pack', source: PACK });
    expect(result).toMatchObject({ records: 1, inserted: 1, updated: 0, rejectedCount: 0 });
    const model = await releasePackModel(store.db);
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

  it('keeps what the manifest says: date, domain, parameters, compute, homepage and open accessibility', async () => {
    const { store, model } = await importedPackModel(ctx, PACK);
    expect(model).toMatchObject({
      date: '2026-03-16',
      domain: 'Language',
      parameters: 35232,
      training_compute_flop: 6.5e11,
      source_url: 'https://example.org/lakeside-lab/pebble',
      accessibility: 'open-weights-unrestricted',
    });
    // Aperture's own rating is the score and the profile, never one of the "ratings by others".
    const detail = await getModel(store.db, model.id);
    expect(detail?.ratings).toEqual([]);
    expect(detail).toMatchObject({ opennessScore: model.openness_score, sourceUrl: model.source_url });
  });

  it('withheld weights are unreleased, and withheld components show no license', async () => {
    const { store, model } = await importedPackModel(ctx, WITHHELD);
    expect(model).toMatchObject({
      accessibility: 'unreleased',
      parameters: 1_410_000_000,
      date: '2026-03-30',
      source_url: 'https://example.org/lakeside-lab/pebble-2',
    });
    const profile = JSON.parse(model.profile!) as {
      components: Array<{
        id: string;
        status: string;
        license: { class: string; expression: string | null };
      }>;
    };
    const withheld = profile.components.filter((component) => component.status === 'withheld');
    expect(withheld.map((component) => component.id)).toContain('final-parameters');
    // The pack's data license (CC-BY-4.0) would otherwise fall to the withheld weights and datasets.
    for (const component of withheld)
      expect(component.license, component.id).toMatchObject({ class: 'none', expression: null });
    // A profile stored by an earlier version, with the pack's license on a withheld part, is shown without.
    const older = {
      ...profile,
      components: profile.components.map((component) =>
        component.status === 'withheld'
          ? { ...component, license: { ...component.license, class: 'open', expression: 'CC-BY-4.0' } }
          : component,
      ),
    };
    await store.db
      .updateTable('models')
      .set({ profile: JSON.stringify(older) })
      .where('id', '=', model.id)
      .execute();
    const shown = (await getModel(store.db, model.id))?.profile as typeof profile;
    for (const component of shown.components.filter((item) => item.status === 'withheld'))
      expect(component.license, component.id).toMatchObject({ class: 'none', expression: null });
  });

  it('derives accessibility from the weights license: restrictive AI license or gate → restricted', async () => {
    const store = await ctx.openFresh();
    await migrateToLatest(store);
    const llama = await packWithWeights(path.join(ctx.tempDir, `llama-${ctx.dialect}`), 'llama3.1');
    const gated = await packWithWeights(path.join(ctx.tempDir, `gated-${ctx.dialect}`), 'MIT', 'restricted');
    await runImport(store.db, { kind: 'release-pack', source: llama });
    await runImport(store.db, { kind: 'release-pack', source: gated });
    const rows = await store.db
      .selectFrom('models')
      .select(['name', 'accessibility', 'domain', 'date', 'source_url', 'parameters'])
      .orderBy('name')
      .execute();
    expect(rows).toEqual([
      {
        name: `Restricted gated-${ctx.dialect}`,
        accessibility: 'open-weights-restricted',
        domain: 'Multimodal',
        date: '2025-07-01',
        // A local folder is no public page: no source URL, never the server's path.
        source_url: null,
        parameters: 8e9,
      },
      {
        name: `Restricted llama-${ctx.dialect}`,
        accessibility: 'open-weights-restricted',
        domain: 'Multimodal',
        date: '2025-07-01',
        source_url: null,
        parameters: 8e9,
      },
    ]);
  });
});
