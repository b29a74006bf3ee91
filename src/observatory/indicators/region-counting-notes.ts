import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../../store/index.ts';
import { modelFilter } from './common-parameters.ts';
import type { IndicatorCountingNotes, IndicatorParams, IndicatorRow } from './indicator-definition.ts';
import { regionOfColumn } from './indicator-sql.ts';
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
  const filter = modelFilter({ source: params.source });
  const region = regionOfColumn('mc.country');
  // A date range rather than the year's text, so the date index finds the year's models.
  const perModel = db
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
    .where('m.date', '>=', String(AI_INDEX_YEAR))
    .where('m.date', '<', String(AI_INDEX_YEAR + 1))
    .where(filter)
    .groupBy('m.id')
    .as('t');
  const total = (condition: RawBuilder<unknown>) =>
    sql<number>`sum(case when ${condition} then 1 else 0 end)`;
  const ref = (column: string) => sql.ref(`t.${column}`);
  const counts = await db
    .selectFrom(perModel)
    .select([
      sql<number>`count(*)`.as('all'),
      total(sql`${ref('countries')} = 0`).as('noCountry'),
      total(sql`${ref('countries')} >= 2`).as('multiCountry'),
      total(sql`${ref('regions')} >= 2`).as('multiRegion'),
      ...NOTED_REGIONS.flatMap((name) => [
        total(sql`${ref(name)} = 1`).as(`any_${name}`),
        total(sql`${ref(name)} = 1 and ${ref('regions')} = 1`).as(`only_${name}`),
      ]),
    ])
    .executeTakeFirstOrThrow();
  const figure = (key: string) => toCount((counts as Record<string, unknown>)[key]);
  const rows: IndicatorRow[] = [
    { year: AI_INDEX_YEAR, region: 'all', counting: 'models dated this year', models: figure('all') },
    {
      year: AI_INDEX_YEAR,
      region: 'all',
      counting: 'no known country (not in any region)',
      models: figure('noCountry'),
    },
    {
      year: AI_INDEX_YEAR,
      region: 'all',
      counting: 'organisations in 2 or more countries',
      models: figure('multiCountry'),
    },
    {
      year: AI_INDEX_YEAR,
      region: 'all',
      counting: 'organisations in 2 or more regions (counted in each)',
      models: figure('multiRegion'),
    },
  ];
  for (const name of NOTED_REGIONS) {
    rows.push({
      year: AI_INDEX_YEAR,
      region: name,
      counting: 'any organisation in the region (as charted)',
      models: figure(`any_${name}`),
    });
    rows.push({
      year: AI_INDEX_YEAR,
      region: name,
      counting: 'the region is the model’s only one',
      models: figure(`only_${name}`),
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
