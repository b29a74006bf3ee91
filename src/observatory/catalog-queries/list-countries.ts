import type { Kysely } from 'kysely';
import { type CountrySummary, OPEN_ACCESSIBILITIES } from '../../spec/index.ts';
import type { Database } from '../../store/index.ts';
import { countryNameOf } from '../country-codes.ts';
import { regionOf } from '../regions.ts';

/**
 * Every country that has a model or an organization, most models first (then by code). Two grouped
 * queries, whatever the number of countries.
 *
 * @example
 * const [top] = await listCountries(db); // { country: 'US', modelCount: …, … }
 */
export async function listCountries(db: Kysely<Database>): Promise<CountrySummary[]> {
  const [modelRows, organizationRows] = await Promise.all([
    db
      .selectFrom('model_countries')
      .innerJoin('models', 'models.id', 'model_countries.model_id')
      .select((eb) => [
        'model_countries.country',
        eb.fn.countAll<number>().as('model_count'),
        eb.fn
          .sum<number>(
            eb
              .case()
              .when('models.accessibility', 'in', [...OPEN_ACCESSIBILITIES])
              .then(1)
              .else(0)
              .end(),
          )
          .as('open_model_count'),
      ])
      .groupBy('model_countries.country')
      .execute(),
    db
      .selectFrom('organizations')
      .select((eb) => ['country', eb.fn.countAll<number>().as('organization_count')])
      .where('country', 'is not', null)
      .groupBy('country')
      .execute(),
  ]);
  const byCountry = new Map<string, CountrySummary>();
  const entry = (code: string): CountrySummary => {
    let found = byCountry.get(code);
    if (!found) {
      found = {
        country: code,
        countryName: countryNameOf(code),
        region: regionOf(code),
        modelCount: 0,
        openModelCount: 0,
        organizationCount: 0,
      };
      byCountry.set(code, found);
    }
    return found;
  };
  for (const row of modelRows) {
    const found = entry(row.country);
    found.modelCount = Number(row.model_count);
    found.openModelCount = Number(row.open_model_count ?? 0);
  }
  for (const row of organizationRows) {
    if (row.country !== null) entry(row.country).organizationCount = Number(row.organization_count);
  }
  return [...byCountry.values()].sort(
    (a, b) => b.modelCount - a.modelCount || (a.country < b.country ? -1 : a.country > b.country ? 1 : 0),
  );
}
