import picomatch from 'picomatch';
import { ApertureError } from '../errors.ts';
import type { PackFile } from '../spec/index.ts';
import { isUrl, toPackRelative } from '../util/index.ts';

/** The files of a location by path: a `Map` does, and so does the bisection of a sorted list. */
export interface PathLookup {
  has(path: string): boolean;
  get(path: string): PackFile | undefined;
}

/** A location's file list with a by-path lookup, built once for matching locations. */
export interface FileIndex {
  files: PackFile[];
  byPath: PathLookup;
  /** Whether paths are in ascending code-unit order, as `Pack.listFiles` promises. */
  sorted: boolean;
}

/** Indexes a file list for `resolveLocations`. */
export function indexFiles(files: PackFile[]): FileIndex {
  let sorted = true;
  for (let i = 1; i < files.length && sorted; i++) sorted = files[i - 1]!.path < files[i]!.path;
  // A sorted list is searched by bisection: a check looks up a few hundred paths, and a map of every
  // path of a 10,000-file release costs more to build than they do.
  const byPath: PathLookup = sorted ? sortedLookup(files) : new Map(files.map((file) => [file.path, file]));
  return { files, byPath, sorted };
}

/** The index of the first file whose path is not below `path`, in a list sorted by path. */
function lowerBound(files: readonly PackFile[], path: string): number {
  let low = 0;
  let high = files.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (files[middle]!.path < path) low = middle + 1;
    else high = middle;
  }
  return low;
}

function sortedLookup(files: readonly PackFile[]): PathLookup {
  const get = (path: string): PackFile | undefined => {
    const file = files[lowerBound(files, path)];
    return file?.path === path ? file : undefined;
  };
  return { get, has: (path) => get(path) !== undefined };
}

/** Which files a location names: a file, a folder (everything under it) or a glob. */
function matchLocation(location: string, index: FileIndex): string[] {
  const files = index.files;
  const relative = toPackRelative(location, 'location');
  if (relative === '') return files.map((file) => file.path);
  if (/[*?[{]/.test(relative)) {
    const isMatch = picomatch(relative, { dot: true });
    return files.filter((file) => isMatch(file.path)).map((file) => file.path);
  }
  if (index.byPath.has(relative)) return [relative];
  const prefix = `${relative}/`;
  if (!index.sorted) return files.filter((file) => file.path.startsWith(prefix)).map((file) => file.path);
  // In a sorted list the paths under a folder are one run: find its start by bisection.
  const matched: string[] = [];
  for (let i = lowerBound(files, prefix); i < files.length && files[i]!.path.startsWith(prefix); i++)
    matched.push(files[i]!.path);
  return matched;
}

/** The files that locations resolve to, the paths that match nothing, and those that escape the location. */
export interface ResolvedLocations {
  files: string[];
  missing: string[];
  escaping: string[];
}

/**
 * Resolves locations (files, folders, globs; URLs are skipped) against a file index.
 *
 * @example
 * resolveLocations(['weights/', 'https://x.org/m'], indexFiles(files)) // { files: ['weights/a.safetensors'], missing: [], escaping: [] }
 */
export function resolveLocations(locations: readonly string[], index: FileIndex): ResolvedLocations {
  const resolved: ResolvedLocations = { files: [], missing: [], escaping: [] };
  let matching = 0;
  for (const location of locations) {
    if (isUrl(location)) continue;
    try {
      const matched = matchLocation(location, index);
      if (matched.length === 0) resolved.missing.push(location);
      else matching++;
      // Appended one by one: spread as arguments, a folder of some 150,000 files overflows the stack.
      if (resolved.files.length === 0) resolved.files = matched;
      else for (const file of matched) resolved.files.push(file);
    } catch (error) {
      if (error instanceof ApertureError && error.code === 'ERR_PATH_ESCAPE')
        resolved.escaping.push(location);
      else throw error;
    }
  }
  // One location of a sorted (so repeat-free) list matches each path once: only several can repeat one.
  if (matching > 1 || !index.sorted) resolved.files = [...new Set(resolved.files)];
  return resolved;
}
