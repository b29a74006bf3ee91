import { type Kysely, sql } from 'kysely';
import type { Database } from '../../store/index.ts';
import { hasYear, modelFilter } from './common-parameters.ts';
import type { IndicatorCountingNotes, IndicatorParams, IndicatorRow } from './indicator-definition.ts';
import { regionOfColumn, yearOf } from './indicator-sql.ts';
import { toCount } from './indicator-values.ts';

/** The year the AI Index 2025 counted (its notable models of 2024), which the notes describe. */
export const AI_INDEX_YEAR = 2024;

/** The regions the AI Index reports, in its order. */
const NOTED_REGIONS = ['us', 'china', 'europe'] as const;

/**
 * How the catalog counts the models of AI_INDEX_YEAR, computed with the indicator's `source` (its
 * `from`/`to` do not narrow the notes: they are always about that year): all dated models of the year,
 * those with no known country, those with organisations in two or more countries and in two or more
 * regions, and for the US, China and Europe the count with any organisation there (what the chart shows)
 * beside the count of models whose only region it is.
 *
 * @example
 * const rows = await regionCountingNotes(db, { source: 'epoch' });
 */
export async function regionCountingNotes(
  db: Kysely<Database>,
  params: IndicatorParams,
): Promise<IndicatorRow[]> {
  const year = String(AI_INDEX_YEAR);
  const filter = modelFilter({ source: params.source });
  const region = regionOfColumn('mc.country');
  const perModel = await db
    .selectFrom('models as m')
    .leftJoin('model_countries as mc', 'mc.model_id', 'm.id')
    .select([
      'm.id as id',
      sql<number>`count(${sql.ref('mc.country')})`.as('countries'),
      sql<number>`count(distinct case when ${sql.ref('mc.country')} is null then null else ${region} end)`.as(
        'regions',
      ),
      ...NOTED_REGIONS.map((name) =>
        sql<number>`max(case when ${sql.ref('mc.country')} is not null and ${region} = ${name} then 1 else 0 end)`.as(
          name,
        ),
      ),
    ])
    .where(hasYear('m.date'))
    .where(yearOf('m.date'), '=', year)
    .where(filter)
    .groupBy('m.id')
    .execute();

  const count = (test: (row: (typeof perModel)[number]) => boolean) => perModel.filter(test).length;
  const rows: IndicatorRow[] = [
    { year: AI_INDEX_YEAR, region: 'all', counting: 'models dated this year', models: perModel.length },
    {
      year: AI_INDEX_YEAR,
      region: 'all',
      counting: 'no known country (not in any region)',
      models: count((row) => toCount(row.countries) === 0),
    },
    {
      year: AI_INDEX_YEAR,
      region: 'all',
      counting: 'organisations in 2 or more countries',
      models: count((row) => toCount(row.countries) >= 2),
    },
    {
      year: AI_INDEX_YEAR,
      region: 'all',
      counting: 'organisations in 2 or more regions (counted in each)',
      models: count((row) => toCount(row.regions) >= 2),
    },
  ];
  for (const name of NOTED_REGIONS) {
    rows.push({
      year: AI_INDEX_YEAR,
      region: name,
      counting: 'any organisation in the region (as charted)',
      models: count((row) => toCount(row[name]) === 1),
    });
    rows.push({
      year: AI_INDEX_YEAR,
      region: name,
      counting: 'the region is the model’s only one',
      models: count((row) => toCount(row[name]) === 1 && toCount(row.regions) === 1),
    });
  }
  return rows;
}

/** The counting notes of models-per-region and models-per-country (see regionCountingNotes). */
export const REGION_COUNTING_NOTES: IndicatorCountingNotes = {
  label: `How this catalog counts ${AI_INDEX_YEAR} (computed from the loaded data)`,
  citation: {
    title: 'Aperture: this catalog, as loaded (the API answer of models-per-region)',
    url: '/api/indicators/models-per-region',
    note: `Computed now from the models of ${AI_INDEX_YEAR} in this catalog (with the same source parameter), not published figures: how many are multi-country or have no country, and each region counted by any organisation or only when it is the model’s sole region.`,
  },
  run: regionCountingNotes,
};
