import { afterAll, beforeAll, expect, it } from 'vitest';
import { runImport, writeCatalog } from '../src/observatory/index.ts';
import { type DatabaseHandle, migrateToLatest } from '../src/store/index.ts';
import { forEachDialect } from './support/dialects.ts';
import { type HubReplayServer, startHubReplayServer } from './support/hub-replay-server.ts';

let hub: HubReplayServer;
beforeAll(async () => {
  hub = await startHubReplayServer({ listingPageSize: 3 });
});
afterAll(async () => {
  await hub.close();
});

forEachDialect('import hf', (ctx) => {
  let store: DatabaseHandle;
  beforeAll(async () => {
    store = await ctx.open();
    await migrateToLatest(store);
    // The organization is known (from Epoch, say) before the Hub listing names its author.
    await writeCatalog(store.db, {
      organizations: [
        {
          name: 'Example Lab',
          countries: ['FR'],
          kind: 'industry',
          source: { source: 'epoch', file: 'x.csv', line: 2 },
        },
      ],
    });
  });

  const importHub = () =>
    runImport(store.db, {
      kind: 'hf',
      source: 'example-lab',
      endpoint: hub.url,
      organization: 'Example Lab',
      hubTuning: { sleep: async () => {} },
    });

  it('imports the listing with organization, countries, lineage and adoption; the author becomes an alias', async () => {
    const result = await importHub();
    expect(result).toMatchObject({ records: 6, inserted: 6, updated: 0, rejectedCount: 2 });
    const organization = await store.db
      .selectFrom('organizations')
      .selectAll()
      .where('name', '=', 'Example Lab')
      .executeTakeFirstOrThrow();
    expect(organization).toMatchObject({ country: 'FR', region: 'europe', type: 'industry' });
    expect(
      await store.db.selectFrom('organizations').select('name').where('name', '=', 'example-lab').execute(),
    ).toEqual([]);
    const alias = await store.db.selectFrom('organization_aliases').selectAll().executeTakeFirstOrThrow();
    expect(alias).toMatchObject({ alias: 'example-lab', organization_id: organization.id });

    const models = await store.db
      .selectFrom('models')
      .select(['id', 'external_id', 'organization_id'])
      .where('source', '=', 'hf')
      .where('external_id', 'like', 'example-lab/%')
      .orderBy('external_id')
      .execute();
    expect(models).toHaveLength(6);
    for (const model of models) expect(model.organization_id).toBe(organization.id);
    const countries = await store.db
      .selectFrom('model_countries')
      .select('country')
      .where(
        'model_id',
        'in',
        models.map((model) => model.id),
      )
      .execute();
    expect(countries).toHaveLength(6);
    expect(new Set(countries.map((row) => row.country))).toEqual(new Set(['FR']));

    const edges = await store.db
      .selectFrom('lineage')
      .innerJoin('models as child', 'child.id', 'lineage.child_model_id')
      .innerJoin('models as parent', 'parent.id', 'lineage.parent_model_id')
      .select(['child.external_id as child', 'parent.external_id as parent', 'lineage.relation'])
      .execute();
    expect(edges.length).toBeGreaterThan(0);
    expect(edges).toContainEqual(
      expect.objectContaining({ child: 'example-lab/example-7b-instruct', parent: 'example-lab/example-7b' }),
    );
    const adoption = await store.db.selectFrom('adoption_snapshots').select('model_id').execute();
    expect(adoption).toHaveLength(6);
  });

  it('re-imports without duplicates', async () => {
    const again = await importHub();
    expect(again).toMatchObject({ inserted: 0, updated: 6 });
    const hf = await store.db
      .selectFrom('models')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('source', '=', 'hf')
      .where('external_id', 'like', 'example-lab/%')
      .executeTakeFirstOrThrow();
    expect(Number(hf.count)).toBe(6);
    const aliases = await store.db.selectFrom('organization_aliases').selectAll().execute();
    expect(aliases).toHaveLength(1);
  });
});
