import { type ComponentId, type EvidenceRef, locationKey } from '../spec/index.ts';
import { type Finding, UNSTATED_LICENSE } from './component-findings.ts';
import { isOwnLink, type ReleaseLink } from './release-link.ts';

const CODE_COMPONENTS = new Set<ComponentId>([
  'training-code',
  'evaluation-code',
  'inference-code',
  'data-preprocessing-code',
]);
const WEIGHT_COMPONENTS = new Set<ComponentId>(['final-parameters', 'intermediate-checkpoints']);
/** Words saying a linked model is another model this one builds on, not this release's weights. */
const LINEAGE_WORDS =
  /\b(base(d)? (model|on)|fine-?tun(ed|ing) (of|from)|derived from|compared? (to|with)|distilled from)\b/i;

/**
 * Findings from the links a location's texts contain: each part of the release that lives elsewhere
 * (weights on the Hub, code on GitHub, data in dataset repos, logs on a tracker, downloadable files)
 * becomes a `released` finding located at its URL, so that, until the link is followed and read, the
 * part is rated *linked, unverified* rather than closed. A link counts for the release when its
 * owner is the release's own, when a structured field names it (card `datasets:`), or when the words
 * around it say what part of the release it is. Papers are left to the paper rules.
 *
 * @example
 * linkFindings([{ url: 'https://huggingface.co/org/m', kind: 'hub-model', owner: 'org', components: ['final-parameters'], … }], ['org'], 'https://github.com/org/code')
 * // [{ id: 'final-parameters', status: 'released', locations: ['https://huggingface.co/org/m'], … }]
 */
export function linkFindings(
  links: readonly ReleaseLink[],
  owners: readonly string[],
  self?: string,
): Finding[] {
  const findings: Finding[] = [];
  const selfKey = self ? locationKey(self) : undefined;
  for (const link of links) {
    // A card linking its own repository (a badge, "this model") says nothing new.
    if (selfKey && link.target && locationKey(link.target) === selfKey && !link.target.includes('@'))
      continue;
    const own = isOwnLink(link, owners);
    const ids = link.components.filter((id) => counts(link, id, own));
    for (const id of ids) {
      // The release's own weights (on its account, or files its texts give to download) carry the
      // release's license; anything else linked has a license only where a text states it.
      const ownWeights = WEIGHT_COMPONENTS.has(id) && (own || link.kind === 'download');
      const license = link.license ?? (ownWeights ? undefined : UNSTATED_LICENSE);
      findings.push({
        id,
        status: 'released',
        locations: [link.url],
        ...(license ? { license } : {}),
        evidence: [linkedEvidence(link, id)],
      });
    }
  }
  return findings;
}

function counts(link: ReleaseLink, id: ComponentId, own: boolean): boolean {
  switch (link.kind) {
    case 'paper':
    case 'license-terms':
    case 'web':
      return false;
    case 'hub-model':
      // The release's own weights live under its own account; a base model is lineage, not a part.
      return own && link.via !== 'front-matter' && !LINEAGE_WORDS.test(link.evidence.note ?? '');
    case 'hub-dataset':
      return own || link.via === 'front-matter' || link.via === 'table' || link.via === 'text';
    case 'git-repo':
      return CODE_COMPONENTS.has(id);
    case 'training-logs':
    case 'download':
      return true;
  }
}

function linkedEvidence(link: ReleaseLink, id: ComponentId): EvidenceRef {
  const parts = [`linked: ${describe(link, id)}`];
  if (link.license) parts.push(`license stated as ${link.license} beside the link`);
  if (link.checksum) parts.push(`${link.checksum.length === 64 ? 'sha256' : 'md5'} given`);
  parts.push('not verified');
  return { ...link.evidence, url: link.url, note: parts.join('; ') };
}

function describe(link: ReleaseLink, id: ComponentId): string {
  switch (link.kind) {
    case 'hub-model':
      return id === 'intermediate-checkpoints' ? 'checkpoints on the Hub' : 'weights on the Hub';
    case 'hub-dataset':
      return 'dataset on the Hub';
    case 'git-repo':
      return `${id.replace(/-/g, ' ')} in a git repository`;
    case 'training-logs':
      return 'training logs on a tracker';
    case 'download':
      return `${id === 'final-parameters' ? 'weights' : 'files'} to download${/^magnet:/i.test(link.url) ? ' (magnet link)' : ''}`;
    default:
      return link.kind;
  }
}
