import type { Kysely } from 'kysely';
import type { Database } from '../../store/index.ts';
import type { CatalogBatch } from '../catalog/catalog-batch.ts';
import { externalIdOf } from '../catalog/model-keys.ts';

/** Ids per `delete … where id in (…)`, under every dialect's parameter limit. */
const DELETE_CHUNK = 5_000;

/** What a sync removed because the source no longer lists it. */
export interface PrunedRecords {
  models: number;
  ratings: number;
  transparencyScores: number;
}

async function deleteIds(
  trx: Kysely<Database>,
  table: 'models' | 'openness_ratings' | 'transparency_scores',
  ids: readonly number[],
): Promise<void> {
  for (let start = 0; start < ids.length; start += DELETE_CHUNK) {
    await trx
      .deleteFrom(table)
      .where('id', 'in', ids.slice(start, start + DELETE_CHUNK))
      .execute();
  }
}

/**
 * Removes, inside the sync's transaction, what the source listed before and no longer lists: its models
 * (those that lineage or adoption of the new data still name stay), its openness ratings, and its
 * transparency scores of the editions the new data holds (older editions stay). So a synced source
 * holds exactly its new snapshot, and a model renamed upstream is not counted twice. Only a sync calls
 * this: it has the whole source; an import of a file may hold a part of it.
 *
 * @example
 * await pruneVanishedRecords(trx, 'epoch', batch); // in the transaction that wrote `batch`
 */
export async function pruneVanishedRecords(
  trx: Kysely<Database>,
  source: string,
  batch: CatalogBatch,
): Promise<PrunedRecords> {
  const keep = new Set((batch.models ?? []).map(externalIdOf));
  for (const edge of batch.lineage ?? []) keep.add(edge.child).add(edge.parent);
  for (const snapshot of batch.adoption ?? []) keep.add(snapshot.model);
  const models = await trx
    .selectFrom('models')
    .select(['id', 'external_id'])
    .where('source', '=', source)
    .execute();
  const staleModels = models.filter((row) => !keep.has(row.external_id)).map((row) => Number(row.id));

  const subjects = new Set((batch.ratings ?? []).map((rating) => `${rating.scheme}\u0000${rating.subject}`));
  const ratings = await trx
    .selectFrom('openness_ratings')
    .select(['id', 'scheme', 'subject'])
    .where('source', '=', source)
    .execute();
  const staleRatings = ratings
    .filter((row) => !subjects.has(`${row.scheme}\u0000${row.subject}`))
    .map((row) => Number(row.id));

  const scores = batch.transparencyScores ?? [];
  const editions = [...new Set(scores.map((score) => `${score.index}\u0000${score.edition}`))];
  const developers = new Set(
    scores.map((score) => `${score.index}\u0000${score.edition}\u0000${score.developer}`),
  );
  const staleScores: number[] = [];
  for (const key of editions) {
    const [index, edition] = key.split('\u0000') as [string, string];
    const rows = await trx
      .selectFrom('transparency_scores')
      .select(['id', 'developer'])
      .where('index_name', '=', index)
      .where('edition', '=', edition)
      .execute();
    for (const row of rows) {
      if (!developers.has(`${index}\u0000${edition}\u0000${row.developer}`)) staleScores.push(Number(row.id));
    }
  }

  await deleteIds(trx, 'openness_ratings', staleRatings);
  await deleteIds(trx, 'models', staleModels);
  await deleteIds(trx, 'transparency_scores', staleScores);
  return { models: staleModels.length, ratings: staleRatings.length, transparencyScores: staleScores.length };
}
