import { type RawBuilder, sql } from 'kysely';
import { EUROPE_COUNTRY_CODES } from '../regions.ts';

/*
 * SQL fragments every indicator shares. Each is plain SQL that SQLite and PostgreSQL both read the
 * same way (substr, case, ||), so the indicators give identical answers on both.
 */

/** The year of an ISO date column (its first four characters). */
export function yearOf(column: string): RawBuilder<string> {
  return sql<string>`substr(${sql.ref(column)}, 1, 4)`;
}

/** `YYYY-Qn` of an ISO date column with at least a month, else null. */
export function quarterOf(column: string): RawBuilder<string | null> {
  const date = sql.ref(column);
  return sql<string | null>`case when length(${date}) >= 7 then substr(${date}, 1, 4) || '-Q' || (case
    when substr(${date}, 6, 2) in ('01', '02', '03') then '1'
    when substr(${date}, 6, 2) in ('04', '05', '06') then '2'
    when substr(${date}, 6, 2) in ('07', '08', '09') then '3'
    when substr(${date}, 6, 2) in ('10', '11', '12') then '4'
    else null end) else null end`;
}

/** The observatory region (`us`, `china`, `europe`, `rest`) of an ISO country column, as regionOf says. */
export function regionOfColumn(column: string): RawBuilder<string> {
  const country = sql.ref(column);
  const europe = [...EUROPE_COUNTRY_CODES].sort().map((code) => sql.lit(code));
  return sql<string>`case when ${country} = 'US' then 'us' when ${country} = 'CN' then 'china' when ${country} in (${sql.join(europe)}) then 'europe' else 'rest' end`;
}
