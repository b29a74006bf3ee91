import { open } from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { ApertureError, type ErrorCode, isApertureError } from '../../errors.ts';
import { type Database, withCatalogSources } from '../../store/index.ts';
import type { DestinationOptions } from '../../util/index.ts';
import type { CatalogBatch } from '../catalog/catalog-batch.ts';
import { writeCatalog } from '../catalog/write-catalog.ts';
import { type RunImportOptions, runImport } from '../import/run-import.ts';
import { type ParseItem, recordItem } from '../importers/parse-item.ts';
import { requireImporter } from '../importers/registry.ts';
import { factsOnly } from '../snapshot/facts-only.ts';
import { recordCatalogSource } from '../snapshot/record-catalog-source.ts';
import { extractArchiveMembers } from './extract-archive-members.ts';
import { type FetchedSource, type FetchSourceOptions, fetchSource } from './fetch-source.ts';
import { pruneVanishedRecords } from './prune-vanished-records.ts';
import type { SyncTarget } from './sync-targets.ts';

/** Largest download accepted by default: 256 MiB (the sources are a few MB). */
export const DEFAULT_SYNC_MAX_BYTES = 256 * 1024 ** 2;

/** Longest one source's download may take by default: 2 minutes. */
export const DEFAULT_SYNC_TIMEOUT_MS = 120_000;

/** Above this share of rejected rows, a download is taken for a changed format and not loaded. */
export const MAX_REJECTED_SHARE = 0.5;

/** Options of syncSource. */
export interface SyncSourceOptions {
  destination: DestinationOptions;
  maxBytes?: number;
  timeoutMs?: number;
  fetch?: FetchSourceOptions['fetch'];
  now?: () => Date;
  /** The catalog writer (tests inject one that fails half-way, to see the transaction roll back). */
  writer?: RunImportOptions['writer'];
  /** Called when the source moves to another step (a terminal shows it). */
  onStep?: (step: 'download' | 'read' | 'write') => void;
}

/** What a sync did with one source. */
export interface SyncOutcome {
  id: string;
  /** `updated`: new data committed; `unchanged`: the source had nothing new; `failed`: previous data kept. */
  status: 'updated' | 'unchanged' | 'failed';
  url: string;
  /** Records read from the download, rows rejected, rows inserted and updated (0 unless updated). */
  records: number;
  rejected: number;
  inserted: number;
  updated: number;
  /** SHA-256 of the download, when there was one. */
  sha256: string | null;
  bytes: number;
  /** The import run of an update. */
  run: number | null;
  /** One line: why it failed, or why nothing changed. */
  reason: string | null;
  /** The error code of a failure. */
  code: ErrorCode | null;
}

function isHtml(head: string, contentType: string | null): boolean {
  if (contentType && /^\s*text\/html\b/i.test(contentType)) return true;
  return /^\s*(<!doctype html|<html[\s>])/i.test(head);
}

