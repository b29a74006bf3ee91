import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, migrateToLatest, openDatabase } from '../../store/index.ts';
import { loadDemoCatalog } from './load-demo-catalog.ts';

const TABLES = ['organizations', 'organization_aliases', 'models', 'model_countries', 'lineage'] as const;

async function tableCounts(store: DatabaseHandle): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(
      store.db,
    );
    counts[table] = Number(rows[0]?.n);
  }
  return counts;
}

describe('loadDemoCatalog', () => {
  let dir: string;
  let store: DatabaseHandle;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'aperture-demo-load-'));
    store = await openDatabase({ file: path.join(dir, 'demo.db') });
    await migrateToLatest(store);
  });
  afterAll(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('loads every record, and loading again changes nothing', async () => {
    const first = await loadDemoCatalog(store.db);
    expect(first.tables.models).toEqual({ inserted: first.counts.models, updated: 0 });
    const afterFirst = await tableCounts(store);
    expect(afterFirst.organizations).toBe(first.counts.organizations);
    expect(afterFirst.organization_aliases).toBe(first.counts.aliases);
    // No placeholder models: every lineage end is a listed model.
    expect(afterFirst.models).toBe(first.counts.models);
    expect(afterFirst.lineage).toBe(first.counts.lineage);
    expect(afterFirst.model_countries).toBeGreaterThan(afterFirst.models!);

    const second = await loadDemoCatalog(store.db);
    expect(second.tables.models).toEqual({ inserted: 0, updated: first.counts.models });
    expect(await tableCounts(store)).toEqual(afterFirst);
  });

  it('stores regions, countries, sources and Hub ids as the catalog states them', async () => {
    const mistral = await store.db
      .selectFrom('organizations')
      .select(['country', 'region', 'type'])
      .where('name', '=', 'Mistral AI')
      .executeTakeFirstOrThrow();
    expect(mistral).toEqual({ country: 'FR', region: 'europe', type: 'industry' });

    const nemo = await store.db
      .selectFrom('models')
      .select(['id', 'source', 'date', 'accessibility', 'source_url'])
      .where('name', '=', 'Mistral-Nemo-Base-2407')
      .executeTakeFirstOrThrow();
    expect(nemo).toMatchObject({
      source: 'demo',
      date: '2024-07-18',
      accessibility: 'open-weights-unrestricted',
      source_url: 'https://mistral.ai/news/mistral-nemo',
    });
    const countries = await store.db
      .selectFrom('model_countries')
      .select('country')
      .where('model_id', '=', nemo.id)
      .orderBy('country')
      .execute();
    expect(countries.map((row) => row.country)).toEqual(['FR', 'US']);

    const r1 = await store.db
      .selectFrom('models')
      .select(['external_ids', 'parameters'])
      .where('name', '=', 'DeepSeek-R1')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(String(r1.external_ids))).toEqual({ hf: 'deepseek-ai/DeepSeek-R1' });
    expect(r1.parameters).toBe(671_000_000_000);

    const edge = await store.db
      .selectFrom('lineage')
      .innerJoin('models as child', 'child.id', 'lineage.child_model_id')
      .innerJoin('models as parent', 'parent.id', 'lineage.parent_model_id')
      .select(['parent.name as parent', 'lineage.relation'])
      .where('child.name', '=', 'DeepSeek-R1-Distill-Llama-70B')
      .executeTakeFirstOrThrow();
    expect(edge).toEqual({ parent: 'Llama-3.3-70B-Instruct', relation: 'finetune' });
  });
});
