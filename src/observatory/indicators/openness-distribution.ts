import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../../store/index.ts';
import { modelFilter } from './common-parameters.ts';
import type { IndicatorColumn, IndicatorParams, IndicatorRow } from './indicator-definition.ts';
import { yearOf } from './indicator-sql.ts';
import { roundTo, sortRows, toCount, toNumber } from './indicator-values.ts';

/** The score buckets: column name and the half-open range [low, high) of openness scores (0–100). */
export const OPENNESS_BUCKETS = [
  { column: 'score0to24', low: 0, high: 25 },
  { column: 'score25to49', low: 25, high: 50 },
  { column: 'score50to74', low: 50, high: 75 },
  { column: 'score75to100', low: 75, high: 101 },
] as const;

/** The columns after the grouping column. */
export const OPENNESS_COLUMNS: readonly IndicatorColumn[] = [
  { name: 'models', type: 'integer', description: 'models with an openness score' },
  { name: 'mean', type: 'number', description: 'mean openness score (0–100), 2 decimals' },
  { name: 'min', type: 'number', description: 'lowest openness score' },
  { name: 'max', type: 'number', description: 'highest openness score' },
  ...OPENNESS_BUCKETS.map(
    (bucket): IndicatorColumn => ({
      name: bucket.column,
      type: 'integer',
      description: `models scoring ${bucket.low} to ${bucket.high === 101 ? 100 : `under ${bucket.high}`}`,
    }),
  ),
];

/** Explains the statistics, shared by the openness indicators' definitions. */
export const OPENNESS_STATISTICS_TEXT =
  '**Statistics:** count, mean (rounded to 2 decimals after the query), minimum, maximum, and counts in four buckets of the score: 0–24.99, 25–49.99, 50–74.99, 75–100. Buckets rather than quartiles because percentiles are computed differently by SQLite and PostgreSQL (PostgreSQL has `percentile_cont`, SQLite none), whereas conditional counts give identical answers on both. Models without an openness score are left out; a model without a date is counted under an empty year.';

/**
 * The openness score distribution of the models (aliased `m`) per year and per `group` (an
 * expression over the joined tables), with `join` adding the tables the group needs.
 */
export async function opennessDistribution(
  db: Kysely<Database>,
  params: IndicatorParams,
  groupName: string,
  group: RawBuilder<string | null>,
  join: 'countries' | 'organizations',
): Promise<IndicatorRow[]> {
  const score = sql.ref('m.openness_score');
  const year = yearOf('m.date');
  // The group expression is raw SQL over the joined alias, so the join only has to be there.
  const rows = await db
    .selectFrom('models as m')
    .$if(join === 'countries', (query) => query.innerJoin('model_countries as mc', 'mc.model_id', 'm.id'))
    .$if(join === 'organizations', (query) =>
      query.leftJoin('organizations as o', 'o.id', 'm.organization_id'),
    )
    .select([
      year.as('year'),
      group.as('grp'),
      sql<number>`count(*)`.as('models'),
      sql<number>`sum(${score})`.as('total'),
      sql<number>`min(${score})`.as('min'),
      sql<number>`max(${score})`.as('max'),
      ...OPENNESS_BUCKETS.map((bucket) =>
        sql<number>`sum(case when ${score} >= ${sql.lit(bucket.low)} and ${score} < ${sql.lit(bucket.high)} then 1 else 0 end)`.as(
          bucket.column,
        ),
      ),
    ])
    .where(sql<boolean>`${score} is not null`)
    .where(modelFilter(params))
    .groupBy([year, group])
    .execute();
  return sortRows(
    rows.map((row) => {
      const record = row as Record<string, unknown>;
      return {
        year: record.year === null ? null : Number(record.year),
        [groupName]: (record.grp as string | null) ?? null,
        ...opennessStatistics(record),
      };
    }),
    ['year', groupName],
  );
}

/**
 * The statistics columns (OPENNESS_COLUMNS) of one grouped row as the query returns it (`models`,
 * `total`, `min`, `max` and one count per bucket, numbers or numeric strings by dialect): counts as
 * integers, the mean rounded to 2 decimals after the query, null where no model has a score.
 *
 * @example
 * opennessStatistics({ models: '2', total: 90, min: 40, max: 50, score0to24: 0, score25to49: 1, score50to74: 1, score75to100: 0 });
 * // { models: 2, mean: 45, min: 40, max: 50, score0to24: 0, score25to49: 1, score50to74: 1, score75to100: 0 }
 */
export function opennessStatistics(record: Readonly<Record<string, unknown>>): IndicatorRow {
  const models = toCount(record.models);
  const total = toNumber(record.total) ?? 0;
  const statistics: IndicatorRow = {
    models,
    mean: models === 0 ? null : roundTo(total / models, 2),
    min: toNumber(record.min),
    max: toNumber(record.max),
  };
  for (const bucket of OPENNESS_BUCKETS) statistics[bucket.column] = toCount(record[bucket.column]);
  return statistics;
}
