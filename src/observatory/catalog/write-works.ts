import type { Transaction } from 'kysely';
import { type Database, insertRows, upsertRows } from '../../store/index.ts';
import type { CatalogBatch, TableOutcome } from './catalog-batch.ts';
import { lookUpInChunks, NOTHING_WRITTEN, outcomeOf, WHOLE_BATCH } from './table-writes.ts';

/** Keys per `delete … where work_id in (…)`. */
const DELETE_CHUNK = 10_000;

/**
 * Upserts works by (source, external id) and replaces each work's model-family mentions as a whole, so a
 * family a new version of the matching rule no longer finds disappears. Returns the works' outcome.
 */
export async function writeWorks(trx: Transaction<Database>, batch: CatalogBatch): Promise<TableOutcome> {
  const works = batch.works ?? [];
  if (works.length === 0) return { ...NOTHING_WRITTEN };
  const rows = works.map((work) => ({
    source: work.source.source,
    external_id: work.id,
    title: work.title,
    year: work.year,
    source_url: work.url,
  }));
  const { inserted } = await upsertRows(trx, 'works', rows, ['source', 'external_id'], WHOLE_BATCH);
  const found = await lookUpInChunks(
    rows.map((row) => row.external_id),
    (part) =>
      trx
        .selectFrom('works')
        .select(['id', 'source', 'external_id'])
        .where('external_id', 'in', part)
        .execute(),
  );
  const keyOf = (source: string, externalId: string) => JSON.stringify([source, externalId]);
  const idOf = new Map(found.map((row) => [keyOf(row.source, row.external_id), Number(row.id)]));
  const workIds = [...new Set(rows.map((row) => idOf.get(keyOf(row.source, row.external_id))!))];
  for (let start = 0; start < workIds.length; start += DELETE_CHUNK) {
    await trx
      .deleteFrom('work_model_mentions')
      .where('work_id', 'in', workIds.slice(start, start + DELETE_CHUNK))
      .execute();
  }
  // The last record of a work wins, as the upsert writes it.
  const last = new Map(works.map((work) => [keyOf(work.source.source, work.id), work]));
  const mentionRows = [...last].flatMap(([key, work]) =>
    work.mentions.map((mention) => ({
      work_id: idOf.get(key)!,
      family: mention.family,
      origin: mention.origin,
      rule: mention.rule,
    })),
  );
  await insertRows(trx, 'work_model_mentions', mentionRows, ['work_id', 'family'], WHOLE_BATCH);
  return outcomeOf(works.length, inserted);
}
