import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { ApertureError } from '../../errors.ts';
import type { CatalogBatch } from '../catalog/catalog-batch.ts';
import { type ParseItem, recordItem, rejectedItem } from '../importers/parse-item.ts';
import type { SnapshotLine, SnapshotManifest } from './snapshot-manifest.ts';

/** Where the bundle lives in the package: `data/snapshot`. */
export const SNAPSHOT_RELATIVE_DIR = path.join('data', 'snapshot');

/**
 * The bundled snapshot folder, found from this module's location (`src/observatory/snapshot` when run
 * from source, `dist/src/observatory/snapshot` when built); null when the package ships without it.
 */
export function bundledSnapshotDir(): string | null {
  const candidates = [3, 4].map((levels) =>
    path.resolve(import.meta.dirname, ...Array<string>(levels).fill('..'), SNAPSHOT_RELATIVE_DIR),
  );
  return candidates.find((candidate) => existsSync(path.join(candidate, 'manifest.json'))) ?? null;
}

/** The manifest of the snapshot in `dir`; ERR_UNREADABLE when it is missing or not a manifest. */
export async function readSnapshotManifest(dir: string): Promise<SnapshotManifest> {
  const file = path.join(dir, 'manifest.json');
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new ApertureError(
      'ERR_UNREADABLE',
      `cannot read the snapshot manifest ${file}: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  const manifest = value as Partial<SnapshotManifest>;
  if (manifest.format !== 1 || !Array.isArray(manifest.sources)) {
    throw new ApertureError('ERR_UNREADABLE', `${file} is not a snapshot manifest of format 1`);
  }
  for (const source of manifest.sources) {
    if (typeof source?.id !== 'string' || typeof source.file !== 'string' || !/^[\w.-]+$/.test(source.file)) {
      throw new ApertureError(
        'ERR_UNREADABLE',
        `${file}: a source without an id or with a file outside the folder`,
      );
    }
  }
  return manifest as SnapshotManifest;
}

/** SHA-256 (hex) of a file, streamed. */
export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * The items of a snapshot source file, as the importer yielded them when the snapshot was built: catalog
 * batch parts and rejected rows. A line that is not a snapshot line is rejected with its line number.
 */
export async function* snapshotItems(file: string, display: string): AsyncGenerator<ParseItem<CatalogBatch>> {
  const lines = createInterface({
    input: createReadStream(file, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let number = 0;
  for await (const text of lines) {
    number += 1;
    if (text.trim() === '') continue;
    let line: SnapshotLine;
    try {
      line = JSON.parse(text) as SnapshotLine;
    } catch {
      yield rejectedItem(display, number, 'not a JSON line');
      continue;
    }
    if ('record' in line && line.record && typeof line.record === 'object') yield recordItem(line.record);
    else if ('rejected' in line && line.rejected) {
      yield rejectedItem(line.rejected.file, line.rejected.line, line.rejected.reason);
    } else yield rejectedItem(display, number, 'neither a record nor a rejected row');
  }
}
