import type { CheckOutcome } from '../checks/index.ts';
import type { OpennessProfile, PolicyOutcome } from '../profile/index.ts';
import type { ChecksumOutcome, ManifestState, PackFile, ReleaseLocationSummary } from '../spec/index.ts';

/** The version of the JSON report format; bumped on any incompatible change. */
export const REPORT_VERSION = 'aperture.dev/report/v1';

/** Everything one run of `aperture check` produced for one release. */
export interface CheckReport {
  reportVersion: typeof REPORT_VERSION;
  tool: { name: 'aperture'; version: string };
  /** What was checked. */
  target: string;
  profile: OpennessProfile;
  checks: CheckOutcome[];
  manifest: ManifestState;
  checksums: ChecksumOutcome[];
  files: { count: number; bytes: number; largest: PackFile[] };
  /** Every location the release was read from: the target first, then those named with it and those its links led to. */
  locations: ReleaseLocationSummary[];
  warnings: string[];
  /** The gate's verdict, when a policy, --min-score or --require-class was given. */
  gate: PolicyOutcome | null;
}
