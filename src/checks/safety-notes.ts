import type { Check } from './check.ts';
import { judgeSections } from './shared/section-check.ts';

/** Highest score when components are withheld for safety but the notes do not say why. */
const UNEXPLAINED_WITHHOLDING_CAP = 5;

/** Safety notes exist, cover the required sections, and explain anything withheld for safety. */
export const safetyNotes: Check = {
  id: 'safety-notes',
  title: 'Safety notes present',
  risk: 'medium',
  judges: ['safety-notes'],
  docs: {
    why: 'Open release and safety are argued over in the open: safety notes record which harms were considered, what red-teaming found, which mitigations are in place and how to report problems. When something is withheld "for safety", the notes are the only place that says what, why and until when, so the claim can be weighed instead of taken on trust.',
    how: 'Ship SAFETY_NOTES.md and list it under `safety-notes` in release-pack.yaml, with the headings "Risk assessment", "Safety evaluations", "Mitigations", "Release decision" and "Reporting issues", each with at least 12 words. If any component is withheld or restricted with `reason: safety`, the "Release decision" section must say what was withheld, why, and when it will be reconsidered.',
    scoring: `10 × written sections / 5. When a component is withheld or restricted for safety, missing notes score 0 and notes without a written "Release decision" section score at most ${UNEXPLAINED_WITHHOLDING_CAP}. Notes that are only a URL or not Markdown score 3.`,
  },
  run(evidence) {
    const { result, coverage } = judgeSections(evidence, 'safety-notes', 'safety notes');
    const forSafety = (evidence.components ?? []).filter(
      (component) =>
        (component.status === 'withheld' || component.status === 'restricted') &&
        component.reason === 'safety',
    );
    if (forSafety.length === 0) return result;
    const names = forSafety.map((component) => component.id).join(', ');
    if (coverage.files.length === 0 || result.score === 0) {
      return {
        ...result,
        score: 0,
        reason: `${names} ${forSafety.length === 1 ? 'is' : 'are'} withheld for safety, but ${result.reason.replace(/^no /, 'there are no ')}`,
        remediation: `Write SAFETY_NOTES.md with a "Release decision" section that says why ${names} ${forSafety.length === 1 ? 'is' : 'are'} withheld and when that will be reconsidered.`,
      };
    }
    if (coverage.written.includes('release-decision')) return result;
    const decision = coverage.definition.sections.find((section) => section.id === 'release-decision')!;
    return {
      ...result,
      score: Math.min(result.score ?? 0, UNEXPLAINED_WITHHOLDING_CAP),
      reason: `${names} ${forSafety.length === 1 ? 'is' : 'are'} withheld for safety, but the safety notes do not explain the release decision`,
      remediation: `Write the "## ${decision.heading}" section in ${coverage.files[0]}: what was withheld (${names}), why, and when it will be reconsidered.${result.remediation ? ` ${result.remediation}` : ''}`,
      details: [
        `release-decision: ${names} withheld for safety need a written "${decision.heading}" section`,
        ...(result.details ?? []),
      ],
    };
  },
};
