import path from 'node:path';
import type { Kysely } from 'kysely';
import { ApertureError } from '../../errors.ts';
import type { HubFetchTuning } from '../../hub/index.ts';
import type { Database } from '../../store/index.ts';
import type { CatalogBatch, WriteCatalogOutcome } from '../catalog/catalog-batch.ts';
import { writeCatalog } from '../catalog/write-catalog.ts';
import type { Importer, ImporterOptions, ImportInput } from '../importers/importer.ts';
import type { RejectedRow } from '../importers/parse-item.ts';
import { requireImporter } from '../importers/registry.ts';
import {
  type DownloadedFile,
  downloadToTempFile,
  looksLikeUrl,
  parseImportUrl,
} from './download-to-temp-file.ts';
import { currentImportRunOwner } from './import-run-owner.ts';
import {
  IMPORT_RUN_HEARTBEAT_MS,
  type InterruptedImportRun,
  markInterruptedImportRuns,
} from './mark-interrupted-import-runs.ts';
import { refreshDerivedData } from './refresh-derived-data.ts';
import { rejectNulRecords } from './reject-nul-records.ts';

/** Records per batch (one transaction each) unless told otherwise. */
export const DEFAULT_IMPORT_BATCH_SIZE = 1_000;

/** Rejected rows kept in an ImportResult (all of them are in `rejected_rows`). */
export const MAX_REPORTED_REJECTIONS = 10_000;

/** Where an import stands, after each batch. */
export interface ImportProgress {
  /** Records read so far. */
  records: number;
  rejected: number;
  inserted: number;
  updated: number;
  /** Batches committed. */
  batches: number;
}

/** Options of runImport. */
export interface RunImportOptions extends ImporterOptions {
  /** `epoch`, `mot`, `osai`, `fmti`, `openalex`, `hf` or `release-pack`. */
  kind: string;
  /** A file, folder or http(s) URL; an author for `hf`; a target for `release-pack`. */
  source: string;
  /** Records per transaction. */
  batchSize?: number;
  /** Largest download accepted for a URL, in bytes. */
  maxBytes?: number;
  /** Retries and transport for downloads (tests). */
  fetchTuning?: Partial<HubFetchTuning>;
  onProgress?: (progress: ImportProgress) => void;
  /** The catalog writer (tests inject a failing one; sync adds its own rows in the same transaction). */
  writer?: typeof writeCatalog;
  /**
   * Reads the source instead of the kind's importer (the bundled snapshot's records, a sync's parsed
   * download): the run is still recorded under `kind`, with that importer's primary table.
   */
  read?: Importer['read'];
  /** Base for a relative source path (default process.cwd()); reports keep the path as given. */
  cwd?: string;
  /** Clock for import_runs timestamps (tests). */
  now?: () => Date;
  /** How often the run records a sign of life while it lasts (tests); IMPORT_RUN_HEARTBEAT_MS by default. */
  heartbeatMs?: number;
  /**
   * Compute the indicators once the import has committed and store them (materializeIndicators), so
   * the server's first requests read them: true by default. At a million models it takes as long as
   * computing every indicator once.
   */
  storeIndicators?: boolean;
  /**
   * Match models and organisations across sources once the import has committed (runMatching), with
   * the decisions of `overridesFile`: true by default.
   */
  matchEntities?: boolean;
  /** The reviewed overrides file (catalog-overrides.yaml); decisions in it survive every re-import. */
  overridesFile?: string;
}

/** What an import did. */
export interface ImportResult {
  /** The import_runs id. */
  run: number;
  kind: string;
  source: string;
  /** Records read. */
  records: number;
  inserted: number;
  updated: number;
  /** How many rows were rejected (all are in rejected_rows). */
  rejectedCount: number;
  /** The rejected rows, the first MAX_REPORTED_REJECTIONS of them. */
  rejected: Array<{ file: string; line: number; reason: string }>;
  /** Runs of dead imports this import found still `running` and marked interrupted before it began. */
  interruptedRuns: InterruptedImportRun[];
}

