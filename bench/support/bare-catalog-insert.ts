import type BetterSqlite3 from 'better-sqlite3';
import { type ModelRecord, type OrganizationRecord, regionOf } from '../../src/observatory/index.ts';

/** Country names as the catalog writer stores them. */
const COUNTRY_NAMES = new Intl.DisplayNames(['en'], { type: 'region' });

/** What a bare load wrote. */
export interface BareInsertCounts {
  organizations: number;
  models: number;
  modelCountries: number;
}

/**
 * The import baseline: prepared `insert` statements run in a plain loop, one transaction per batch, on
 * a raw better-sqlite3 connection. It writes the same columns as the catalog writer (organizations,
 * models, model_countries) and nothing else: no upsert, no lookup, no validation. Any importer must
 * do at least this much.
 *
 * @example
 * const insert = bareCatalogInserter(connection);
 * insert.organizations(generateOrganizations());
 * for (const batch of batches) insert.models(batch);
 */
export function bareCatalogInserter(connection: BetterSqlite3.Database) {
  const insertOrganization = connection.prepare(
    `insert into organizations (name, country, country_name, region, type, source, source_url)
     values (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertModel = connection.prepare(
    `insert into models (source, external_id, organization_id, name, date, domain, parameters,
       training_compute_flop, accessibility, openness_score, mof_class, profile, source_url, external_ids)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, null, null, null, ?, null)`,
  );
  const insertCountry = connection.prepare('insert into model_countries (model_id, country) values (?, ?)');
  const organizationIds = new Map<string, number>();
  const counts: BareInsertCounts = { organizations: 0, models: 0, modelCountries: 0 };

  const organizations = connection.transaction((records: readonly OrganizationRecord[]) => {
    for (const record of records) {
      const country = record.countries[0] ?? null;
      const { lastInsertRowid } = insertOrganization.run(
        record.name,
        country,
        country === null ? null : (COUNTRY_NAMES.of(country) ?? null),
        country === null ? null : regionOf(country),
        record.kind,
        record.source.source,
        null,
      );
      organizationIds.set(record.name, Number(lastInsertRowid));
      counts.organizations++;
    }
  });

  const models = connection.transaction((records: readonly ModelRecord[]) => {
    for (const record of records) {
      const first = record.organizations[0];
      const { lastInsertRowid } = insertModel.run(
        record.source.source,
        record.name,
        first === undefined ? null : (organizationIds.get(first) ?? null),
        record.name,
        record.published.iso,
        record.domains.join(', ') || null,
        record.parameters,
        record.trainingComputeFlop,
        record.accessibility,
        record.link,
      );
      for (const country of record.countries) {
        insertCountry.run(lastInsertRowid, country);
        counts.modelCountries++;
      }
      counts.models++;
    }
  });

  return { organizations, models, counts };
}
