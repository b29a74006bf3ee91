import { isShippedStatus } from '../spec/index.ts';
import type { Check } from './check.ts';

/** Licenses are SPDX expressions or catalogued AI licenses, written as such. */
export const licensesValid: Check = {
  id: 'licenses-valid',
  title: 'Licenses are valid identifiers',
  risk: 'high',
  judges: [],
  docs: {
    why: 'A license people and tools cannot identify is as good as none: users cannot tell what they may do, and no openness rating can be given. SPDX expressions (and a known id for each AI model license) remove the doubt.',
    how: 'Write each `license` as an SPDX expression (`Apache-2.0`, `CC-BY-4.0 OR MIT`) or a catalogued AI license id (`llama3.1`, `gemma`, `openrail-m`; listed in docs/licenses.md), and give every released component a license, directly or through `licenses:`.',
    scoring:
      '10 × released components whose license is an SPDX expression or a catalogued AI license id as written / all released components; not applicable when nothing is released.',
  },
  run(evidence) {
    const released = evidence.components.filter((component) => isShippedStatus(component.status));
    if (released.length === 0) {
      return { score: null, reason: 'no component is released', evidence: [], remediation: null };
    }
    const problems: string[] = [];
    let good = 0;
    for (const component of released) {
      const verdict = component.license;
      if (verdict.class === 'none') problems.push(`${component.id}: no license`);
      else if (verdict.class === 'unknown') problems.push(`${component.id}: ${verdict.reason}`);
      else if (!verdict.exact)
        problems.push(`${component.id}: "${verdict.input}" should be written ${verdict.expression}`);
      else good++;
    }
    const score = Math.round((10 * good) / released.length);
    return {
      score,
      reason:
        problems.length === 0
          ? `every released component has an identifiable license`
          : `${released.length - good} of ${released.length} released component(s) lack a valid license identifier`,
      evidence: evidence.packLicense ? [evidence.packLicense.evidence] : [],
      remediation:
        problems.length === 0
          ? null
          : 'Give each component an SPDX expression or a catalogued AI license id.',
      details: problems,
    };
  },
};
