import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { IndicatorParams } from './indicator-definition.ts';
import { type IndicatorParameterSchema, integerParameter, textParameter } from './indicator-parameter.ts';
import { yearOf } from './indicator-sql.ts';

/** `source`: which catalog source's models count (`all` for every source). */
export function sourceParameter(defaultSource: string): IndicatorParameterSchema {
  return textParameter({
    description:
      "models of this catalog source only (epoch, hf, mot, osai, release-pack, demo), or 'all' for every source",
    default: defaultSource,
  });
}

/** `from` and `to`: the first and last year shown (inclusive); `from` may not be after `to`. */
export const YEAR_PARAMETERS = {
  from: integerParameter({ description: 'first year shown (inclusive)', min: 1900, max: 2200 }),
  to: integerParameter({ description: 'last year shown (inclusive)', min: 1900, max: 2200 }),
} as const;

/**
 * The condition the `source`, `from` and `to` parameters put on the models aliased `alias`: the
 * source (unless `all`), and the year of `date` within the range (undated models never match a range).
 */
export function modelFilter(params: IndicatorParams, alias = 'm'): RawBuilder<SqlBool> {
  const conditions = [sql`1 = 1`];
  const { source, from, to } = params;
  if (typeof source === 'string' && source !== 'all') {
    conditions.push(sql`${sql.ref(`${alias}.source`)} = ${source}`);
  }
  if (typeof from === 'number') conditions.push(sql`${yearOf(`${alias}.date`)} >= ${String(from)}`);
  if (typeof to === 'number') conditions.push(sql`${yearOf(`${alias}.date`)} <= ${String(to)}`);
  return sql<SqlBool>`(${sql.join(conditions, sql` and `)})`;
}

/** The condition that a `date` column holds at least a year. */
export function hasYear(column: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${sql.ref(column)} is not null and length(${sql.ref(column)}) >= 4)`;
}
