import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PackFile } from '../spec/index.ts';
import { sha256Hex } from '../util/index.ts';

function isPackFileList(value: unknown): value is PackFile[] {
  return (
    Array.isArray(value) &&
    value.every(
      (file) =>
        typeof file === 'object' &&
        file !== null &&
        typeof file.path === 'string' &&
        typeof file.size === 'number' &&
        (file.sourceSha256 === undefined || typeof file.sourceSha256 === 'string'),
    )
  );
}

/**
 * The local cache of one Hub model at one commit: its file listing and the bytes read from its files.
 * A commit never changes, so entries never expire. File contents are stored under the sha256 of their
 * path, so no name from the Hub becomes a path on disk. The cache is best effort: a failure to read or
 * write it only costs a download.
 *
 * @example
 * const cache = new HubCache('/home/me/.cache/aperture', 'org', 'model', sha);
 * const files = (await cache.readListing()) ?? (await fetchListing());
 */
export class HubCache {
  private readonly dir: string;

  constructor(
    cacheRoot: string,
    org: string,
    name: string,
    commit: string,
    type: 'model' | 'dataset' = 'model',
  ) {
    // org, name and commit were validated (no separators, no "..") before they reach a path.
    this.dir = path.join(cacheRoot, 'hf', ...(type === 'dataset' ? ['datasets'] : []), org, name, commit);
  }

  /** The cached file listing, or null when there is none (or it is damaged). */
  async readListing(): Promise<PackFile[] | null> {
    const text = await readFile(path.join(this.dir, 'listing.json'), 'utf8').catch(() => null);
    if (text === null) return null;
    try {
      const value: unknown = JSON.parse(text);
      return isPackFileList(value) ? value : null;
    } catch {
      return null;
    }
  }

  /** Stores the file listing. */
  writeListing(files: PackFile[]): Promise<void> {
    return this.writeAtomically('listing.json', JSON.stringify(files));
  }

  /** The cached bytes of a file (possibly only its head, when only that was read), or null. */
  async readFile(filePath: string): Promise<Uint8Array | null> {
    return readFile(path.join(this.dir, 'files', sha256Hex(filePath))).catch(() => null);
  }

  /** Stores the bytes read from a file (all of it, or its head). */
  writeFile(filePath: string, bytes: Uint8Array): Promise<void> {
    return this.writeAtomically(path.join('files', sha256Hex(filePath)), bytes);
  }

  private async writeAtomically(name: string, data: string | Uint8Array): Promise<void> {
    const target = path.join(this.dir, name);
    const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      await writeFile(temporary, data, { mode: 0o600 });
      // A reader sees the old entry or the whole new one, never half of it.
      await rename(temporary, target);
    } catch {
      await rm(temporary, { force: true }).catch(() => undefined);
    }
  }
}
