import type { z } from 'zod';
import type { CheckOutcome, Risk } from '../checks/index.ts';
import type { OpennessProfile } from '../profile/index.ts';
import { type FixSchema, isShippedStatus } from '../spec/index.ts';

/** One thing to do to raise openness, with what it is worth (see FixSchema). */
export type Fix = z.output<typeof FixSchema>;

/** What to do about one component, by why it falls short. */
function componentFix(component: OpennessProfile['components'][number]): string {
  const title = component.title.toLowerCase();
  if (component.verification === 'linked-unverified') {
    // Known only by a link: it earns half its points until the release lets it be read.
    const link = component.evidence.find((ref) => ref.url)?.url;
    const terms = component.rating === 'open' ? '' : ' under an open license';
    return `Make the ${title} readable${terms} (only linked${link ? `: ${link}` : ''}), so it is verified and earns its full points`;
  }
  if (component.rating === 'closed' && isShippedStatus(component.status)) {
    return `Ship the ${title} where release-pack.yaml says it is (${component.reason})`;
  }
  if (component.rating === 'closed' || component.status === 'described' || component.status === 'withheld') {
    return `Release the ${title} under an open license`;
  }
  if (component.status === 'restricted') return `Lift the access restrictions on the ${title}`;
  if (component.rating === 'partial') return `Put the ${title} under an open license`;
  return `Improve the ${title} (see check ${component.quality?.check})`;
}

const RISK_ORDER: Record<Risk, number> = { critical: 0, high: 1, medium: 2, low: 3 };

/**
 * The fixes worth most, most valuable first: failing critical and high checks, then the components
 * whose release would add the most score points.
 */
export function topFixes(profile: OpennessProfile, checks: readonly CheckOutcome[], limit = 5): Fix[] {
  const fromChecks: Fix[] = checks
    .filter((check) => check.score !== null && check.score < 10 && check.remediation)
    .map((check) => ({ action: check.remediation!, from: check.id, points: null, risk: check.risk }));
  const fromComponents: Fix[] = profile.components
    .filter((component) => component.maxPoints - component.points >= 1)
    .map((component) => ({
      action: componentFix(component),
      from: component.id,
      points: Math.round((component.maxPoints - component.points) * 10) / 10,
      risk: null,
    }));
  const urgent = fromChecks
    .filter((fix) => fix.risk === 'critical' || fix.risk === 'high')
    .sort((a, b) => RISK_ORDER[a.risk!] - RISK_ORDER[b.risk!]);
  const valuable = fromComponents.sort((a, b) => (b.points ?? 0) - (a.points ?? 0));
  const rest = fromChecks.filter((fix) => fix.risk === 'medium' || fix.risk === 'low');
  // Not-applicable checks may still advise (e.g. declare digests): last, since they move no points.
  const advice: Fix[] = checks
    .filter((check) => check.score === null && check.remediation)
    .map((check) => ({ action: check.remediation!, from: check.id, points: null, risk: check.risk }));
  return [...urgent, ...valuable, ...rest, ...advice].slice(0, limit);
}
