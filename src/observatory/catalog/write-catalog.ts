import { type Kysely, Transaction } from 'kysely';
import { ApertureError } from '../../errors.ts';
import { findNulByte, NUL_BYTE_MESSAGE, nulPathText } from '../../spec/index.ts';
import { bumpCatalogVersion, type Database } from '../../store/index.ts';
import type { CatalogBatch, WriteCatalogOutcome } from './catalog-batch.ts';
import { ensureReferencedModels, writeAdoption, writeLineage } from './write-model-links.ts';
import { writeModels } from './write-models.ts';
import { writeOrganizations } from './write-organizations.ts';
import { writePeople } from './write-people.ts';
import { writeRatings } from './write-ratings.ts';
import { writeTransparencyScores } from './write-transparency-scores.ts';
import { writeWorks } from './write-works.ts';

/**
 * Writes a batch of importer records to the catalog in one transaction (inside `db` when it already is
 * one), with a handful of set-based statements per table whatever the batch size: organizations are
 * upserted by name (a known country, region and type is never overwritten by an unknown one), models by
 * (source, external id) with their organization and one model_countries row per distinct country of all
 * their organizations, lineage edges (a parent not yet in the catalog gets a placeholder model of the
 * same source, accessibility unknown), adoption snapshots, people and affiliations, openness ratings,
 * transparency scores, organization aliases, and works with their model-family mentions. Running it again with the same batch changes nothing
 * and reports every record as updated. Bumps the catalog version (store `bumpCatalogVersion`) in the
 * same transaction. Aborts with ERR_INVALID_INPUT, writing nothing, when any text of the batch holds a NUL
 * character (U+0000). The writer knows tables, not sources: each importer states its source's facts in
 * the batch (an organization's type, a rating's subject and score).
 *
 * @example
 * const { inserted, updated } = await writeCatalog(store.db, { models: records });
 */
export async function writeCatalog(db: Kysely<Database>, batch: CatalogBatch): Promise<WriteCatalogOutcome> {
  // runImport rejects such records first; this keeps any other caller's NUL from either store (and from
  // PostgreSQL's jsonb, which refuses the `\u0000` escape JSON.stringify writes for it).
  const nul = findNulByte(batch);
  if (nul !== undefined)
    throw new ApertureError(
      'ERR_INVALID_INPUT',
      `catalog batch field ${nulPathText(nul, '(the batch)')} ${NUL_BYTE_MESSAGE}`,
    );
  if (db instanceof Transaction) return writeInTransaction(db, batch);
  return db.transaction().execute((trx) => writeInTransaction(trx, batch));
}

async function writeInTransaction(
  trx: Transaction<Database>,
  batch: CatalogBatch,
): Promise<WriteCatalogOutcome> {
  const resolveOrganization = await writeOrganizations(trx, batch);
  const models = await writeModels(trx, batch.models ?? [], resolveOrganization);
  const modelIds = await ensureReferencedModels(trx, batch, models.ids);
  await writeLineage(trx, batch, modelIds);
  await writeAdoption(trx, batch, modelIds);
  const people = await writePeople(trx, batch);
  const ratings = await writeRatings(trx, batch.ratings ?? [], modelIds);
  const transparency = await writeTransparencyScores(trx, batch);
  const works = await writeWorks(trx, batch);
  // Readers (the API's response cache, ETags) see the new catalog the moment this commits.
  await bumpCatalogVersion(trx);
  const tables = {
    models: models.outcome,
    openness_ratings: ratings,
    transparency_scores: transparency,
    people,
    works,
  };
  const totals = Object.values(tables).reduce(
    (sum, table) => ({ inserted: sum.inserted + table.inserted, updated: sum.updated + table.updated }),
    { inserted: 0, updated: 0 },
  );
  return { ...totals, tables };
}
