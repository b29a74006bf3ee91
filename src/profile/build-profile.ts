import type { CheckOutcome } from '../checks/index.ts';
import {
  assessStages,
  isShippedStatus,
  RELEASE_PACK_DOCUMENTS,
  type ReleaseEvidence,
} from '../spec/index.ts';
import { detectOpenWashing } from './detect-open-washing.ts';
import { evaluateMof } from './evaluate-mof.ts';
import { osaidVerdict } from './osaid-verdict.ts';
import type { Completeness, ComponentRating, OpennessProfile } from './profile-types.ts';
import { rateComponents } from './rate-components.ts';

function completeness(components: readonly ComponentRating[]): Completeness {
  const items = RELEASE_PACK_DOCUMENTS.map((id) => {
    const component = components.find((candidate) => candidate.id === id)!;
    const shipped = component.rating === 'open' || component.rating === 'partial';
    const score = shipped ? (component.quality ? component.quality.score * 10 : 100) : 0;
    // A document counts as present only when something of it is written: a 0 is not a ✓.
    return { id, title: component.title, present: score > 0, score };
  });
  const percent = Math.round(items.reduce((sum, item) => sum + item.score, 0) / items.length);
  return { percent, items };
}

/**
 * Builds the openness profile from the evidence and the check outcomes.
 *
 * @example
 * const profile = buildProfile(evidence, runChecks(evidence));
 */
export function buildProfile(evidence: ReleaseEvidence, outcomes: readonly CheckOutcome[]): OpennessProfile {
  const components = rateComponents(evidence, outcomes);
  const earned = components.reduce((sum, component) => sum + component.points, 0);
  const available = components.reduce((sum, component) => sum + component.maxPoints, 0);
  const mof = evaluateMof(
    evidence.components.map((component) => {
      const rated = components.find((candidate) => candidate.id === component.id)!;
      return {
        id: component.id,
        included: isShippedStatus(component.status) && rated.rating !== 'closed',
        license: component.license,
      };
    }),
  );
  return {
    model: {
      name: evidence.model.name,
      organization: evidence.model.organization,
      version: evidence.model.version,
      country: evidence.model.country,
    },
    source: evidence.source,
    inferred: evidence.manifest.state !== 'valid',
    components,
    score: available === 0 ? 0 : Math.round((100 * earned) / available),
    mof,
    osaid: osaidVerdict(components),
    completeness: completeness(components),
    openWashing: detectOpenWashing(evidence, components),
    stages: assessStages(evidence.stages, evidence.asOf),
    asOf: evidence.asOf,
  };
}
