import type { Transaction } from 'kysely';
import { type Database, upsertRows } from '../../store/index.ts';
import type { CatalogRatingRecord, TableOutcome } from './catalog-batch.ts';
import { type ModelIds, modelKey } from './model-keys.ts';
import { jsonText, NOTHING_WRITTEN, outcomeOf, WHOLE_BATCH } from './table-writes.ts';

/**
 * Upserts openness ratings by (scheme, subject), each linked to the model of its own source whose
 * external id is the subject, when the catalog has it.
 */
export async function writeRatings(
  trx: Transaction<Database>,
  ratings: readonly CatalogRatingRecord[],
  modelIds: ModelIds,
): Promise<TableOutcome> {
  if (ratings.length === 0) return { ...NOTHING_WRITTEN };
  const rows = ratings.map((rating) => ({
    scheme: rating.scheme,
    subject: rating.subject,
    organization: rating.organization,
    rating_class: rating.ratingClass,
    score: rating.score,
    details: jsonText(rating.details),
    model_id: modelIds.get(modelKey(rating.source.source, rating.subject)) ?? null,
    source: rating.source.source,
    source_file: rating.source.file,
  }));
  // A rating's row carries its subject, so the store's key (scheme, subject) is the rating's.
  const { inserted } = await upsertRows(trx, 'openness_ratings', rows, ['scheme', 'subject'], WHOLE_BATCH);
  return outcomeOf(ratings.length, inserted);
}
