import type { Transaction } from 'kysely';
import type { Database } from '../../store/index.ts';
import type { CatalogModelRecord } from './catalog-batch.ts';
import { lookUpInChunks } from './table-writes.ts';

/** Stored model ids by `modelKey(source, external id)`. */
export type ModelIds = Map<string, number>;

/** The key of a model in ModelIds: its natural key (source, external id). */
export function modelKey(source: string, externalId: string): string {
  return `${source}\u0000${externalId}`;
}

/** A model record's id within its source: its external id, else its name. */
export function externalIdOf(model: CatalogModelRecord): string {
  return model.externalId ?? model.name;
}

/** Ids of stored models for (source, external id) keys, one query per source and chunk. */
export async function selectModelIds(
  trx: Transaction<Database>,
  keys: Iterable<readonly [string, string]>,
): Promise<ModelIds> {
  const bySource = new Map<string, string[]>();
  for (const [source, externalId] of keys) {
    const list = bySource.get(source) ?? [];
    list.push(externalId);
    bySource.set(source, list);
  }
  const ids: ModelIds = new Map();
  for (const [source, externalIds] of bySource) {
    const rows = await lookUpInChunks(externalIds, (part) =>
      trx
        .selectFrom('models')
        .select(['id', 'external_id'])
        .where('external_id', 'in', part)
        .where('source', '=', source)
        .execute(),
    );
    for (const row of rows) ids.set(modelKey(source, String(row.external_id)), Number(row.id));
  }
  return ids;
}
