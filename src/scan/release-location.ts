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

// The names of locations and their files are pure spelling, shared with report and scaffold through spec.
export { locationKey, locationLabel, releasePath } from '../spec/index.ts';
