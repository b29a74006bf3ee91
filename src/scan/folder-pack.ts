import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readSync,
  realpathSync,
  type Stats,
  statSync,
} from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
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

/** How long file-system work may hold the event loop before letting other work run, in milliseconds. */
const SLICE_MS = 10;

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
  // The file each listed path was when the walk checked it, as device and inode: a read opens the path
  // and refuses it unless it is still that file, so no link or folder swapped in later leads outside.
  const identities = new Map<string, string>();
  const slicer = eventLoopSlicer();
  // path.join(root, relative), without normalising 10,000 paths that are already normal.
  const rootPrefix = root.endsWith(path.sep) ? root : `${root}${path.sep}`;
  const toFull =
    path.sep === '/'
      ? (relative: string) => `${rootPrefix}${relative}`
      : (relative: string) => `${rootPrefix}${relative.replaceAll('/', path.sep)}`;

  async function walk(): Promise<PackFile[]> {
    const files: PackFile[] = [];
    const pending: string[] = [''];
    while (pending.length > 0) {
      await slicer.pause();
      const relativeDir = pending.pop()!;
      const entries = readdirSync(path.join(root, relativeDir), { withFileTypes: true });
      for (const entry of entries) {
        const relative = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
        if (entry.isDirectory()) {
          if (!SKIPPED_DIRECTORIES.has(entry.name)) pending.push(relative);
          continue;
        }
        const full = toFull(relative);
        let size: number;
        if (entry.isSymbolicLink()) {
          const target = realpathOrNull(full);
          if (!target || !isInside(root, target)) {
            warnings.push(`${relative}: symbolic link points outside the pack; skipped`);
            continue;
          }
          const targetStat = statOrNull(target);
          if (!targetStat?.isFile()) continue;
          size = targetStat.size;
          identities.set(relative, identityOf(targetStat));
        } else if (entry.isFile()) {
          const fileStat = lstatSync(full);
          size = fileStat.size;
          identities.set(relative, identityOf(fileStat));
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
        if ((files.length & 63) === 0) await slicer.pause();
      }
    }
    files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return files;
  }

  function resolveListed(file: string): { full: string; identity: string } {
    const relative = toPackRelative(file);
    const full = allowed.get(relative);
    if (!full) throw new ApertureError('ERR_NOT_FOUND', `${relative}: not a file of the pack`);
    return { full, identity: identities.get(relative)! };
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
      await slicer.pause();
      const { full, identity } = resolveListed(file);
      let fd: number;
      try {
        fd = openSync(full, constants.O_RDONLY);
      } catch (error) {
        throw new ApertureError('ERR_UNREADABLE', `${file}: cannot be read`, { cause: error });
      }
      try {
        const opened = fstatSync(fd);
        // The file the walk found inside the pack, still: one fstat instead of resolving every folder of
        // the path again. Another file (replaced since, or reached through a link swapped in) is read
        // only if the path still resolves inside the pack.
        if (identityOf(opened) !== identity) {
          const target = realpathOrNull(full);
          if (!target || !isInside(root, target))
            throw new ApertureError('ERR_PATH_ESCAPE', `${file}: resolves outside the pack; refused`);
        }
        const size = opened.size;
        const length = Math.min(size, maxBytes);
        const buffer = Buffer.alloc(length);
        let offset = 0;
        while (offset < length) {
          const bytesRead = readSync(fd, buffer, offset, length - offset, offset);
          if (bytesRead === 0) break;
          offset += bytesRead;
        }
        return { bytes: buffer.subarray(0, offset), truncated: size > maxBytes };
      } finally {
        closeSync(fd);
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

/** The real path of a file, as `fs.promises.realpath` gives it, or null when it cannot be resolved. */
function realpathOrNull(file: string): string | null {
  try {
    return realpathSync.native(file);
  } catch {
    return null;
  }
}

/** A file's identity on its file system: device and inode. */
function identityOf(stats: Stats): string {
  return `${stats.dev}:${stats.ino}`;
}

function statOrNull(file: string): Stats | null {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}

/**
 * File-system work here uses synchronous calls: on cached metadata a sync lstat or open costs a few µs,
 * an async one several times that in thread-pool round trips, and 10,000 files make the difference.
 * `pause()` yields to the event loop once a slice has run SLICE_MS, so a server stays responsive.
 */
function eventLoopSlicer(): { pause(): Promise<void> } {
  let sliceStart = performance.now();
  return {
    async pause() {
      if (performance.now() - sliceStart <= SLICE_MS) return;
      await nextTurn();
      sliceStart = performance.now();
    },
  };
}
