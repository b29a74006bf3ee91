import type { Kysely } from 'kysely';
import { type CheckReleaseOptions, type CheckReport, checkRelease } from '../../checker/index.ts';
import { ApertureError } from '../../errors.ts';
import type { WatchedRelease } from '../../spec/index.ts';
import type { Database } from '../../store/index.ts';
import { fetchHfListing } from '../importers/fetch-hf-listing.ts';
import { attributeAuthor } from './catalog-country.ts';
import { enqueueDeliveries } from './enqueue-deliveries.ts';
import { toWatchedRelease } from './watched-release-rows.ts';

/** What happened to one watched author in a run. */
export interface WatchedAuthorOutcome {
  author: string;
  /** Models the listing returned. */
  listed: number;
  /** New releases checked and recorded by this run. */
  reported: number;
  /** New releases left for the next run (over the run's check budget, or the Hub was unreachable). */
  deferred: number;
  /** Why the listing failed, in one line; null when it succeeded. */
  error: string | null;
}

/** What a watch run did. */
export interface WatchRunResult {
  startedAt: string;
  finishedAt: string;
  authors: WatchedAuthorOutcome[];
  /** The releases reported by this run (each release is reported by one run only), newest first. */
  releases: WatchedRelease[];
  /** Webhook deliveries queued (sent apart, see deliverDueWebhooks). */
  deliveriesQueued: number;
}

/** One step of a run, for progress output. */
export type WatchProgress =
  | { phase: 'list'; author: string }
  | { phase: 'check'; author: string; repoId: string; index: number; total: number }
  | { phase: 'reported'; release: WatchedRelease };

/** Options of runWatch. */
export interface RunWatchOptions {
  /** Most releases checked in one run (the newest first); the rest wait for the next run. 20 by default. */
  maxChecks?: number;
  /** Only these authors (they must be watched); every watched author by default. */
  authors?: readonly string[];
  /** Whether the checker follows the releases' links (as `aperture check` does); its default otherwise. */
  follow?: false;
  /** Environment for HF_ENDPOINT and HF_TOKEN; process.env by default. */
  env?: Record<string, string | undefined>;
  now?: () => Date;
  onProgress?: (event: WatchProgress) => void;
  /** How a release is checked (tests inject one); the checker's checkRelease by default. */
  check?: (target: string, options: CheckReleaseOptions) => Promise<CheckReport>;
}

/** A listed model the run has not reported yet. */
interface Candidate {
  repoId: string;
  createdAt: string | null;
  license: string | null;
  accessibility: string;
}

function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]!.slice(0, 500);
}

/** Failures worth retrying next run (the Hub or a linked host is unreachable) rather than recording. */
function isTransient(error: unknown): boolean {
  return error instanceof ApertureError && error.code === 'ERR_SOURCE_UNAVAILABLE';
}

async function listNew(
  db: Kysely<Database>,
  author: string,
  since: string | null,
  env: Record<string, string | undefined>,
): Promise<{ listed: number; fresh: Candidate[] }> {
  const candidates: Candidate[] = [];
  let listed = 0;
  for await (const item of fetchHfListing({ author, env })) {
    if (item.kind !== 'record') continue;
    listed++;
    const { model } = item.value;
    const createdAt = model.published.text === '' ? null : model.published.text;
    if (since !== null && (model.published.iso === null || model.published.iso < since)) continue;
    candidates.push({
      repoId: model.name,
      createdAt,
      license: model.accessibilityText === '' ? null : model.accessibilityText,
      accessibility: model.accessibility,
    });
  }
  const seen = new Set<string>();
  const keys = candidates.map((candidate) => candidate.repoId.toLowerCase());
  for (let start = 0; start < keys.length; start += 500) {
    const rows = await db
      .selectFrom('watch_releases')
      .select('repo_key')
      .where('repo_key', 'in', keys.slice(start, start + 500))
      .execute();
    for (const row of rows) seen.add(row.repo_key);
  }
  const fresh = candidates.filter((candidate) => !seen.has(candidate.repoId.toLowerCase()));
  // Newest first, so a budget-limited run reports the latest releases; undated ones last.
  fresh.sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''));
  return { listed, fresh };
}

/**
 * One run of the release watch: lists the models of every watched Hub author (fetchHfListing, on
 * HF_ENDPOINT), checks each one not reported before with the checker, as `aperture check hf:org/name`
 * does (following its links), and records it with its openness (score, MOF class, open-washing flag,
 * the country of its organization) and the webhook deliveries it calls for, in one transaction per
 * release. Idempotent: a release is reported by one run only; a release whose check could not reach the
 * Hub is retried by the next run, one whose check failed otherwise is recorded with the reason. A
 * listing that fails is reported for that author and never stops the others. Sends nothing: deliveries
 * go out apart (deliverDueWebhooks), so a receiver never holds a run.
 *
 * @example
 * const result = await runWatch(store.db, { maxChecks: 10 });
 * for (const release of result.releases) console.log(release.repoId, release.opennessScore);
 */
