import { type ExpressionBuilder, sql } from 'kysely';
import type { MofClassName, ReleaseFilters, WatchedRelease } from '../../spec/index.ts';
import type { Database } from '../../store/index.ts';

/** The classes that reach at least `wanted` (I is the most open class, III the least). */
export function classesAtLeast(wanted: MofClassName): MofClassName[] {
  return wanted === 'I' ? ['I'] : wanted === 'II' ? ['I', 'II'] : ['I', 'II', 'III'];
}

/**
 * The SQL condition of release filters over `watch_releases`, for the feed and the release list: the
 * same answer on SQLite and PostgreSQL (organization compared lower-cased, ASCII Hub names).
 *
 * @example
 * db.selectFrom('watch_releases').selectAll().where((eb) => releaseFilterCondition(eb, { country: 'FR' }));
 */
export function releaseFilterCondition(
  eb: ExpressionBuilder<Database, 'watch_releases'>,
  filters: ReleaseFilters,
) {
  const conditions = [];
  if (filters.organization !== undefined) {
    const wanted = filters.organization.toLowerCase();
    conditions.push(
      eb.or([
        eb(sql<string>`lower(${sql.ref('author')})`, '=', wanted),
        eb(sql<string>`lower(${sql.ref('organization')})`, '=', wanted),
      ]),
    );
  }
  if (filters.country !== undefined) conditions.push(eb('country', '=', filters.country.toUpperCase()));
  if (filters.minScore !== undefined) conditions.push(eb('openness_score', '>=', filters.minScore));
  if (filters.mofClass !== undefined)
    conditions.push(eb('mof_class', 'in', classesAtLeast(filters.mofClass)));
  if (filters.openWashing !== undefined)
    conditions.push(eb('open_washing', '=', filters.openWashing ? 1 : 0));
  return eb.and(conditions);
}

/**
 * Whether one release passes the filters: the same rules as releaseFilterCondition, in memory (a webhook
 * subscription judges each new release so).
 *
 * @example
 * releaseMatches(release, { minScore: 50 }) // false for a release scored 40 or unscored
 */
export function releaseMatches(release: WatchedRelease, filters: ReleaseFilters): boolean {
  if (filters.organization !== undefined) {
    const wanted = filters.organization.toLowerCase();
    if (release.author.toLowerCase() !== wanted && release.organization?.toLowerCase() !== wanted)
      return false;
  }
  if (filters.country !== undefined && release.country !== filters.country.toUpperCase()) return false;
  if (
    filters.minScore !== undefined &&
    (release.opennessScore === null || release.opennessScore < filters.minScore)
  )
    return false;
  if (
    filters.mofClass !== undefined &&
    !(classesAtLeast(filters.mofClass) as string[]).includes(release.mofClass ?? '')
  )
    return false;
  if (filters.openWashing !== undefined && release.openWashing !== filters.openWashing) return false;
  return true;
}
