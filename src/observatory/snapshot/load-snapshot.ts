import path from 'node:path';
import type { Kysely } from 'kysely';
import { ApertureError } from '../../errors.ts';
import { type Database, withCatalogSources } from '../../store/index.ts';
import { refreshDerivedData } from '../import/refresh-derived-data.ts';
import { runImport } from '../import/run-import.ts';
import { bundledSnapshotDir, readSnapshotManifest, sha256OfFile, snapshotItems } from './read-snapshot.ts';
import { recordCatalogSource } from './record-catalog-source.ts';

/** What loadSnapshot did with one source. */
export interface SnapshotSourceOutcome {
  id: string;
  /** `loaded`, or skipped because the same snapshot or a sync's newer data is in place. */
  outcome: 'loaded' | 'already-loaded' | 'synced';
  records: number;
  rejected: number;
  /** The import run of a load. */
  run: number | null;
}

/** What loadSnapshot did. */
export interface LoadSnapshotOutcome {
  /** The folder read. */
  dir: string;
  sources: SnapshotSourceOutcome[];
}

/** Options of loadSnapshot. */
export interface LoadSnapshotOptions {
  /** The snapshot folder; the bundled `data/snapshot` by default. */
  dir?: string;
  /** The reviewed overrides file the matching after the load applies. */
  overridesFile?: string;
  now?: () => Date;
}

/**
 * Loads the bundled facts-only snapshot of the public data sets into the catalog through the import
 * pipeline: one import run per source (kind `epoch`, `mot`, `osai`, `fmti`), its rejected rows stored,
 * all of a source's records in one transaction, then a `catalog_sources` row with the license, snapshot
 * date and checksum. A source whose same snapshot (same SHA-256) is already loaded, or that `aperture
 * sync` refreshed since, is skipped, so repeated starts are fast and never undo a sync. A snapshot file
 * whose checksum differs from the manifest's is refused (ERR_UNREADABLE) before anything is written.
 *
 * @example
 * const { sources } = await loadSnapshot(store.db);
 * for (const s of sources) console.log(s.id, s.outcome, s.records);
 */
export async function loadSnapshot(
  db: Kysely<Database>,
  options: LoadSnapshotOptions = {},
): Promise<LoadSnapshotOutcome> {
  const dir = options.dir ?? bundledSnapshotDir();
  if (!dir) {
    throw new ApertureError(
      'ERR_NOT_FOUND',
      'the bundled snapshot (data/snapshot) is missing from this installation',
    );
  }
  const manifest = await readSnapshotManifest(dir);
  const now = options.now ?? (() => new Date());
  const outcomes: SnapshotSourceOutcome[] = [];
  for (const entry of manifest.sources) {
    const loaded = await withCatalogSources(db)
      .selectFrom('catalog_sources')
      .select(['origin', 'sha256'])
      .where('id', '=', entry.id)
      .executeTakeFirst();
    if (loaded && (loaded.origin === 'sync' || loaded.sha256 === entry.sha256)) {
      const outcome = loaded.origin === 'sync' ? 'synced' : 'already-loaded';
      outcomes.push({ id: entry.id, outcome, records: 0, rejected: 0, run: null });
      continue;
    }
    const file = path.join(dir, entry.file);
    const actual = await sha256OfFile(file).catch((error: unknown) => {
      throw new ApertureError(
        'ERR_UNREADABLE',
        `cannot read the snapshot file ${entry.file}: ${(error as Error).message}`,
        {
          cause: error,
        },
      );
    });
    if (actual !== entry.sha256) {
      throw new ApertureError(
        'ERR_UNREADABLE',
        `the snapshot file ${entry.file} does not match its manifest checksum; rebuild it with npm run snapshot`,
      );
    }
    const display = `${path.basename(dir)}/${entry.file}`;
    const result = await runImport(db, {
      kind: entry.id,
      source: display,
      read: () => snapshotItems(file, display),
      // One transaction for the whole source: a load either lands completely or not at all.
      batchSize: Number.MAX_SAFE_INTEGER,
      // Matched and stored once, after every source has loaded.
      matchEntities: false,
      storeIndicators: false,
      now,
    });
    await recordCatalogSource(db, {
      id: entry.id,
      title: entry.title,
      license: entry.license,
      attribution: entry.attribution,
      url: entry.url,
      snapshot_date: entry.snapshotDate,
      imported_at: now().toISOString(),
      origin: 'snapshot',
      sha256: entry.sha256,
      etag: null,
      last_modified: null,
      upstream: entry.upstream
        .map((upstream) => `${upstream.repository}@${upstream.commit}:${upstream.path}`)
        .join(', '),
      run_id: result.run,
      records: result.records,
    });
    outcomes.push({
      id: entry.id,
      outcome: 'loaded',
      records: result.records,
      rejected: result.rejectedCount,
      run: result.run,
    });
  }
  if (outcomes.some((outcome) => outcome.outcome === 'loaded')) {
    await refreshDerivedData(db, { overridesFile: options.overridesFile, now });
  }
  return { dir, sources: outcomes };
}
