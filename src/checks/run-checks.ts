import type { ReleaseEvidence } from '../spec/index.ts';
import type { Check, CheckOutcome } from './check.ts';
import { ALL_CHECKS } from './registry.ts';

/**
 * Runs checks over collected evidence. A check that throws (a bug) yields a failing outcome saying so,
 * so one bad check never aborts the run.
 *
 * @example
 * const outcomes = runChecks(evidence);
 */
export function runChecks(evidence: ReleaseEvidence, checks: readonly Check[] = ALL_CHECKS): CheckOutcome[] {
  return checks.map((check) => {
    try {
      const result = check.run(evidence);
      const score = result.score === null ? null : Math.max(0, Math.min(10, Math.round(result.score)));
      return { id: check.id, title: check.title, risk: check.risk, ...result, score };
    } catch (error) {
      return {
        id: check.id,
        title: check.title,
        risk: check.risk,
        score: 0,
        reason: `the check failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`,
        evidence: [],
        remediation: 'Report this as a bug in Aperture with the release that caused it.',
      };
    }
  });
}
