import type { Kysely } from 'kysely';
import type { Database } from './database.ts';

/**
 * `catalog_sources` (migration 0018): a public data source whose data the catalog holds, as the
 * bundled snapshot load or `aperture sync` last wrote it. Natural key: `id` (the importer kind).
 */
export interface CatalogSourcesTable {
  /** The importer kind: `epoch`, `mot`, `osai`, `fmti`. */
  id: string;
  title: string;
  /** SPDX id of the data's license. */
  license: string | null;
  /** The attribution the license asks for, one line. */
  attribution: string | null;
  /** The canonical public URL of the data. */
  url: string | null;
  /** Date of the loaded data (`YYYY-MM-DD` or `YYYY-MM`), null when unknown. */
  snapshot_date: string | null;
  /** ISO 8601 time the loaded data was imported or synced. */
  imported_at: string;
  /** `snapshot` (the bundled snapshot) or `sync` (downloaded by `aperture sync`). */
  origin: string;
  /** SHA-256 (hex) of the loaded data: the snapshot file, or the downloaded file. */
  sha256: string;
  /** Validators of the last download, sent back by the next sync (If-None-Match, If-Modified-Since). */
  etag: string | null;
  last_modified: string | null;
  /** Where the data came from: `owner/repo@commit` or the URL, as text. */
  upstream: string | null;
  /** The import run that loaded it. */
  run_id: number | null;
  /** Records the load read. */
  records: number;
}

/** The database with `catalog_sources` known to Kysely. */
export function withCatalogSources(
  db: Kysely<Database>,
): Kysely<Database & { catalog_sources: CatalogSourcesTable }> {
  return db.withTables<{ catalog_sources: CatalogSourcesTable }>();
}
