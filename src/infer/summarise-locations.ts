import { posix } from 'node:path';

/** Most locations listed one by one before they are grouped. */
const MAX_LISTED = 8;

function commonPrefix(names: readonly string[]): string {
  let prefix = names[0] ?? '';
  for (const name of names) while (!name.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

/**
 * Turns many file paths into a few locations a manifest can carry: the paths themselves when few,
 * else one glob per folder and extension (`model-*.safetensors`) or, with `folders`, the folders.
 *
 * @example
 * summariseLocations(['model-00001-of-00002.safetensors', …ten more]) // ['model-000*.safetensors']
 */
export function summariseLocations(paths: readonly string[], options: { folders?: boolean } = {}): string[] {
  const unique = [...new Set(paths)].sort();
  if (unique.length <= MAX_LISTED) return unique;
  const groups = new Map<string, string[]>();
  for (const path of unique) {
    const dir = posix.dirname(path);
    const ext = options.folders ? '' : (/(\.[a-z0-9]+)$/i.exec(path)?.[1] ?? '');
    const key = `${dir}\u0000${ext}`;
    groups.set(key, [...(groups.get(key) ?? []), path]);
  }
  const summarised: string[] = [];
  for (const [key, members] of groups) {
    const [dir, ext] = key.split('\u0000') as [string, string];
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
