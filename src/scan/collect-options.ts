import type { FollowLimits } from './follow-links.ts';
import type { LocationOpener } from './location-opener.ts';
import type { Pack } from './pack.ts';

/** Progress of collection, for a progress bar: hashing declared artifacts, following links. */
export type CollectProgress = (
  event:
    | { phase: 'hash'; bytesDone: number; bytesTotal: number }
    | { phase: 'follow'; target: string; opened: number },
) => void;

/** Options of evidence collection. */
export interface CollectOptions {
  /** The day to judge schedules on, YYYY-MM-DD; today (UTC) by default. */
  asOf?: string;
  /** Worker threads for hashing; all cores by default. */
  hashWorkers?: number;
  onProgress?: CollectProgress;
  /**
   * The AI-BOM to read, as a path in the pack (`aperture init --from bom.json`); by default every file
   * named as one (`bom.json`, `*.cdx.json`, `*.spdx3.json` …) at the root or one folder down.
   */
  bom?: string;
  /** Further locations of the same release (its code, its data), checked as one release with the pack. */
  given?: readonly Pack[];
  /**
   * Follows the links the release's texts contain (weights on the Hub, code on GitHub, datasets) through
   * this opener, within limits. Without it no link is followed and no request is made: linked parts
   * are rated *linked, unverified* from what the link and its text say.
   */
  follow?: {
    opener: LocationOpener;
    limits?: Partial<FollowLimits>;
    /** Hosts the destination rule allows (APERTURE_ALLOW_HOSTS): links to them are not refused on sight. */
    allowHosts?: readonly string[];
  };
}
