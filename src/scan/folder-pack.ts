import {
  closeSync,
  constants,
  type Dirent,
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
  // The listed paths in order, and each file as the walk found it (device and inode) at the same
  // position: a read opens the path and refuses it unless it is still that file, so no link or folder
  // swapped in later leads outside. Arrays searched by bisection, not a map of every path.
  let listed: Listing = { paths: [], devices: [], inodes: [] };
  const slicer = eventLoopSlicer();
  // path.join(root, relative), without normalising 10,000 paths that are already normal.
  const rootPrefix = root.endsWith(path.sep) ? root : `${root}${path.sep}`;
  const toFull =
    path.sep === '/'
      ? (relative: string) => `${rootPrefix}${relative}`
      : (relative: string) => `${rootPrefix}${relative.replaceAll('/', path.sep)}`;

  /** A folder's entries in the order their paths sort in. */
  function readFolder(relativeDir: string): FolderCursor {
    const entries = readdirSync(relativeDir ? toFull(relativeDir) : root, { withFileTypes: true });
    return { relativeDir, entries: entries.sort(inPathOrder), next: 0 };
  }

  async function walk(): Promise<PackFile[]> {
    const files: PackFile[] = [];
    const found: Listing = { paths: [], devices: [], inodes: [] };
    // Depth first, each folder in path order: the list comes out sorted, with no sort of 10,000 paths.
    await slicer.pause();
    const open: FolderCursor[] = [readFolder('')];
    while (open.length > 0) {
      const folder = open[open.length - 1]!;
      if (folder.next === folder.entries.length) {
        open.pop();
        continue;
      }
      const entry = folder.entries[folder.next++]!;
      const relative = folder.relativeDir ? `${folder.relativeDir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) {
          if (slicer.due()) await slicer.pause();
          open.push(readFolder(relative));
        }
        continue;
      }
      const full = toFull(relative);
      let fileStat: Stats;
      if (entry.isSymbolicLink()) {
        const target = realpathOrNull(full);
        if (!target || !isInside(root, target)) {
          warnings.push(`${relative}: symbolic link points outside the pack; skipped`);
          continue;
        }
        const targetStat = statOrNull(target);
        if (!targetStat?.isFile()) continue;
        fileStat = targetStat;
      } else if (entry.isFile()) {
        fileStat = lstatSync(full);
      } else {
        continue;
      }
      files.push({ path: relative, size: fileStat.size });
      found.paths.push(relative);
      found.devices.push(fileStat.dev);
      found.inodes.push(fileStat.ino);
      if (files.length > limits.maxFiles) {
        throw new ApertureError(
          'ERR_TOO_LARGE',
          `${dir}: more than ${limits.maxFiles} files; point at the release folder itself`,
        );
      }
      if ((files.length & 63) === 0 && slicer.due()) await slicer.pause();
    }
    listed = found;
    return files;
  }

  /** The position of a listed path, or -1. */
  function listedAt(relative: string): number {
    const { paths } = listed;
    let low = 0;
    let high = paths.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (paths[middle]! < relative) low = middle + 1;
      else high = middle;
    }
    return paths[low] === relative ? low : -1;
  }

  function resolveListed(file: string): { full: string; dev: number; ino: number } {
    const relative = toPackRelative(file);
    const at = listedAt(relative);
    if (at < 0) throw new ApertureError('ERR_NOT_FOUND', `${relative}: not a file of the pack`);
    return { full: toFull(relative), dev: listed.devices[at]!, ino: listed.inodes[at]! };
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
      if (slicer.due()) await slicer.pause();
      const { full, dev, ino } = resolveListed(file);
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
        if (opened.dev !== dev || opened.ino !== ino) {
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
      return listedAt(file) < 0 ? undefined : toFull(file);
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

/** The files a walk listed, in path order, with their identity (device and inode) at the same position. */
interface Listing {
  paths: string[];
  devices: number[];
  inodes: number[];
}

/** A folder being walked: its entries in path order and the next one to visit. */
interface FolderCursor {
  relativeDir: string;
  entries: Dirent[];
  next: number;
}

/**
 * Orders a folder's entries as their paths sort (by code unit): a folder's name counts with the `/` that
 * follows it in its files' paths, so `a-b` comes before the folder `a` (`-` sorts before `/`) and `a0`
 * after it.
 */
function inPathOrder(a: Dirent, b: Dirent): number {
  const x = a.name;
  const y = b.name;
  const common = Math.min(x.length, y.length);
  for (let i = 0; i < common; i++) {
    const difference = x.charCodeAt(i) - y.charCodeAt(i);
    if (difference !== 0) return difference;
  }
  // One name begins the other: after it comes a `/` for a folder, the end of the path for a file.
  const afterX = x.length > common ? x.charCodeAt(common) : a.isDirectory() ? 47 : -1;
  const afterY = y.length > common ? y.charCodeAt(common) : b.isDirectory() ? 47 : -1;
  return afterX - afterY;
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
function eventLoopSlicer(): { due(): boolean; pause(): Promise<void> } {
  let sliceStart = performance.now();
  const due = () => performance.now() - sliceStart > SLICE_MS;
  return {
    // Asked before awaiting pause(), so that a walk or a read awaits (a microtask each) only when a slice is over.
    due,
    async pause() {
      if (!due()) return;
      await nextTurn();
      sliceStart = performance.now();
    },
  };
}
