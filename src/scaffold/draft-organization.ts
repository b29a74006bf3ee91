import { parseHfId } from '../hub/index.ts';
import { classifyUrl } from '../infer/index.ts';
import { locateReleasePath, type ReleaseEvidence } from '../spec/index.ts';
import { isUrl } from '../util/index.ts';
import { locationWebUrl } from './location-url.ts';

/** The organisation of a Hub id, or null for anything that is not one. */
function hubOrg(ref: string): string | null {
  try {
    return parseHfId(ref).org;
  } catch {
    return null;
  }
}

/**
 * Who releases the model, when inference did not say: the Hub organisation of a Hub repository named
 * with the source, or of the one where the weights were read; the account of the primary git
 * repository; the Hub organisation of the weights' link.
 */
export function draftOrganization(evidence: ReleaseEvidence): { name: string; comment: string } | null {
  for (const location of evidence.locations) {
    if (location.role !== 'given' || location.kind !== 'hf') continue;
    const org = hubOrg(location.ref);
    if (org) return { name: org, comment: `inferred from ${location.ref}` };
  }
  const weights = evidence.components.find((component) => component.id === 'final-parameters');
  for (const file of weights?.files ?? []) {
    const found = locateReleasePath(file, evidence.locations);
    const org = found?.location.kind === 'hf' ? hubOrg(found.location.ref) : null;
    if (org) return { name: org, comment: `inferred from ${found!.location.ref}, where the weights are` };
  }
  const primary = evidence.locations.find((location) => location.role === 'primary');
  if (primary?.kind === 'git') {
    const page = locationWebUrl(primary);
    const owner = page ? new URL(page).pathname.split('/')[1] : undefined;
    if (owner) return { name: owner, comment: `inferred from the account of ${page}` };
  }
  for (const location of weights?.files.length === 0 ? weights.locations : []) {
    const link = isUrl(location) ? classifyUrl(location) : null;
    const org = link?.kind === 'hub-model' ? link.account : undefined;
    if (org) return { name: org, comment: `inferred from the weights' link ${location}` };
  }
  return null;
}
