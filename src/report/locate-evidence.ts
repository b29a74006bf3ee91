import type { EvidenceRef, ReleaseLocationSummary } from '../spec/index.ts';

/**
 * The label a location's files carry in the release (`hf:org/name`, `github.com/org/repo`): the same
 * spelling as scan's `locationLabel`, which the report module may not import.
 */
function labelOf(ref: string): string {
  if (ref.startsWith('hf:')) return ref.replace(/@.*$/, '');
  const web = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?([^/]+)(\/[^#?]*)?/i.exec(ref);
  if (web) return `${web[1]!.toLowerCase()}${(web[2] ?? '').replace(/\.git$/, '').replace(/\/+$/, '')}`;
  return ref.replace(/\/+$/, '');
}

/** Where a file of the release lives: its location (null for the primary one) and its path there. */
export interface LocatedFile {
  location: ReleaseLocationSummary | null;
  /** The file's path inside its location. */
  path: string;
}

/**
 * Splits a release file path into its location and the path inside it: files of the primary location
 * keep their path; those of other locations are named `<location label>/<path>` in the evidence
 * (`github.com/allenai/OLMo-core/src/train.py`). The evidence's own `location` is tried first.
 *
 * @example
 * locateEvidence({ file: 'github.com/acme/train/train.py', location: 'https://github.com/acme/train.git' }, report.locations)
 * // { location: { ref: 'https://github.com/acme/train.git', role: 'given', … }, path: 'train.py' }
 */
export function locateEvidence(
  ref: Pick<EvidenceRef, 'file' | 'location'> & { file: string },
  locations: readonly ReleaseLocationSummary[],
): LocatedFile {
  const others = locations.filter((location) => location.role !== 'primary');
  const hinted = others.filter((location) => location.ref === ref.location);
  // The longest label first, so a location nested in another (`/data/code` in `/data`) keeps its files.
  const byLabel = [...others].sort((a, b) => labelOf(b.ref).length - labelOf(a.ref).length);
  for (const location of [...hinted, ...byLabel]) {
    const prefix = `${labelOf(location.ref)}/`;
    if (ref.file.startsWith(prefix)) return { location, path: ref.file.slice(prefix.length) };
  }
  return { location: null, path: ref.file };
}
