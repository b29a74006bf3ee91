import type { ComponentId, EvidenceRef } from '../spec/index.ts';
import { isSameOwner } from './find-links.ts';

/** What a link found in a release's texts points at. */
export type LinkKind =
  | 'hub-model'
  | 'hub-dataset'
  | 'git-repo'
  | 'paper'
  | 'training-logs'
  | 'download'
  | 'license-terms'
  | 'web';

/** How a link came to be known: a structured field, a sentence, a table row, or a string in code. */
export type LinkVia = 'front-matter' | 'text' | 'table' | 'code';

/**
 * A link the release's own texts contain, read for what it says about the release: where a component
 * lives outside the location being read (weights on the Hub, code on GitHub, data in a dataset repo,
 * logs on a tracker, a paper), the license stated beside it, and the location to open to verify it.
 */
export interface ReleaseLink {
  /** The link as written, normalised (no trailing punctuation, no fragment). */
  url: string;
  kind: LinkKind;
  /**
   * The location to open to verify the link: `hf:org/name[@revision]`, `hf:datasets/org/name`, or an
   * https git URL. Absent for links Aperture never reads (papers, trackers, plain web pages, files).
   */
  target?: string;
  /** Components the link stands for, judged from its kind and the words around it. */
  components: ComponentId[];
  /** Lower-case owner of the linked repository (Hub org or git account), for same-owner rules. */
  owner?: string;
  /** A license the surrounding text states for what the link points at. */
  license?: string;
  /** A digest written beside the link (md5 or sha256), for download tables. */
  checksum?: string;
  via: LinkVia;
  /**
   * True when the text presents the link as one of the release's own resources: under the title
   * (badges), in a "Model sources" or "Resources" section, or labelled "Repository:" or "Code:".
   */
  presented?: boolean;
  /** Where the link stands, with the words around it. */
  evidence: EvidenceRef;
}

/**
 * Whether a link is one of the release's own: on an account that publishes the release, or presented by
 * the release's texts as its own resource. Linked findings and link following both decide by this.
 *
 * @example
 * isOwnLink({ owner: 'allenai', presented: false, … }, ['allenai']) // true
 */
export function isOwnLink(
  link: Pick<ReleaseLink, 'owner' | 'presented'>,
  owners: readonly string[],
): boolean {
  return isSameOwner(link.owner, owners) || link.presented === true;
}
