import picomatch from 'picomatch';
import { ApertureError } from '../errors.ts';
import type { PackFile } from '../spec/index.ts';
import { isUrl, toPackRelative } from '../util/index.ts';

/** A location's file list with a by-path lookup, built once for matching locations. */
export interface FileIndex {
  files: PackFile[];
  byPath: Map<string, PackFile>;
  /** Whether paths are in ascending code-unit order, as `Pack.listFiles` promises. */
  sorted: boolean;
}

/** Indexes a file list for `resolveLocations`. */
export function indexFiles(files: PackFile[]): FileIndex {
  let sorted = true;
  for (let i = 1; i < files.length && sorted; i++) sorted = files[i - 1]!.path < files[i]!.path;
  return { files, byPath: new Map(files.map((file) => [file.path, file])), sorted };
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
  let low = 0;
  let high = files.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (files[middle]!.path < prefix) low = middle + 1;
    else high = middle;
  }
  const matched: string[] = [];
  for (let i = low; i < files.length && files[i]!.path.startsWith(prefix); i++) matched.push(files[i]!.path);
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
  for (const location of locations) {
    if (isUrl(location)) continue;
    try {
      const matched = matchLocation(location, index);
      if (matched.length === 0) resolved.missing.push(location);
      resolved.files.push(...matched);
    } catch (error) {
      if (error instanceof ApertureError && error.code === 'ERR_PATH_ESCAPE')
        resolved.escaping.push(location);
      else throw error;
    }
  }
  resolved.files = [...new Set(resolved.files)];
  return resolved;
}
