import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../store/index.ts';
import { sourceParameter, YEAR_PARAMETERS } from './common-parameters.ts';
import type { IndicatorDefinition, IndicatorParams, IndicatorRow } from './indicator-definition.ts';
import { textParameter } from './indicator-parameter.ts';
import { sortRows } from './indicator-values.ts';
import {
  OPENNESS_BUCKETS,
  OPENNESS_COLUMNS,
  OPENNESS_STATISTICS_TEXT,
  opennessStatistics,
} from './openness-distribution.ts';

/** Which ratings are summarised: Aperture's checker score, or an expert scheme's score. */
const RATINGS = ['aperture', 'mof', 'osai'] as const;

/**
 * The rated items: one per scored model (`aperture`) or per rating of the scheme, with the model row
 * it describes, that row's entity, and the year of the earliest date any row of the entity gives.
 */
function scoredItems(params: IndicatorParams) {
  const rating = String(params.rating ?? 'aperture');
  const year = sql`substr(coalesce((select min(e.date) from models e where e.entity_id = m.entity_id), m.date), 1, 4)`;
  const source =
    typeof params.source === 'string' && params.source !== 'all'
      ? sql`and m.source = ${params.source}`
      : sql``;
  if (rating === 'aperture') {
    return sql`select m.id as item, m.id as model_id, m.entity_id as entity_id, m.openness_score as score, ${year} as year
      from models m where m.openness_score is not null ${source}`;
  }
  return sql`select r.id as item, m.id as model_id, m.entity_id as entity_id, r.score as score, ${year} as year
    from openness_ratings r inner join models m on m.id = r.model_id
    where r.scheme = ${rating} and r.score is not null ${source}`;
}

async function opennessByCountryRows(db: Kysely<Database>, params: IndicatorParams): Promise<IndicatorRow[]> {
  const years = [sql`1 = 1`];
  if (typeof params.from === 'number') years.push(sql`year >= ${String(params.from)}`);
  if (typeof params.to === 'number') years.push(sql`year <= ${String(params.to)}`);
  // The same SQL on both engines: a CTE, union all, distinct, and conditional sums.
  const query = sql<Record<string, unknown>>`with scored as (${scoredItems(params)}),
    placed as (
      select distinct item, score, year, country from (
        select s.item, s.score, s.year, mc.country from scored s
          inner join model_countries mc on mc.model_id = s.model_id
        union all
        select s.item, s.score, s.year, mc.country from scored s
          inner join models e on e.entity_id = s.entity_id
          inner join model_countries mc on mc.model_id = e.id
      ) joined
    )
    select year, country, count(*) as models, sum(score) as total, min(score) as min, max(score) as max,
      ${sql.join(
        OPENNESS_BUCKETS.map(
          (bucket) =>
            sql`sum(case when score >= ${sql.lit(bucket.low)} and score < ${sql.lit(bucket.high)} then 1 else 0 end) as ${sql.ref(bucket.column)}`,
        ),
      )}
    from placed
    where ${sql.join(years, sql` and `)}
    group by year, country`;
  const { rows } = await query.execute(db);
  return sortRows(
    rows.map(
      (record): IndicatorRow => ({
        year: record.year === null || record.year === undefined ? null : Number(record.year),
        country: (record.country as string | null) ?? null,
        ...opennessStatistics(record),
      }),
    ),
    ['year', 'country'],
  );
}

/**
 * Openness score distribution (count, mean, min, max, four buckets) per country per year, of the
 * checker's scores or of an expert scheme's ratings, placed by the countries of every source of the
 * rated model's entity (Epoch's countries for a model the MOT rates).
 *
 * @example
 * const result = await runIndicator(db, 'openness-by-country', { rating: 'mof' });
 */
export const opennessByCountry: IndicatorDefinition = {
  id: 'openness-by-country',
  title: 'Openness score distribution by country per year',
  summary:
    'How open the models of each country are: checker or expert openness scores per country and year, across sources.',
  docs: {
    definition: [
      "Summarises openness scores per country and per year. `rating` chooses the scores: `aperture` (default) the checker's `models.openness_score` (0–100); `mof` the Model Openness Tool ratings (`openness_ratings.score`: progress toward MOF class I, 0–100); `osai` the Open Source AI Index ratings (share of open dimensions, partial counting half, 0–100).",
      "**Across sources:** a rated model is placed by the countries of every row of its entity (rows of other sources matched to it as the same model, see docs/matching.md), so an expert rating of a model Epoch lists counts under Epoch's countries too; family matches do not carry countries. Its year is that of the earliest date any row of the entity gives.",
      '**Counting rule:** a rating counts once for each distinct country so found; ratings of models with no known country are left out. `source` filters the rated rows by their own source.',
      OPENNESS_STATISTICS_TEXT,
    ].join('\n\n'),
  },
  columns: [
    { name: 'year', type: 'integer', description: 'year of publication (empty when the model has no date)' },
    { name: 'country', type: 'text', description: 'ISO 3166-1 alpha-2 code' },
    ...OPENNESS_COLUMNS,
  ],
  chart: { kind: 'line', x: 'year', y: 'mean', series: 'country' },
  sources: ['epoch', 'mot', 'osai', 'release-pack'],
  params: z.object({
    source: sourceParameter('all'),
    rating: textParameter({
      description:
        "whose scores: 'aperture' (the checker's), 'mof' (Model Openness Tool) or 'osai' (OSAI index)",
      default: 'aperture',
      choices: [...RATINGS],
    }),
    ...YEAR_PARAMETERS,
  }),
  run: (db, params) => opennessByCountryRows(db, params),
};
