import type { z } from 'zod';
import type { ComponentId } from './components.ts';
import type { LicenseVerdict } from './license-classify.ts';
import type { Artifact, ComponentStatus, ReleasePack } from './release-pack-schema.ts';
import type {
  ChecksumOutcomeSchema,
  EvidenceRefSchema,
  ManifestIssueSchema,
  ManifestStateSchema,
  PackFileSchema,
  ReleaseLocationSummarySchema,
  SourceInfoSchema,
} from './report/evidence-schemas.ts';

/** Where a finding comes from: a file in the pack (with a line) or a URL (see EvidenceRefSchema). */
export type EvidenceRef = z.output<typeof EvidenceRefSchema>;

/** Where a release was read from (see SourceInfoSchema). */
export type SourceInfo = z.output<typeof SourceInfoSchema>;

/** One regular file of the pack (see PackFileSchema). */
export type PackFile = z.output<typeof PackFileSchema>;

/** A problem in release-pack.yaml, located in the file (see ManifestIssueSchema). */
export type ManifestIssue = z.output<typeof ManifestIssueSchema>;

/** The manifest as collected: valid, invalid with issues, or absent (see ManifestStateSchema). */
export type ManifestState = z.output<typeof ManifestStateSchema>;

/** A component as the checker sees it, declared in the manifest or inferred from conventional evidence. */
export interface ResolvedComponent {
  id: ComponentId;
  status: ComponentStatus;
  /** `declared` from release-pack.yaml, `inferred` from conventional evidence. */
  origin: 'declared' | 'inferred';
  /** Locations as given (paths inside the pack or URLs). */
  locations: string[];
  /** Pack files that the locations resolve to. */
  files: string[];
  /** Locations that are paths but match nothing in the pack. */
  missing: string[];
  /** Locations that point outside the pack (refused). */
  escaping: string[];
  license: LicenseVerdict;
  /** Where the license came from: the component, or the pack-wide LICENSE / model card. */
  licenseOrigin: 'component' | 'pack' | 'none';
  reason?: string;
  command?: string;
  note?: string;
  sha256?: string;
  artifacts: Artifact[];
  /** Why the checker believes what it does about this component. */
  evidence: EvidenceRef[];
}

/** A text file the collector read for the checks (documents, logs, results, dependency files). */
export interface TextDocument {
  path: string;
  text: string;
  /** True when only the head of a large file was read. */
  truncated: boolean;
}

/** The outcome of verifying one declared digest (see ChecksumOutcomeSchema). */
export type ChecksumOutcome = z.output<typeof ChecksumOutcomeSchema>;

/** One location of a release as the report names it (see ReleaseLocationSummarySchema). */
export type ReleaseLocationSummary = z.output<typeof ReleaseLocationSummarySchema>;

/**
 * Everything the checks look at, collected once from a release. Checks are pure functions of this.
 */
export interface ReleaseEvidence {
  source: SourceInfo;
  manifest: ManifestState;
  /** Name, organisation and dates of the release, from the manifest or inferred. */
  model: Partial<ReleasePack['model']> & { name: string };
  stages: NonNullable<ReleasePack['stages']>;
  citation: ReleasePack['citation'] | null;
  contacts: NonNullable<ReleasePack['contacts']>;
  funding: NonNullable<ReleasePack['funding']>;
  /** Every component of the standard, declared, inferred or absent (`withheld` with no evidence). */
  components: ResolvedComponent[];
  /** The license of the pack as a whole (LICENSE file or card front matter), if any. */
  packLicense: { verdict: LicenseVerdict; evidence: EvidenceRef } | null;
  files: PackFile[];
  /** Texts read for the checks, keyed by release path (`<location>/<path>` outside the pack). */
  documents: Record<string, TextDocument>;
  /** Files of components left unread because a component had more documents than are read. */
  unread: string[];
  /** Every location the release was read from, the pack first. */
  locations: ReleaseLocationSummary[];
  checksums: ChecksumOutcome[];
  /** Links to papers found in the pack (README, citation, components), for the paper check. */
  paperLinks: EvidenceRef[];
  /** The day the release is judged on (YYYY-MM-DD), so that schedule checks are reproducible. */
  asOf: string;
  /** Notes from collection, such as files skipped for being unsafe. */
  warnings: string[];
}
