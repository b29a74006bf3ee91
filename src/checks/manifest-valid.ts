import { MANIFEST_FILE } from '../spec/index.ts';
import type { Check } from './check.ts';

/** release-pack.yaml exists and follows the schema. */
export const manifestValid: Check = {
  id: 'manifest-valid',
  title: 'Release-pack manifest is valid',
  risk: 'critical',
  judges: [],
  docs: {
    why: 'A manifest states what was released, under which license and where, so that anyone (and any tool) can check it instead of guessing. Without one, Aperture can only infer components from conventional files, and every inferred rating is weaker evidence.',
    how: 'Run `aperture init` (or `aperture init --from .` to pre-fill it from what the release already has), complete release-pack.yaml, and run `aperture validate` until it reports no problem.',
    scoring:
      '10 when release-pack.yaml exists and follows the schema; 0 when it is absent (components are then inferred) or has problems.',
  },
  run(evidence) {
    const { manifest } = evidence;
    if (manifest.state === 'valid') {
      return {
        score: 10,
        reason: `${manifest.file} follows the release-pack schema`,
        evidence: [{ file: manifest.file }],
        remediation: null,
      };
    }
    if (manifest.state === 'absent') {
      return {
        score: 0,
        reason: `no ${MANIFEST_FILE}: components were inferred from conventional evidence`,
        evidence: [],
        remediation: `Add ${MANIFEST_FILE}: \`aperture init --from <this release>\` writes one pre-filled from what was found.`,
      };
    }
    const first = manifest.issues[0];
    return {
      score: 0,
      reason: `${manifest.file} has ${manifest.issues.length} problem(s)${first ? `, first: ${first.path ? `${first.path}: ` : ''}${first.message}` : ''}`,
      evidence: manifest.issues
        .slice(0, 20)
        .map((issue) => ({ file: manifest.file, line: issue.line, note: issue.message })),
      remediation: `Fix each problem that \`aperture validate\` lists in ${manifest.file}.`,
      details: manifest.issues.map(
        (issue) =>
          `${issue.line ? `${issue.line}:${issue.column ?? 1} ` : ''}${issue.path ? `${issue.path}: ` : ''}${issue.message}`,
      ),
    };
  },
};
