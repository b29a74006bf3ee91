import type { CheckOutcome } from '../checks/index.ts';
import { ALL_CHECKS } from '../checks/index.ts';
import { COMPONENTS, type ReleaseEvidence, type ResolvedComponent } from '../spec/index.ts';
import type { ComponentRating } from './profile-types.ts';

/** Score factor per rating: open earns all of a component's points, partial half, closed none. */
export const RATING_FACTORS = { open: 1, partial: 0.5, closed: 0 } as const;

const DATA_INFORMATION = new Set(['training-datasets', 'evaluation-data']);

function isAvailable(component: ResolvedComponent): boolean {
  const hasUrl = component.locations.some((location) => /^[a-z][a-z0-9+.-]*:\/\//i.test(location));
  return component.files.length > 0 || hasUrl;
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
      if (license.class === 'open')
        return { rating: 'open', reason: `released under ${license.expression} (open)` };
      if (license.class === 'none') return { rating: 'partial', reason: 'released without a license' };
      if (license.class === 'unknown')
        return { rating: 'partial', reason: `released under an unidentified license` };
      return { rating: 'partial', reason: `released under ${license.expression} (${license.class})` };
    }
  }
}

/**
 * Rates every component and computes its score points: weight × rating factor × the score of the check
 * that judges its content (model card sections, parseable logs …), so every point traces to a check.
 */
export function rateComponents(
  evidence: ReleaseEvidence,
  outcomes: readonly CheckOutcome[],
): ComponentRating[] {
  return evidence.components.map((component) => {
    const definition = COMPONENTS.find((candidate) => candidate.id === component.id)!;
    const { rating, reason } = rateComponent(component);
    const judge = ALL_CHECKS.find((check) => check.judges.includes(component.id));
    const judged = judge ? outcomes.find((outcome) => outcome.id === judge.id) : undefined;
    const quality = judged && judged.score !== null ? { check: judged.id, score: judged.score } : null;
    const maxPoints = rating === 'not-applicable' ? 0 : definition.weight;
    const factor = rating === 'not-applicable' ? 0 : RATING_FACTORS[rating];
    const qualityFactor = quality && rating !== 'closed' ? quality.score / 10 : 1;
    return {
      id: component.id,
      title: definition.title,
      rating,
      status: component.status,
      inferred: component.origin === 'inferred',
      license: component.license,
      reason,
      evidence: component.evidence,
      points: Math.round(maxPoints * factor * qualityFactor * 100) / 100,
      maxPoints,
      quality,
    };
  });
}
