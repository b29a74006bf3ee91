import countries from 'i18n-iso-countries';
import type { Kysely, Selectable } from 'kysely';
import { ApertureError } from '../../errors.ts';
import { parseHubAuthor } from '../../hub/index.ts';
import type { Database } from '../../store/index.ts';

/** A watched Hub author as the CLI and the API show it. */
export interface WatchedOrganization {
  author: string;
  /** The catalog organization it is mapped to (for its country), if any. */
  organization: string | null;
  /** The country given with the watch (wins over the catalog organization's). */
  country: string | null;
  /** Releases created before this day are not reported. */
  since: string | null;
  addedAt: string;
  lastRunAt: string | null;
  lastError: string | null;
}

/** Options of addWatchedOrganization. */
export interface AddWatchOptions {
  /** The catalog organization the author stands for. */
  organization?: string;
  /** ISO 3166-1 alpha-2 code of the organization. */
  country?: string;
  /** YYYY-MM-DD: older releases are not reported. */
  since?: string;
  now?: () => Date;
}

function parseCountry(text: string): string {
  const code = text.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(code) || !countries.isValid(code))
    throw new ApertureError(
      'ERR_USAGE',
      `country ${JSON.stringify(text.slice(0, 40))} is not an ISO 3166-1 alpha-2 code (e.g. FR)`,
    );
  return code;
}

function parseSince(text: string): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00Z`) : null;
  if (day === null || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== text)
    throw new ApertureError('ERR_USAGE', `--since takes a day as YYYY-MM-DD, not ${JSON.stringify(text)}`);
  return text;
}

function parseOrganization(text: string): string {
  const name = text.trim();
  if (name === '' || name.length > 300 || hasControlCharacter(name))
    throw new ApertureError('ERR_USAGE', 'the organization name must be 1–300 printable characters');
  return name;
}

function toWatched(row: Selectable<Database['watched_organizations']>): WatchedOrganization {
  return {
    author: row.author,
    organization: row.organization,
    country: row.country,
    since: row.since,
    addedAt: row.added_at,
    lastRunAt: row.last_run_at,
    lastError: row.last_error,
  };
}

/**
 * Watches a Hub author (user or organization): the next watch run lists its models and reports the new
 * ones. Adding an author already watched updates the parts of its mapping given (organization, country,
 * since), keeps the others and what was seen. Throws ERR_USAGE for an author the Hub would not accept, a bad country or day.
 *
 * @example
 * await addWatchedOrganization(store.db, 'allenai', { organization: 'Allen Institute for AI', country: 'US' });
 */
export async function addWatchedOrganization(
  db: Kysely<Database>,
  author: string,
  options: AddWatchOptions = {},
): Promise<{ watched: WatchedOrganization; created: boolean }> {
  const name = parseHubAuthor(author);
  const values = {
    organization: options.organization === undefined ? null : parseOrganization(options.organization),
    country: options.country === undefined ? null : parseCountry(options.country),
    since: options.since === undefined ? null : parseSince(options.since),
  };
  const now = (options.now ?? (() => new Date()))().toISOString();
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('watched_organizations')
      .select('id')
      .where('author_key', '=', name.toLowerCase())
      .executeTakeFirst();
    if (existing) {
      // Only what this call names changes: adding `--country` keeps an earlier `--organization`.
      const given = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== null));
      if (Object.keys(given).length > 0)
        await trx.updateTable('watched_organizations').set(given).where('id', '=', existing.id).execute();
    } else {
      await trx
        .insertInto('watched_organizations')
        .values({ author: name, author_key: name.toLowerCase(), added_at: now, ...values })
        .execute();
    }
    const row = await trx
      .selectFrom('watched_organizations')
      .selectAll()
      .where('author_key', '=', name.toLowerCase())
      .executeTakeFirstOrThrow();
    return { watched: toWatched(row), created: existing === undefined };
  });
}

/**
 * Stops watching an author; the releases already reported stay in the feed. Throws ERR_NOT_FOUND when
 * the author is not watched.
 *
 * @example
 * await removeWatchedOrganization(store.db, 'allenai');
 */
export async function removeWatchedOrganization(db: Kysely<Database>, author: string): Promise<void> {
  const result = await db
    .deleteFrom('watched_organizations')
    .where('author_key', '=', author.trim().toLowerCase())
    .executeTakeFirst();
  if (Number(result.numDeletedRows) === 0)
    throw new ApertureError('ERR_NOT_FOUND', `${JSON.stringify(author.slice(0, 100))} is not watched`);
}

/**
 * Every watched author, in alphabetical order.
 *
 * @example
 * for (const watch of await listWatchedOrganizations(store.db)) console.log(watch.author);
 */
export async function listWatchedOrganizations(db: Kysely<Database>): Promise<WatchedOrganization[]> {
  const rows = await db.selectFrom('watched_organizations').selectAll().orderBy('author_key').execute();
  return rows.map(toWatched);
}

/** True when the text holds a C0 control character (never meant in a name, URL or secret). */
function hasControlCharacter(text: string): boolean {
  return [...text].some((character) => character.charCodeAt(0) < 0x20);
}
