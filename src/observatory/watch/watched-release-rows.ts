import type { Kysely, Selectable } from 'kysely';
import type { ReleaseFilters, WatchedRelease, WatchedReleasePage } from '../../spec/index.ts';
import type { Database } from '../../store/index.ts';
import { releaseFilterCondition } from './release-filters.ts';

/** A `watch_releases` row as the API, the feed and the webhooks show it. */
export function toWatchedRelease(row: Selectable<Database['watch_releases']>): WatchedRelease {
  return {
    id: Number(row.id),
    repoId: row.repo_id,
    author: row.author,
    organization: row.organization,
    country: row.country,
    createdAt: row.created_at,
    discoveredAt: row.discovered_at,
    checkedAt: row.checked_at,
    status: row.status,
    checkError: row.check_error,
    revision: row.revision,
    license: row.license,
    accessibility: row.accessibility,
    opennessScore: row.openness_score === null ? null : Number(row.openness_score),
    mofClass: row.mof_class,
    openWashing: row.open_washing === null ? null : Number(row.open_washing) === 1,
    openWashingReason: row.open_washing_reason,
    link: row.link,
  };
}

/**
 * The releases the watch found that pass the filters, newest first (by discovery, then id), a page at a
 * time.
 *
 * @example
 * const { items, total } = await listWatchedReleases(store.db, { country: 'FR' }, { page: 1, pageSize: 50 });
 */
export async function listWatchedReleases(
  db: Kysely<Database>,
  filters: ReleaseFilters,
  paging: { page: number; pageSize: number },
): Promise<WatchedReleasePage> {
  const filtered = db.selectFrom('watch_releases').where((eb) => releaseFilterCondition(eb, filters));
  const [rows, count] = await Promise.all([
    filtered
      .selectAll()
      .orderBy('discovered_at', 'desc')
      .orderBy('id', 'desc')
      .limit(paging.pageSize)
      .offset((paging.page - 1) * paging.pageSize)
      .execute(),
    filtered.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map(toWatchedRelease),
    page: paging.page,
    pageSize: paging.pageSize,
    total: Number(count.total),
  };
}
