import { isShippedStatus } from '../spec/index.ts';
import type { Check } from './check.ts';

/** Released components carry open licenses rather than restricted or proprietary terms. */
export const licensesOpen: Check = {
  id: 'licenses-open',
  title: 'Licenses are open',
  risk: 'medium',
  judges: [],
  docs: {
    why: 'Research compounds when others may study, modify and redistribute. Use-based restrictions, user caps and non-commercial clauses (most AI model licenses) stop fine-tuning and deployment by others, so MOF and OSAID only count OSI-approved, FSF-libre and open-data licenses.',
    how: 'License code under an OSI-approved license (Apache-2.0, MIT), data and weights under an open-data or OSI license (CC-BY-4.0, CDLA-Permissive-2.0, Apache-2.0), and documents under CC-BY-4.0.',
    scoring:
      '10 × released components under an open license (OSI-approved, FSF libre or open data) / all released components; not applicable when nothing is released.',
  },
  run(evidence) {
    const released = evidence.components.filter((component) => isShippedStatus(component.status));
    if (released.length === 0) {
      return { score: null, reason: 'no component is released', evidence: [], remediation: null };
    }
    const notOpen = released.filter((component) => component.license.class !== 'open');
    const score = Math.round((10 * (released.length - notOpen.length)) / released.length);
    return {
      score,
      reason:
        notOpen.length === 0
          ? `all ${released.length} released component(s) are under open licenses`
          : `${notOpen.length} of ${released.length} released component(s) are not under an open license`,
      evidence: notOpen.slice(0, 10).map((component) => ({
        url: component.license.source ?? undefined,
        note: `${component.id}: ${component.license.input || 'no license'}`,
      })),
      remediation:
        notOpen.length === 0
          ? null
          : `Relicense ${notOpen.map((component) => component.id).join(', ')} under open terms.`,
      details: notOpen.map(
        (component) => `${component.id}: ${component.license.class} (${component.license.reason})`,
      ),
    };
  },
};
