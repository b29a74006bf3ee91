import type { ReleaseLocationSummary } from './evidence.ts';

/** A web address: its scheme, optional credentials, host and path (query and fragment left out). */
const WEB_REF = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?([^/]+)(\/[^#?]*)?/i;

/**
 * A short, readable name of a location for file paths and reports: `hf:org/name`,
 * `hf:datasets/org/name`, `github.com/org/repo`.
 *
 * @example
 * locationLabel('https://github.com/allenai/OLMo-core.git') // 'github.com/allenai/OLMo-core'
 */
export function locationLabel(ref: string): string {
  if (ref.startsWith('hf:')) return ref.replace(/@.*$/, '');
  const web = WEB_REF.exec(ref);
  if (web) return `${web[1]!.toLowerCase()}${(web[2] ?? '').replace(/\.git$/, '').replace(/\/+$/, '')}`;
  return ref.replace(/\/+$/, '');
}

/**
 * One spelling per location, so that a repository named twice (with or without `.git`, a revision,
 * `www.` or `hf:models/`, in another case) is recognised as one: opened once when followed, and
 * known as the release's own when its card links it.
 *
 * @example
 * locationKey('https://www.GitHub.com/Org/Repo.git') // 'github.com/org/repo'
 * locationKey('hf:models/Org/Name@v1') // 'hf:org/name'
 */
export function locationKey(ref: string): string {
  const key = locationLabel(ref).toLowerCase();
  if (ref.startsWith('hf:')) return key.replace(/^hf:models\//, 'hf:');
  return WEB_REF.test(ref) ? key.replace(/^www\./, '') : key;
}

/**
 * The path of a location's file within the release: the file's own path in the primary location, and
 * `<location label>/<path>` in the others (`github.com/allenai/OLMo-core/src/train.py`), so that every
 * file of a release spanning several locations has one unambiguous name that says where it is.
 *
 * @example
 * releasePath({ ref: 'hf:datasets/allenai/dolma', role: 'followed' }, 'README.md') // 'hf:datasets/allenai/dolma/README.md'
 */
export function releasePath(location: Pick<ReleaseLocationSummary, 'ref' | 'role'>, path: string): string {
  return location.role === 'primary' ? path : `${locationLabel(location.ref)}/${path}`;
}

/**
 * The location of the release a release path belongs to (`hf:org/name/config.json` belongs to
 * `hf:org/name`), with the path inside it; null for the primary location's own paths. The reverse of
 * `releasePath`.
 *
 * @example
 * locateReleasePath('github.com/org/code/train.py', evidence.locations) // { location: …, path: 'train.py' }
 */
export function locateReleasePath<T extends Pick<ReleaseLocationSummary, 'ref' | 'role'>>(
  path: string,
  locations: readonly T[],
): { location: T; path: string } | null {
  const others = locations
    .filter((location) => location.role !== 'primary')
    .map((location) => ({ location, label: locationLabel(location.ref) }))
    // The longest label first: a location nested in another (`/data/code` in `/data`, GitLab subgroups) claims its own files.
    .sort((a, b) => b.label.length - a.label.length);
  for (const { location, label } of others) {
    if (path.startsWith(`${label}/`)) return { location, path: path.slice(label.length + 1) };
  }
  return null;
}
