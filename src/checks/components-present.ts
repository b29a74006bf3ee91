import { isShippedStatus } from '../spec/index.ts';
import type { Check } from './check.ts';

/** Every component said to be released is where the manifest says it is. */
export const componentsPresent: Check = {
  id: 'components-present',
  title: 'Released components are present',
  risk: 'high',
  judges: [],
  docs: {
    why: 'A manifest that names files which are not there misleads users and funders alike; the release is only as open as what can actually be downloaded.',
    how: 'For each component marked `released` or `restricted`, make `location` point at files inside the pack (a file, a folder or a glob) or at a URL, and commit the files.',
    scoring:
      '10 × released or restricted components found where the manifest says / all released or restricted components; 0 when nothing is released.',
  },
  run(evidence) {
    const claimed = evidence.components.filter((component) => isShippedStatus(component.status));
    if (claimed.length === 0) {
      return {
        score: 0,
        reason: 'no component is released',
        evidence: [],
        remediation:
          'Release at least the model card and the evaluation harness; mark each in release-pack.yaml.',
      };
    }
    const problems: string[] = [];
    for (const component of claimed) {
      for (const location of component.escaping)
        problems.push(`${component.id}: "${location}" points outside the pack`);
      for (const location of component.missing)
        problems.push(`${component.id}: "${location}" matches no file`);
    }
    const broken = new Set(problems.map((problem) => problem.split(':')[0]));
    const present = claimed.length - broken.size;
    const score = Math.round((10 * present) / claimed.length);
    return {
      score,
      reason:
        problems.length === 0
          ? `all ${claimed.length} released component(s) are present`
          : `${broken.size} of ${claimed.length} released component(s) are not where the manifest says`,
      // When something is missing, point at the manifest entries that promise it; else at what is there.
      evidence:
        broken.size > 0
          ? claimed
              .filter((component) => broken.has(component.id))
              .map((component) => {
                const declared = component.evidence.find(
                  (ref) => ref.file && ref.note?.startsWith('declared'),
                );
                return { file: declared?.file, line: declared?.line, note: `${component.id}: not found` };
              })
          : claimed.slice(0, 10).map((component) => ({
              file: component.files[0],
              url: component.files[0] ? undefined : component.locations[0],
              note: component.id,
            })),
      remediation:
        problems.length === 0
          ? null
          : 'Add the missing files or correct each `location` in release-pack.yaml.',
      details: problems,
    };
  },
};
