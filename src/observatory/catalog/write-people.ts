import type { Transaction } from 'kysely';
import { type Database, upsertRows } from '../../store/index.ts';
import type { CatalogBatch, TableOutcome } from './catalog-batch.ts';
import { lookUpInChunks, NOTHING_WRITTEN, outcomeOf, WHOLE_BATCH } from './table-writes.ts';

/**
 * Upserts people by (source, external id), then their affiliations by (person, institution) with the
 * first and last year; an affiliation of a person not in the catalog is skipped. Returns the people's
 * outcome.
 */
export async function writePeople(trx: Transaction<Database>, batch: CatalogBatch): Promise<TableOutcome> {
  const people = batch.people ?? [];
  const affiliations = batch.affiliations ?? [];
  if (people.length === 0 && affiliations.length === 0) return { ...NOTHING_WRITTEN };
  const source = people[0]?.source.source ?? affiliations[0]!.source.source;
  const rows = people.map((person) => ({
    source: person.source.source,
    external_id: person.id,
    name: person.name,
    orcid: person.orcid,
  }));
  const { inserted } = await upsertRows(trx, 'people', rows, ['source', 'external_id'], WHOLE_BATCH);
  const outcome = outcomeOf(people.length, inserted);

  const found = await lookUpInChunks(
    [...people.map((person) => person.id), ...affiliations.map((affiliation) => affiliation.personId)],
    (part) =>
      trx
        .selectFrom('people')
        .select(['id', 'external_id'])
        .where('external_id', 'in', part)
        .where('source', '=', source)
        .execute(),
  );
  const ids = new Map(found.map((row) => [String(row.external_id), Number(row.id)]));
  const affiliationRows = affiliations.flatMap((affiliation) => {
    const personId = ids.get(affiliation.personId);
    if (personId === undefined) return [];
    const years = affiliation.years.filter((year) => Number.isInteger(year));
    return [
      {
        person_id: personId,
        institution: affiliation.institution.name,
        institution_external_id: affiliation.institution.id || null,
        institution_type: affiliation.institution.type,
        country: affiliation.institution.country,
        start_year: years.length > 0 ? Math.min(...years) : null,
        end_year: years.length > 0 ? Math.max(...years) : null,
      },
    ];
  });
  await upsertRows(trx, 'affiliations', affiliationRows, ['person_id', 'institution'], WHOLE_BATCH);
  return outcome;
}
