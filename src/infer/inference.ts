import type { ComponentId, ComponentStatus, EvidenceRef, PackFile, ReleasePack } from '../spec/index.ts';
import type { ReleaseLink } from './release-link.ts';

/** What inference may read: the file list and small text files. */
export interface InferenceInput {
  files: PackFile[];
  /** UTF-8 text of a pack file (at most `maxBytes`), or null when it is missing, binary or not UTF-8. */
  readText(path: string, maxBytes?: number): Promise<string | null>;
  /** Where the pack came from, for naming the model when nothing else does (`org/name`). */
  sourceRef: string;
  /** True when the Hub gates the repository's files (an access request), whatever its card says. */
  gated?: boolean;
}

/** One component as inferred from conventional evidence. */
export interface InferredComponent {
  id: ComponentId;
  status: ComponentStatus;
  /** Pack paths (files or folders) or URLs where the component was found. */
  locations: string[];
  /** License stated for this component specifically (e.g. a dataset's license), if any. */
  license?: string;
  evidence: EvidenceRef[];
}

/** Everything inference concluded about a release without a manifest. */
export interface Inference {
  model: Partial<ReleasePack['model']> & { name: string };
  components: InferredComponent[];
  /** The release's license from the model card front matter or a LICENSE file. */
  packLicense: { license: string; evidence: EvidenceRef } | null;
  citation: ReleasePack['citation'] | null;
  /** Links to papers (arXiv, DOI) found in the README, model card or CITATION.cff. */
  paperLinks: EvidenceRef[];
  /** Every link the texts contain that can speak for the release, classified, for following. */
  links: ReleaseLink[];
  /**
   * The accounts that publish this location's release: the owner of the location itself (Hub org or
   * git account) and the organisation its card names. Links on these accounts are the release's own.
   */
  owners: string[];
}
