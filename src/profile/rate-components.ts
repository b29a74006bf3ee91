import type { CheckOutcome } from '../checks/index.ts';
import { ALL_CHECKS } from '../checks/index.ts';
import {
  COMPONENTS,
  classifyLicense,
  isShippedStatus,
  type ReleaseEvidence,
  type ResolvedComponent,
} from '../spec/index.ts';
import { isUrl } from '../util/index.ts';
import type { ComponentRating } from './profile-types.ts';

/** Score factor per rating: open earns all of a component's points, partial half, closed none. */
export const RATING_FACTORS = { open: 1, partial: 0.5, closed: 0 } as const;

/**
 * Score factor per verification: a component read in a location of the release earns its points; one
 * known only by a link (its URL and the words around it) earns half, until Aperture reads it.
 */
export const VERIFICATION_FACTORS = { verified: 1, 'linked-unverified': 0.5 } as const;

/** How a shipped component is known: read in a location of the release, or only linked. */
export type Verification = keyof typeof VERIFICATION_FACTORS;

const DATA_INFORMATION = new Set(['training-datasets', 'evaluation-data']);
/** Documents judged on their written sections: present but unwritten, they count for nothing. */
const WRITTEN_DOCUMENTS = new Set(['model-card', 'data-card', 'safety-notes', 'reproducibility']);
/** License texts that say nothing was stated, as against "no license" or "unlicensed". */
const UNSTATED = new Set(['', 'noassertion', 'unknown', 'not specified', 'license not specified']);

/** Statuses under which nothing of the component is released, so no license applies to it. */
const UNLICENSED_STATUSES = new Set<ResolvedComponent['status']>(['withheld', 'not-applicable']);
/** The license verdict of a component that has none. */
const NO_LICENSE = classifyLicense(null);

/** A location on the web (a URL or a magnet link), as against a file of the release. */
function hasUrl(component: ResolvedComponent): boolean {
  return component.locations.some(isUrl);
}

function isAvailable(component: ResolvedComponent): boolean {
  return component.files.length > 0 || hasUrl(component);
}

/** Verified when files of the component were found in a location read; linked when only its URL is known. */
export function verificationOf(component: ResolvedComponent): Verification | null {
  if (!isShippedStatus(component.status)) return null;
  if (component.files.length > 0) return 'verified';
  return hasUrl(component) ? 'linked-unverified' : null;
}

function licenseWording(component: ResolvedComponent): string | null {
  const license = component.license;
  if (license.class !== 'none') return null;
  return UNSTATED.has(license.input.trim().toLowerCase())
    ? 'license not stated'
    : 'released without a license';
}

/** Rates one component open, partial, closed or not applicable, with the reason. */
export function rateComponent(component: ResolvedComponent): Pick<ComponentRating, 'rating' | 'reason'> {
  const definition = COMPONENTS.find((candidate) => candidate.id === component.id)!;
  const license = component.license;
  switch (component.status) {
    case 'not-applicable':
      return definition.mofRequired
        ? { rating: 'closed', reason: 'marked not applicable, but the Model Openness Framework requires it' }
        : { rating: 'not-applicable', reason: component.note ?? 'marked not applicable' };
    case 'withheld':
      return {
        rating: 'closed',
        reason: component.reason ? `withheld (${component.reason})` : (component.note ?? 'withheld'),
      };
    case 'described':
      return DATA_INFORMATION.has(component.id)
        ? { rating: 'partial', reason: 'described but not released (counts as data information)' }
        : { rating: 'closed', reason: 'described but not released' };
    case 'restricted':
      if (!isAvailable(component)) return { rating: 'closed', reason: 'declared restricted but not found' };
      return {
        rating: 'partial',
        reason: `available with restricted access (${component.reason ?? 'gated'})`,
      };
    case 'released': {
      if (!isAvailable(component)) {
        return {
          rating: 'closed',
          reason: `declared released but not found at ${component.locations.join(', ') || 'any location'}`,
        };
      }
      const linked = component.files.length === 0 ? 'linked, unverified; ' : '';
      if (license.class === 'open')
        return { rating: 'open', reason: `${linked}released under ${license.expression} (open)` };
      const unstated = licenseWording(component);
      if (unstated) return { rating: 'partial', reason: `${linked}${unstated}` };
      if (license.class === 'unknown')
        return { rating: 'partial', reason: `${linked}released under an unidentified license` };
      return {
        rating: 'partial',
        reason: `${linked}released under ${license.expression} (${license.class})`,
      };
    }
  }
}

/** Markdown that says nothing: front matter, headings, HTML comments, unticked checklist items, rules. */
function saysNothing(text: string): boolean {
  const prose = text
    .replace(/^---\r?\n[\s\S]*?\r?\n---[ \t]*(\r?\n|$)/, '')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .split('\n')
    .filter((line) => !/^\s*(#|- \[ \]|\* \[ \]|[-*_]{3,}\s*$|\|?\s*:?-{3,})/.test(line))
    .join(' ');
  return !/[\p{L}]{2,}/u.test(prose);
}

/**
 * True for a document component whose every Markdown file was read and says nothing: an empty file or an
 * `aperture init` template left unfilled. Such a file is not a released model card or data card.
 */
function isUnwrittenDocument(component: ResolvedComponent, evidence: ReleaseEvidence): boolean {
  if (!WRITTEN_DOCUMENTS.has(component.id) || component.files.length === 0) return false;
  const texts = component.files.map((file) => evidence.documents?.[file]?.text);
  if (texts.some((text) => text === undefined)) return false;
  return texts.every((text) => saysNothing(text!));
}

/**
 * Rates every component and computes its score points: weight × rating factor × the score of the check
 * that judges its content (model card sections, parseable logs …) × the verification factor (a part
 * known only by its link earns half), so every point traces to a check or a link.
 */
export function rateComponents(
  evidence: ReleaseEvidence,
  outcomes: readonly CheckOutcome[],
): ComponentRating[] {
  return evidence.components.map((component) => {
    const definition = COMPONENTS.find((candidate) => candidate.id === component.id)!;
    const judge = ALL_CHECKS.find((check) => check.judges.includes(component.id));
    const judged = judge ? outcomes.find((outcome) => outcome.id === judge.id) : undefined;
    const quality = judged && judged.score !== null ? { check: judged.id, score: judged.score } : null;
    let { rating, reason } = rateComponent(component);
    // A document that is there but says nothing (empty, an unfilled template) is not a released document.
    if ((rating === 'open' || rating === 'partial') && isUnwrittenDocument(component, evidence)) {
      rating = 'closed';
      reason = 'present but unwritten: the file is empty or an unfilled template';
    }
    const verification =
      rating === 'closed' || rating === 'not-applicable' ? null : verificationOf(component);
    const maxPoints = rating === 'not-applicable' ? 0 : definition.weight;
    const factor = rating === 'not-applicable' ? 0 : RATING_FACTORS[rating];
    const qualityFactor = quality && rating !== 'closed' ? quality.score / 10 : 1;
    const verificationFactor = verification ? VERIFICATION_FACTORS[verification] : 1;
    return {
      id: component.id,
      title: definition.title,
      rating,
      status: component.status,
      inferred: component.origin === 'inferred',
      verification,
      // A component that was not released has no license: the pack's licenses cover only what it ships.
      license: UNLICENSED_STATUSES.has(component.status) ? NO_LICENSE : component.license,
      reason,
      evidence: component.evidence,
      points: Math.round(maxPoints * factor * qualityFactor * verificationFactor * 100) / 100,
      maxPoints,
      quality,
    };
  });
}
