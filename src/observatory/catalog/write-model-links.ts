import type { Transaction } from 'kysely';
import { type Database, insertRows, upsertRows } from '../../store/index.ts';
import type { CatalogBatch } from './catalog-batch.ts';
import { type ModelIds, modelKey, selectModelIds } from './model-keys.ts';
import { WHOLE_BATCH } from './table-writes.ts';

/*
 * What links to models by name within a source: lineage edges and adoption snapshots, and the
 * placeholder models they may name before the source lists them.
 */

/**
 * Ids of every model the batch's lineage and adoption refer to, added to `known`; a model not yet in the
 * catalog gets a placeholder (its name, accessibility unknown) that a later record of the same source
 * fills in.
 */
export async function ensureReferencedModels(
  trx: Transaction<Database>,
  batch: CatalogBatch,
  known: ModelIds,
): Promise<ModelIds> {
  const wanted = new Map<string, [string, string]>();
  const want = (source: string, externalId: string) => {
    const key = modelKey(source, externalId);
    if (!known.has(key)) wanted.set(key, [source, externalId]);
  };
  for (const edge of batch.lineage ?? []) {
    want(edge.source.source, edge.child);
    want(edge.source.source, edge.parent);
  }
  for (const snapshot of batch.adoption ?? []) want(snapshot.source.source, snapshot.model);
  if (wanted.size === 0) return known;
  const placeholders = [...wanted.values()].map(([source, externalId]) => ({
    source,
    external_id: externalId,
    name: externalId,
    accessibility: 'unknown' as const,
  }));
  await insertRows(trx, 'models', placeholders, ['source', 'external_id'], WHOLE_BATCH);
  const ids = new Map(known);
  for (const [key, id] of await selectModelIds(trx, wanted.values())) ids.set(key, id);
  return ids;
}

/** Upserts lineage edges between models of the same source; an edge from a model to itself is skipped. */
export async function writeLineage(
  trx: Transaction<Database>,
  batch: CatalogBatch,
  ids: ModelIds,
): Promise<void> {
  const rows = (batch.lineage ?? []).flatMap((edge) => {
    const child = ids.get(modelKey(edge.source.source, edge.child));
    const parent = ids.get(modelKey(edge.source.source, edge.parent));
    if (child === undefined || parent === undefined || child === parent) return [];
    return [
      { child_model_id: child, parent_model_id: parent, relation: edge.relation, source: edge.source.source },
    ];
  });
  await upsertRows(trx, 'lineage', rows, ['child_model_id', 'parent_model_id', 'relation'], WHOLE_BATCH);
}

/** Upserts adoption snapshots by (model, date). */
export async function writeAdoption(
  trx: Transaction<Database>,
  batch: CatalogBatch,
  ids: ModelIds,
): Promise<void> {
  const rows = (batch.adoption ?? []).flatMap((snapshot) => {
    const model = ids.get(modelKey(snapshot.source.source, snapshot.model));
    if (model === undefined) return [];
    return [
      {
        model_id: model,
        date: snapshot.date,
        downloads: snapshot.downloads,
        likes: snapshot.likes,
        derivatives: snapshot.derivatives,
        source: snapshot.source.source,
      },
    ];
  });
  await upsertRows(trx, 'adoption_snapshots', rows, ['model_id', 'date'], WHOLE_BATCH);
}
