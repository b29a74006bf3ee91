import type { ComponentId } from './components.ts';
import type { DocumentIssue } from './document-issue.ts';
import type { LicenseVerdict } from './license-classify.ts';
import type { Artifact, ComponentStatus, ReleasePack } from './release-pack-schema.ts';

/** Where a finding comes from: a file in the pack (with a line) or a URL. */
export interface EvidenceRef {
  file?: string;
  line?: number;
  url?: string;
  /** What this piece of evidence shows, in a few words. */
  note?: string;
  /** The location of the release the file belongs to, when it is not the primary one (`hf:org/name`, a git URL). */
  location?: string;
}

/** Where a release was read from. */
export interface SourceInfo {
  kind: 'folder' | 'archive' | 'git' | 'hf' | 'memory';
  /** What the user gave: a path, URL or `hf:org/name@rev`. */
  ref: string;
  /** The resolved revision (commit sha) when the source has one. */
  revision?: string;
  /** A web page for the release, when there is one (Hub page, repository). */
  url?: string;
  /** True when the Hub gates access to the repository's files. */
  gated?: boolean;
}

/** One regular file of the pack. */
export interface PackFile {
  /** Path relative to the pack root, with forward slashes. */
  path: string;
  size: number;
  /** A sha256 the source itself vouches for (the Hub's LFS object id), if any. */
  sourceSha256?: string;
}

/** A problem in release-pack.yaml, located in the file (the issue every validated document reports). */
export type ManifestIssue = DocumentIssue;

/** The manifest as collected: valid, invalid with issues, or absent (then components are inferred). */
export type ManifestState =
  | {
      state: 'valid';
      file: string;
      value: ReleasePack;
      /** The line of each component's entry, for evidence that points into the manifest. */
      componentLines: Record<string, number>;
    }
  | { state: 'invalid'; file: string; issues: ManifestIssue[] }
  | { state: 'absent' };

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

/** The outcome of verifying one declared digest. */
export interface ChecksumOutcome {
  path: string;
  expected: string;
  /** The digest computed (or vouched for by the source), or null when the file could not be hashed. */
  actual: string | null;
  /** `computed` by hashing the bytes, `source` when taken from the source (Hub LFS ids). */
  method: 'computed' | 'source';
  error?: string;
}

/** One location of a release as the report names it: the pack checked, one named with it, or one a link led to. */
export interface ReleaseLocationSummary {
  /** As a user writes it: a path, `hf:org/name`, `hf:datasets/org/name`, a git URL. */
  ref: string;
  role: 'primary' | 'given' | 'followed';
  kind: SourceInfo['kind'];
  revision?: string;
  url?: string;
  /** Files it lists. */
  files: number;
  /** The link that led to it. */
  via?: EvidenceRef;
}

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
