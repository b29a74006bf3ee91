import { type EvidenceRef, locateReleasePath, type ReleaseLocationSummary } from '../spec/index.ts';

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
  const hinted = locations.filter((location) => location.ref === ref.location);
  return (
    locateReleasePath(ref.file, hinted) ??
    locateReleasePath(ref.file, locations) ?? { location: null, path: ref.file }
  );
}
