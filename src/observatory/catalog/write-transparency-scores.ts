import type { Transaction } from 'kysely';
import { type Database, upsertRows } from '../../store/index.ts';
import type { CatalogBatch, TableOutcome } from './catalog-batch.ts';
import { NOTHING_WRITTEN, outcomeOf, WHOLE_BATCH } from './table-writes.ts';

/** Upserts transparency scores by (index, edition, developer). */
export async function writeTransparencyScores(
  trx: Transaction<Database>,
  batch: CatalogBatch,
): Promise<TableOutcome> {
  const scores = batch.transparencyScores ?? [];
  if (scores.length === 0) return { ...NOTHING_WRITTEN };
  const rows = scores.map((score) => ({
    index_name: score.index,
    edition: score.edition,
    developer: score.developer,
    total: score.total,
    max_total: score.maxTotal,
    indicators: JSON.stringify(score.indicators),
    source_file: score.source.file,
  }));
  const { inserted } = await upsertRows(
    trx,
    'transparency_scores',
    rows,
    ['index_name', 'edition', 'developer'],
    WHOLE_BATCH,
  );
  return outcomeOf(scores.length, inserted);
}