async function headOf(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(512);
    const { bytesRead } = await handle.read(buffer, 0, 512, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

/** The importer's items, read in full before anything is written, with prose removed and stable file names. */
async function readAll(
  target: SyncTarget,
  got: Extract<FetchedSource, { status: 'downloaded' }>,
): Promise<ParseItem<CatalogBatch>[]> {
  const importer = requireImporter(target.source.id);
  let input = { path: got.path, display: target.url };
  let root: string | null = null;
  if (target.layout.kind === 'github-tarball') {
    root = path.join(path.dirname(got.path), 'unpacked');
    const members = await extractArchiveMembers(got.path, root, target.layout.select, undefined, target.url);
    if (members.length === 0) {
      throw new ApertureError(
        'ERR_UNREADABLE',
        `${target.url}: the archive holds none of the source's files`,
      );
    }
    input = { path: path.join(root, target.layout.folder), display: target.url };
  }
  const file = (name: string) =>
    root !== null && path.isAbsolute(name) ? path.relative(root, name).split(path.sep).join('/') : name;
  const items: ParseItem<CatalogBatch>[] = [];
  for await (const item of importer.read(input, {})) {
    items.push(
      item.kind === 'record' ? recordItem(factsOnly(item.value, file)) : { ...item, file: file(item.file) },
    );
  }
  return items;
}

/**
 * Refreshes one public source from its URL, all or nothing: a conditional download (fetchSource), a
 * GitHub tarball's files unpacked safely, every record read and checked before anything is written (HTML
 * instead of data, no records, or more than half the rows rejected fail the source), then the whole
 * source written in one transaction through the import pipeline, and its `catalog_sources` row updated.
 * When anything fails, the source's previous data stays as it was and the outcome says why in one line;
 * it never throws for a source's failure. A download with the checksum already loaded changes nothing.
 *
 * @example
 * const outcome = await syncSource(store.db, syncTargets(['epoch'])[0]!, { destination: {} });
 */
export async function syncSource(
  db: Kysely<Database>,
  target: SyncTarget,
  options: SyncSourceOptions,
): Promise<SyncOutcome> {
  const now = options.now ?? (() => new Date());
  const outcome: SyncOutcome = {
    id: target.source.id,
    status: 'failed',
    url: target.url,
    records: 0,
    rejected: 0,
    inserted: 0,
    updated: 0,
    sha256: null,
    bytes: 0,
    run: null,
    reason: null,
    code: null,
  };
  let got: FetchedSource | undefined;
  try {
    const previous = await withCatalogSources(db)
      .selectFrom('catalog_sources')
      .selectAll()
      .where('id', '=', target.source.id)
      .executeTakeFirst();
    const synced = previous?.origin === 'sync' && previous.url === target.url ? previous : undefined;
    options.onStep?.('download');
    got = await fetchSource(target.url, {
      allowedHosts: target.allowedHosts,
      destination: options.destination,
      etag: synced?.etag ?? null,
      lastModified: synced?.last_modified ?? null,
      maxBytes: options.maxBytes ?? DEFAULT_SYNC_MAX_BYTES,
      timeoutMs: options.timeoutMs ?? DEFAULT_SYNC_TIMEOUT_MS,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
    if (got.status === 'unchanged') {
      return {
        ...outcome,
        status: 'unchanged',
        sha256: synced?.sha256 ?? null,
        reason: 'not modified since the last sync',
      };
    }
    outcome.sha256 = got.sha256;
    outcome.bytes = got.bytes;
    if (synced && synced.sha256 === got.sha256) {
      return { ...outcome, status: 'unchanged', reason: 'same checksum as the data loaded' };
    }
    if (isHtml(await headOf(got.path), got.contentType)) {
      throw new ApertureError(
        'ERR_UNREADABLE',
        `${target.url} served an HTML page, not the data (is the URL right?)`,
      );
    }
    options.onStep?.('read');
    const items = await readAll(target, got);
    const records = items.filter((item) => item.kind === 'record').length;
    const rejected = items.length - records;
    outcome.records = records;
    outcome.rejected = rejected;
    if (records === 0) throw new ApertureError('ERR_UNREADABLE', `${target.url}: no records could be read`);
    if (rejected > MAX_REJECTED_SHARE * items.length) {
      const first = items.find((item) => item.kind === 'rejected');
      throw new ApertureError(
        'ERR_UNREADABLE',
        `${target.url}: ${rejected} of ${items.length} rows rejected, the format may have changed (first: ${first?.kind === 'rejected' ? first.reason : ''})`,
      );
    }
    options.onStep?.('write');
    const result = await runImport(db, {
      kind: target.source.id,
      source: target.url,
      read: async function* () {
        yield* items;
      },
      // One transaction for the whole source: the previous data stays unless all of the new data commits.
      batchSize: Number.MAX_SAFE_INTEGER,
      // Matched and stored once, after every source has synced (runSync).
      matchEntities: false,
      storeIndicators: false,
      now,
      // The source's whole snapshot in one batch: what it no longer lists goes in the same transaction.
      writer: async (trx, batch) => {
        const written = await (options.writer ?? writeCatalog)(trx, batch);
        await pruneVanishedRecords(trx, target.source.id, batch);
        return written;
      },
    });
    const modified = got.lastModified ? new Date(got.lastModified) : null;
    const date = modified && !Number.isNaN(modified.getTime()) ? modified : now();
    await recordCatalogSource(db, {
      id: target.source.id,
      title: target.source.title,
      license: target.source.license,
      attribution: target.source.attribution,
      url: target.url,
      snapshot_date: date.toISOString().slice(0, 10),
      imported_at: now().toISOString(),
      origin: 'sync',
      sha256: got.sha256,
      etag: got.etag,
      last_modified: got.lastModified,
      upstream: target.url,
      run_id: result.run,
      records: result.records,
    });
    return {
      ...outcome,
      status: 'updated',
      inserted: result.inserted,
      updated: result.updated,
      run: result.run,
    };
  } catch (error) {
    const code: ErrorCode = isApertureError(error) ? error.code : 'ERR_INTERNAL';
    let reason = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
    // Messages name the temporary copy; the reader knows the source by its URL.
    if (got?.status === 'downloaded') reason = reason.split(path.dirname(got.path)).join(target.url);
    return { ...outcome, status: 'failed', code, reason };
  } finally {
    if (got?.status === 'downloaded') await got.remove();
  }
}
