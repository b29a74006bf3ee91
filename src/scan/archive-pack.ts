import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ApertureError } from '../errors.ts';
import { type ArchiveLimits, DEFAULT_ARCHIVE_LIMITS } from './archive-limits.ts';
import { ArchiveSandbox } from './archive-sandbox.ts';
import { extractTar } from './extract-tar.ts';
import { extractZip } from './extract-zip.ts';
import { openFolderPack } from './folder-pack.ts';
import type { Pack } from './pack.ts';

/** Options of opening an archive. */
export interface ArchiveOptions {
  /** Limits to apply instead of DEFAULT_ARCHIVE_LIMITS (each one optional). */
  limits?: Partial<ArchiveLimits>;
  /** Where to create the sandbox folder; the system's temporary folder by default. */
  tempDir?: string;
}

/** The folder that holds the release: the sandbox, or its only entry when that is a folder. */
async function releaseRoot(sandbox: string): Promise<string> {
  const entries = await readdir(sandbox, { withFileTypes: true });
  const only = entries[0];
  return entries.length === 1 && only?.isDirectory() ? path.join(sandbox, only.name) : sandbox;
}

/**
 * Opens a `.tar.gz`, `.tgz` or `.zip` archive as a pack: unpacks it into a fresh sandbox folder with
 * limits (entries, bytes, compression ratio) and refuses unsafe entries (`..`, absolute paths, links
 * leading outside, devices). An archive holding a single folder is read from inside that folder.
 * `close()` deletes the sandbox.
 *
 * @example
 * const pack = await openArchivePack('release.tar.gz', { limits: { maxEntries: 10_000 } });
 * try { console.log(await pack.listFiles()); } finally { await pack.close(); }
 */
export async function openArchivePack(file: string, options: ArchiveOptions = {}): Promise<Pack> {
  const info = await stat(file).catch(() => null);
  if (!info) throw new ApertureError('ERR_NOT_FOUND', `no such file: ${file}`);
  if (!info.isFile()) {
    throw new ApertureError('ERR_UNREADABLE', `${file}: not a file; give a .tar.gz, .tgz or .zip archive`);
  }
  const limits = { ...DEFAULT_ARCHIVE_LIMITS, ...options.limits };
  const sandboxDir = await mkdtemp(path.join(options.tempDir ?? os.tmpdir(), 'aperture-archive-'));
  const cleanup = () => rm(sandboxDir, { recursive: true, force: true });
  try {
    const sandbox = new ArchiveSandbox(sandboxDir, file, info.size, limits);
    if (/\.zip$/i.test(file)) await extractZip(file, sandbox);
    else await extractTar(file, sandbox);
    await sandbox.finish();
    const pack = await openFolderPack(
      await releaseRoot(sandboxDir),
      { kind: 'archive', ref: file },
      undefined,
      cleanup,
    );
    pack.warnings.push(...sandbox.warnings);
    return pack;
  } catch (error) {
    await cleanup();
    throw error;
  }
}
