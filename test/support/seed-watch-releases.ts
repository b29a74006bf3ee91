import type { Kysely } from 'kysely';
import { toWatchedRelease } from '../../src/observatory/index.ts';
import type { WatchedRelease } from '../../src/spec/index.ts';
import type { Database } from '../../src/store/index.ts';

/** A release as the watch would record it, with the fields a test sets. */
export interface SeedRelease {
  repoId: string;
  country?: string | null;
  organization?: string | null;
  score?: number | null;
  mofClass?: string | null;
  openWashing?: boolean | null;
  discoveredAt?: string;
  status?: 'checked' | 'check-failed';
  reason?: string | null;
}

/**
 * Writes releases into `watch_releases` as a watch run records them (no Hub, no checker), in order, and
 * returns them as the API shows them.
 *
 * @example
 * const [release] = await seedWatchReleases(store.db, [{ repoId: 'lab/model', country: 'FR', score: 70 }]);
 */
export async function seedWatchReleases(
  db: Kysely<Database>,
  releases: SeedRelease[],
): Promise<WatchedRelease[]> {
  const out: WatchedRelease[] = [];
  for (const [index, release] of releases.entries()) {
    const at = release.discoveredAt ?? new Date(Date.UTC(2026, 0, 1, 0, index)).toISOString();
    const row = await db
      .insertInto('watch_releases')
      .values({
        repo_id: release.repoId,
        repo_key: release.repoId.toLowerCase(),
        author: release.repoId.split('/')[0]!,
        organization: release.organization ?? null,
        country: release.country ?? null,
        discovered_at: at,
        checked_at: at,
        status: release.status ?? 'checked',
        check_error: release.status === 'check-failed' ? 'the Hub said no' : null,
        openness_score: release.score ?? null,
        mof_class: release.mofClass ?? null,
        open_washing:
          release.openWashing === undefined || release.openWashing === null
            ? null
            : release.openWashing
              ? 1
              : 0,
        open_washing_reason: release.reason ?? null,
        link: `https://huggingface.co/${release.repoId}`,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    out.push(toWatchedRelease(row));
  }
  return out;
}
