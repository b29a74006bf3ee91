import { constants } from 'node:fs';
import { lstat, open, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { ApertureError } from '../errors.ts';
import type { PackFile, SourceInfo } from '../spec/index.ts';
import { isInside, toPackRelative } from '../util/index.ts';
import { DEFAULT_READ_LIMIT, type Pack, type ReadResult } from './pack.ts';

/** Folders that are never part of a release's content. */
const SKIPPED_DIRECTORIES = new Set(['.git', '.hg', '.svn', 'node_modules', '__pycache__', '.aperture']);

/** Limits for walking a folder. */
export interface FolderLimits {
  maxFiles: number;
}

export const DEFAULT_FOLDER_LIMITS: FolderLimits = { maxFiles: 500_000 };

/**
 * Opens a local folder as a pack. Symbolic links are followed only when they resolve inside the folder;
 * links pointing outside are skipped with a warning, never read.
 *
 * @example
 * const pack = await openFolderPack('examples/open-science-pack');
 */
export async function openFolderPack(
  dir: string,
  source?: SourceInfo,
  limits: FolderLimits = DEFAULT_FOLDER_LIMITS,
  onClose?: () => Promise<void>,
): Promise<Pack> {
  const absolute = path.resolve(dir);
  let rootStat: Awaited<ReturnType<typeof stat>>;
  try {
    rootStat = await stat(absolute);
  } catch {
    throw new ApertureError('ERR_NOT_FOUND', `no such file or folder: ${dir}`);
  }
  if (!rootStat.isDirectory()) throw new ApertureError('ERR_UNREADABLE', `not a folder: ${dir}`);
  const root = await realpath(absolute);
  const warnings: string[] = [];
  let cached: PackFile[] | undefined;
  const allowed = new Map<string, string>();

  async function walk(): Promise<PackFile[]> {
    const files: PackFile[] = [];
    const pending: string[] = [''];
    while (pending.length > 0) {
      const relativeDir = pending.pop()!;
      const entries = await readdir(path.join(root, relativeDir), { withFileTypes: true });
      for (const entry of entries) {
        const relative = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
        const full = path.join(root, relative);
        if (entry.isDirectory()) {
          if (!SKIPPED_DIRECTORIES.has(entry.name)) pending.push(relative);
          continue;
        }
        let size: number;
        if (entry.isSymbolicLink()) {
          const target = await realpath(full).catch(() => null);
          if (!target || !isInside(root, target)) {
            warnings.push(`${relative}: symbolic link points outside the pack; skipped`);
            continue;
          }
          const targetStat = await stat(target).catch(() => null);
          if (!targetStat?.isFile()) continue;
          size = targetStat.size;
        } else if (entry.isFile()) {
          size = (await lstat(full)).size;
        } else {
          continue;
        }
        files.push({ path: relative, size });
        allowed.set(relative, full);
        if (files.length > limits.maxFiles) {
          throw new ApertureError(
            'ERR_TOO_LARGE',
            `${dir}: more than ${limits.maxFiles} files; point at the release folder itself`,
          );
        }
      }
    }
    files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return files;
  }

  function resolveListed(file: string): string {
    const relative = toPackRelative(file);
    const full = allowed.get(relative);
    if (!full) throw new ApertureError('ERR_NOT_FOUND', `${relative}: not a file of the pack`);
    return full;
  }

  return {
    source: source ?? { kind: 'folder', ref: dir },
    warnings,
    async listFiles() {
      cached ??= await walk();
      return cached;
    },
    async readFile(file, maxBytes = DEFAULT_READ_LIMIT): Promise<ReadResult> {
      cached ??= await walk();
      const full = resolveListed(file);
      // Re-resolve at read time: a link swapped in after the walk must not lead outside.
      const target = await realpath(full).catch(() => null);
      if (!target || !isInside(root, target)) {
        throw new ApertureError('ERR_PATH_ESCAPE', `${file}: resolves outside the pack; refused`);
      }
      const handle = await open(full, constants.O_RDONLY).catch((error: unknown) => {
        throw new ApertureError('ERR_UNREADABLE', `${file}: cannot be read`, { cause: error });
      });
      try {
        const size = (await handle.stat()).size;
        const length = Math.min(size, maxBytes);
        const buffer = Buffer.alloc(length);
        let offset = 0;
        while (offset < length) {
          const { bytesRead } = await handle.read(buffer, offset, length - offset, offset);
          if (bytesRead === 0) break;
          offset += bytesRead;
        }
        return { bytes: buffer.subarray(0, offset), truncated: size > maxBytes };
      } finally {
        await handle.close();
      }
    },
    localPath(file) {
      return allowed.get(file);
    },
    async close() {
      await onClose?.();
    },
  };
}