export async function runWatch(db: Kysely<Database>, options: RunWatchOptions = {}): Promise<WatchRunResult> {
  const now = options.now ?? (() => new Date());
  const env = options.env ?? process.env;
  const check = options.check ?? checkRelease;
  const maxChecks = options.maxChecks ?? 20;
  if (!Number.isSafeInteger(maxChecks) || maxChecks < 1)
    throw new ApertureError(
      'ERR_USAGE',
      `the check budget must be a positive whole number, not ${maxChecks}`,
    );
  const startedAt = now().toISOString();
  let watches = await db.selectFrom('watched_organizations').selectAll().orderBy('author_key').execute();
  if (options.authors !== undefined) {
    const wanted = new Set(options.authors.map((author) => author.toLowerCase()));
    for (const author of wanted)
      if (!watches.some((watch) => watch.author_key === author))
        throw new ApertureError(
          'ERR_NOT_FOUND',
          `${JSON.stringify(author)} is not watched; add it with aperture watch add`,
        );
    watches = watches.filter((watch) => wanted.has(watch.author_key));
  }

  const authors: WatchedAuthorOutcome[] = [];
  const releases: WatchedRelease[] = [];
  let budget = maxChecks;
  let deliveriesQueued = 0;
  for (const watch of watches) {
    const outcome: WatchedAuthorOutcome = {
      author: watch.author,
      listed: 0,
      reported: 0,
      deferred: 0,
      error: null,
    };
    authors.push(outcome);
    options.onProgress?.({ phase: 'list', author: watch.author });
    let fresh: Candidate[];
    try {
      const listing = await listNew(db, watch.author, watch.since, env);
      outcome.listed = listing.listed;
      fresh = listing.fresh;
    } catch (error) {
      outcome.error = oneLine(error);
      await db
        .updateTable('watched_organizations')
        .set({ last_run_at: now().toISOString(), last_error: outcome.error })
        .where('id', '=', watch.id)
        .execute();
      continue;
    }
    const attribution = await attributeAuthor(db, watch);
    // The newest within the budget, checked oldest first, so the feed's order follows the Hub's dates.
    const toCheck = fresh.slice(0, budget).reverse();
    outcome.deferred = fresh.length - toCheck.length;
    budget -= toCheck.length;
    for (const [index, candidate] of toCheck.entries()) {
      options.onProgress?.({
        phase: 'check',
        author: watch.author,
        repoId: candidate.repoId,
        index: index + 1,
        total: toCheck.length,
      });
      let report: CheckReport | null = null;
      let checkError: string | null = null;
      try {
        report = await check(`hf:${candidate.repoId}`, options.follow === false ? { follow: false } : {});
      } catch (error) {
        if (isTransient(error)) {
          outcome.deferred++;
          outcome.error ??= `${candidate.repoId}: ${oneLine(error)}`;
          continue;
        }
        checkError = oneLine(error);
      }
      const checkedAt = now();
      const profile = report?.profile ?? null;
      const endpoint = (env.HF_ENDPOINT || 'https://huggingface.co').replace(/\/+$/, '');
      const release = await db.transaction().execute(async (trx) => {
        const inserted = await trx
          .insertInto('watch_releases')
          .values({
            repo_id: candidate.repoId,
            repo_key: candidate.repoId.toLowerCase(),
            author: watch.author,
            watched_id: watch.id,
            organization: attribution.organization,
            country: attribution.country,
            created_at: candidate.createdAt,
            discovered_at: checkedAt.toISOString(),
            checked_at: checkedAt.toISOString(),
            status: profile ? 'checked' : 'check-failed',
            check_error: checkError,
            revision: profile?.source.revision ?? null,
            license: candidate.license,
            accessibility: candidate.accessibility,
            openness_score: profile?.score ?? null,
            mof_class: profile?.mof.class ?? null,
            // A release that does not call itself open source is not open-washing (as the catalog records it).
            open_washing: profile ? (profile.openWashing?.flagged ? 1 : 0) : null,
            open_washing_reason: profile?.openWashing?.reason ?? null,
            profile: profile ? JSON.stringify(profile) : null,
            link: `${endpoint}/${candidate.repoId}`,
          })
          // Another run reported it meanwhile: report it once.
          .onConflict((conflict) => conflict.column('repo_key').doNothing())
          .returningAll()
          .executeTakeFirst();
        if (inserted === undefined) return null;
        const recorded = toWatchedRelease(inserted);
        deliveriesQueued += await enqueueDeliveries(trx, recorded, checkedAt);
        return recorded;
      });
      if (release === null) continue;
      outcome.reported++;
      releases.push(release);
      options.onProgress?.({ phase: 'reported', release });
    }
    await db
      .updateTable('watched_organizations')
      .set({ last_run_at: now().toISOString(), last_error: outcome.error })
      .where('id', '=', watch.id)
      .execute();
  }
  releases.sort((a, b) => b.id - a.id);
  return { startedAt, finishedAt: now().toISOString(), authors, releases, deliveriesQueued };
}