function emptyBatch(): Required<CatalogBatch> {
  return {
    organizations: [],
    models: [],
    lineage: [],
    adoption: [],
    people: [],
    affiliations: [],
    ratings: [],
    transparencyScores: [],
    aliases: [],
    works: [],
  };
}

function appendBatch(target: Required<CatalogBatch>, part: CatalogBatch): void {
  for (const key of Object.keys(part) as (keyof CatalogBatch)[]) {
    const rows = part[key];
    if (rows && rows.length > 0) (target[key] as unknown[]).push(...rows);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
}

/**
 * Imports one source into the catalog: reads it with the kind's parser as a stream, writes records in
 * batches (each batch, its rejected rows and the run's counters in one transaction), and records the
 * run in `import_runs` (running → finished, or failed with the batches before the failure kept), with its
 * owner (host, pid) and a heartbeat every IMPORT_RUN_HEARTBEAT_MS; runs that dead imports left `running`
 * are first marked interrupted (markInterruptedImportRuns). Bad rows never stop the rest: they are
 * counted, stored in `rejected_rows` and returned; a record with a NUL character (U+0000) in any text is
 * such a row. Re-importing the same source updates rows and inserts none. Once the last batch has
 * committed, models and organisations are matched across sources (runMatching, with `overridesFile`'s
 * decisions), then the indicators are computed and stored for the new catalog version (see `storeIndicators`).
 * An http(s) URL is downloaded first with the `hf:` source's
 * limits. Throws ApertureError when the source cannot be read at all.
 *
 * @example
 * const result = await runImport(store.db, { kind: 'epoch', source: 'notable_ai_models.csv' });
 * console.log(result.inserted, result.updated, result.rejectedCount);
 */
export async function runImport(db: Kysely<Database>, options: RunImportOptions): Promise<ImportResult> {
  const importer = requireImporter(options.kind);
  // A reader of its own (a snapshot, a sync's parsed download) has its data already: SOURCE only names it.
  const isUrl = !options.read && importer.acceptsUrl && looksLikeUrl(options.source);
  if (isUrl) parseImportUrl(options.source);
  else if (!options.read && looksLikeUrl(options.source) && importer.source !== 'target') {
    throw new ApertureError(
      'ERR_USAGE',
      `${importer.id} imports read a local path, not the URL ${options.source}`,
    );
  }
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_IMPORT_BATCH_SIZE);
  const writer = options.writer ?? writeCatalog;
  const now = options.now ?? (() => new Date());

  const interruptedRuns = await markInterruptedImportRuns(db, { now });
  const owner = currentImportRunOwner();
  const startedAt = now().toISOString();
  const { id: run } = await db
    .insertInto('import_runs')
    .values({
      kind: importer.id,
      source: options.source,
      started_at: startedAt,
      owner_host: owner.host,
      owner_pid: owner.pid,
      heartbeat_at: startedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  // Signs of life between batches (a long download, a slow page), so no sweep takes the run for dead.
  let beat: Promise<unknown> = Promise.resolve();
  const heartbeat = setInterval(() => {
    beat = db
      .updateTable('import_runs')
      .set({ heartbeat_at: now().toISOString() })
      .where('id', '=', run)
      .execute()
      .catch(() => undefined);
  }, options.heartbeatMs ?? IMPORT_RUN_HEARTBEAT_MS);
  heartbeat.unref();

  const result: ImportResult = {
    run,
    kind: importer.id,
    source: options.source,
    records: 0,
    inserted: 0,
    updated: 0,
    rejectedCount: 0,
    rejected: [],
    interruptedRuns,
  };
  let batches = 0;
  let pending = emptyBatch();
  let pendingRecords = 0;
  let pendingRejected: RejectedRow[] = [];

  const flush = async () => {
    if (pendingRecords === 0 && pendingRejected.length === 0) return;
    const batch = pending;
    const rejected = pendingRejected;
    const outcome = await db.transaction().execute(async (trx) => {
      const written: WriteCatalogOutcome | null = pendingRecords > 0 ? await writer(trx, batch) : null;
      const counts = written?.tables[importer.primaryTable] ?? { inserted: 0, updated: 0 };
      // 4 parameters a row: 5,000 rows stay under every engine's limit.
      for (let start = 0; start < rejected.length; start += 5_000) {
        await trx
          .insertInto('rejected_rows')
          .values(
            rejected
              .slice(start, start + 5_000)
              .map((row) => ({ run_id: run, file: row.file, line: row.line, reason: row.reason })),
          )
          .execute();
      }
      await trx
        .updateTable('import_runs')
        .set((eb) => ({
          inserted: eb('inserted', '+', counts.inserted),
          updated: eb('updated', '+', counts.updated),
          rejected: eb('rejected', '+', rejected.length),
          heartbeat_at: now().toISOString(),
        }))
        .where('id', '=', run)
        .execute();
      return counts;
    });
    result.inserted += outcome.inserted;
    result.updated += outcome.updated;
    batches += 1;
    pending = emptyBatch();
    pendingRecords = 0;
    pendingRejected = [];
    options.onProgress?.({
      records: result.records,
      rejected: result.rejectedCount,
      inserted: result.inserted,
      updated: result.updated,
      batches,
    });
  };

  let download: DownloadedFile | undefined;
  let committed = false;
  try {
    const local =
      looksLikeUrl(options.source) || options.source.startsWith('hf:') || importer.source === 'name'
        ? options.source
        : path.resolve(options.cwd ?? process.cwd(), options.source);
    let input: ImportInput = { path: local, display: options.source };
    if (isUrl) {
      download = await downloadToTempFile(options.source, {
        ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}),
        ...(options.fetchTuning ? { tuning: options.fetchTuning } : {}),
      });
      input = { path: download.path, display: options.source };
    }
    const read = options.read ?? importer.read.bind(importer);
    for await (const item of rejectNulRecords(read(input, options), input.display)) {
      if (item.kind === 'record') {
        appendBatch(pending, item.value);
        pendingRecords += 1;
        result.records += 1;
      } else {
        pendingRejected.push(item);
        result.rejectedCount += 1;
        if (result.rejected.length < MAX_REPORTED_REJECTIONS) {
          result.rejected.push({ file: item.file, line: item.line, reason: item.reason });
        }
      }
      if (pendingRecords >= batchSize || pendingRejected.length >= batchSize) await flush();
    }
    await flush();
    await db
      .updateTable('import_runs')
      .set({ status: 'finished', finished_at: now().toISOString() })
      .where('id', '=', run)
      .execute();
    committed = true;
    // After the import's transaction: a bad overrides file fails the command, not the import. An import
    // that read nothing changed nothing to match (a whole-catalog pass at 1 M models costs ~30 s).
    await refreshDerivedData(db, {
      match: (options.matchEntities ?? true) && result.records > 0,
      overridesFile: options.overridesFile,
      indicators: options.storeIndicators ?? true,
      now,
    });
    return result;
  } catch (error) {
    // Matching after a finished import (a bad overrides file) fails the command, not the import run.
    if (committed && error instanceof ApertureError) throw error;
    await db
      .updateTable('import_runs')
      .set({ status: 'failed', finished_at: now().toISOString() })
      .where('id', '=', run)
      .execute()
      .catch(() => undefined);
    if (error instanceof ApertureError) throw error;
    throw new ApertureError(
      'ERR_INTERNAL',
      `import of ${options.source} failed after ${batches} batch(es) (run ${run}): ${messageOf(error)}`,
      { cause: error },
    );
  } finally {
    clearInterval(heartbeat);
    // A heartbeat still under way must land before the caller closes the database.
    await beat;
    await download?.remove();
  }
}
