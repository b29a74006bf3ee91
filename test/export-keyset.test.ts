/**
 * CSV exports page by key, not offset: iterating in small batches gives the list's own order, and a row
 * inserted (or deleted) between two batches never repeats nor skips another.
 */
import { expect, it } from 'vitest';
import { bareModelRecord } from '../src/observatory/importers/bare-model-record.ts';
import type { CatalogModelRecord } from '../src/observatory/index.ts';
import {
  iterateModels,
  iterateOrganizations,
  listModelItems,
  listOrganizationItems,
  writeCatalog,
} from '../src/observatory/index.ts';
import { MODEL_SORTS, ORGANIZATION_SORTS } from '../src/spec/vocabularies/catalog-sorts.ts';
import { type DatabaseHandle, migrateToLatest } from '../src/store/index.ts';
import { forEachDialect } from './support/dialects.ts';

const source = { source: 'demo' as const, file: 'test', line: null };

function model(name: string, fields: Partial<CatalogModelRecord> = {}): CatalogModelRecord {
  return { ...bareModelRecord(name, source), ...fields };
}

/** 12 models with ties and missing values in every sort column, spread over 4 organizations. */
function seedModels(): CatalogModelRecord[] {
  return Array.from({ length: 12 }, (_, index) =>
    model(`m-${String(index).padStart(2, '0')}`, {
      organizations: [`org-${index % 4}`],
      published: index % 3 === 0 ? { text: '', iso: null } : { text: '', iso: `202${index % 2}-01` },
      parameters: index % 4 === 0 ? null : (index % 3) * 1e9,
      opennessScore: index % 5 === 0 ? null : index % 2,
    }),
  );
}

async function write(store: DatabaseHandle, models: CatalogModelRecord[]) {
  await store.db.transaction().execute((trx) => writeCatalog(trx, { models }));
}

async function collect<T>(batches: AsyncIterable<T[]>): Promise<T[]> {
  const all: T[] = [];
  for await (const batch of batches) all.push(...batch);
  return all;
}

forEachDialect('exports page by key', (ctx) => {
  it('iterates every sort in the list order, whatever the batch size', async () => {
    const store = await ctx.openFresh();
    await migrateToLatest(store);
    await write(store, seedModels());
    for (const sort of MODEL_SORTS) {
      const whole = await listModelItems(store.db, { sort, pageSize: 100 });
      const batched = await collect(iterateModels(store.db, {}, sort, 3));
      expect(
        batched.map((item) => item.id),
        sort,
      ).toEqual(whole.map((item) => item.id));
    }
    for (const sort of ORGANIZATION_SORTS) {
      const whole = await listOrganizationItems(store.db, { sort, pageSize: 100 });
      const batched = await collect(iterateOrganizations(store.db, { sort }, 1));
      expect(
        batched.map((item) => item.id),
        sort,
      ).toEqual(whole.map((item) => item.id));
    }
  });

  it('a row inserted or deleted between batches neither repeats nor skips another', async () => {
    const store = await ctx.openFresh();
    await migrateToLatest(store);
    await write(store, seedModels());
    const before = (await listModelItems(store.db, { sort: 'name', pageSize: 100 })).map((item) => item.name);
    const seen: string[] = [];
    let batches = 0;
    for await (const batch of iterateModels(store.db, {}, 'name', 4)) {
      seen.push(...batch.map((item) => item.name));
      batches += 1;
      if (batches === 1) {
        // Sorts before everything read: an offset would shift and repeat the last row read.
        await write(store, [model('a-first'), model('a-second')]);
      }
      if (batches === 2) {
        // Deletes a row already read: an offset would skip the next unread one.
        await store.db.deleteFrom('models').where('name', '=', 'm-00').execute();
      }
    }
    expect(seen).toEqual(before);
    expect(new Set(seen).size).toBe(seen.length);

    const organizations: string[] = [];
    let first = true;
    for await (const batch of iterateOrganizations(store.db, { sort: 'name' }, 2)) {
      organizations.push(...batch.map((item) => item.name));
      if (first) await write(store, [model('x', { organizations: ['a-lab'] })]);
      first = false;
    }
    expect(organizations).toEqual(['org-0', 'org-1', 'org-2', 'org-3']);
  });
});
