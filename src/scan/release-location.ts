import type { EvidenceRef } from '../spec/index.ts';
import type { Pack } from './pack.ts';

/** How a location became part of the release being checked. */
export type LocationRole = 'primary' | 'given' | 'followed';

/** One place a release lives: the repository checked, another named with it, or one its links lead to. */
export interface ReleaseLocation {
  /** The location as a user writes it: a path, `hf:org/name`, `hf:datasets/org/name`, a git URL. */
  ref: string;
  role: LocationRole;
  pack: Pack;
  /** The link that led here, for followed locations. */
  via?: EvidenceRef;
  /** How many links away from the locations given, 0 for those. */
  depth: number;
}

/**
 * A short, readable name of a location for file paths and reports: `hf:org/name`,
 * `hf:datasets/org/name`, `github.com/org/repo`.
 *
 * @example
 * locationLabel('https://github.com/allenai/OLMo-core.git') // 'github.com/allenai/OLMo-core'
 */
export function locationLabel(ref: string): string {
  if (ref.startsWith('hf:')) return ref.replace(/@.*$/, '');
  const web = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?([^/]+)(\/[^#?]*)?/i.exec(ref);
  if (web) return `${web[1]!.toLowerCase()}${(web[2] ?? '').replace(/\.git$/, '').replace(/\/+$/, '')}`;
  return ref.replace(/\/+$/, '');
}

/**
 * The path of a location's file within the release: the file's own path in the primary location, and
 * `<location label>/<path>` in the others (`github.com/allenai/OLMo-core/src/train.py`), so that every
 * file of a release spanning several locations has one unambiguous name that says where it is.
 *
 * @example
 * releasePath({ ref: 'hf:datasets/allenai/dolma', role: 'followed', … }, 'README.md') // 'hf:datasets/allenai/dolma/README.md'
 */
export function releasePath(location: Pick<ReleaseLocation, 'ref' | 'role'>, path: string): string {
  return location.role === 'primary' ? path : `${locationLabel(location.ref)}/${path}`;
}

/**
 * One spelling per location, so that a link followed twice (with or without `.git`, in another case)
 * is opened once.
 *
 * @example
 * locationKey('https://GitHub.com/Org/Repo.git/') // 'github.com/org/repo'
 */
export function locationKey(ref: string): string {
  return locationLabel(ref).toLowerCase();
}
