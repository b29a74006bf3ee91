import { posix } from 'node:path';

/** Most locations listed one by one before they are grouped. */
const MAX_LISTED = 8;

function commonPrefix(names: readonly string[]): string {
  let prefix = names[0] ?? '';
  for (const name of names) while (!name.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

/**
 * The paths without repeats, in ascending order. Finders list paths in the pack's order, which is
 * sorted already: one look tells, and spares the set and the sort.
 */
function uniqueSorted(paths: readonly string[]): string[] {
  for (let i = 1; i < paths.length; i++) if (!(paths[i - 1]! < paths[i]!)) return [...new Set(paths)].sort();
  return [...paths];
}

/**
 * Turns many file paths into a few locations a manifest can carry: the paths themselves when few,
 * else one glob per folder and extension (`model-*.safetensors`) or, with `folders`, the folders.
 *
 * @example
 * summariseLocations(['model-00001-of-00002.safetensors', …ten more]) // ['model-000*.safetensors']
 */
export function summariseLocations(paths: readonly string[], options: { folders?: boolean } = {}): string[] {
  const unique = uniqueSorted(paths);
  if (unique.length <= MAX_LISTED) return unique;
  const groups = new Map<string, { dir: string; ext: string; members: string[] }>();
  for (const path of unique) {
    const dir = posix.dirname(path);
    const ext = options.folders ? '' : (/(\.[a-z0-9]+)$/i.exec(path)?.[1] ?? '');
    // By folder alone when extensions do not count: no key to build (and hash) for every path.
    const key = options.folders ? dir : `${dir}\u0000${ext}`;
    // Appended in place: copying the group for every member was quadratic in the group's size.
    const group = groups.get(key);
    if (group) group.members.push(path);
    else groups.set(key, { dir, ext, members: [path] });
  }
  const summarised: string[] = [];
  for (const { dir, ext, members } of groups.values()) {
    if (members.length === 1) {
      summarised.push(members[0]!);
    } else if (options.folders) {
      summarised.push(dir === '.' ? members.join('\u0000') : dir);
    } else {
      const names = members.map((member) => posix.basename(member, ext));
      const glob = `${commonPrefix(names).replace(/[*?[\]{}]/g, '')}*${ext}`;
      summarised.push(dir === '.' ? glob : `${dir}/${glob}`);
    }
  }
  const flat = summarised.flatMap((entry) => entry.split('\u0000'));
  if (flat.length <= MAX_LISTED * 2) return flat;
  // Still too many: fall back to top-level folders (and root files by name).
  return [...new Set(flat.map((entry) => (entry.includes('/') ? entry.split('/')[0]! : entry)))];
}
