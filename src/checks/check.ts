import type { z } from 'zod';
import type {
  CheckOutcomeSchema,
  CheckResultSchema,
  ComponentId,
  ReleaseEvidence,
  RISKS,
} from '../spec/index.ts';

/** How much a failing check matters, as in OpenSSF Scorecard. */
export type Risk = (typeof RISKS)[number];

/** What a check concluded (see CheckResultSchema). Checks never throw: a problem with the input is a failing result. */
export type CheckResult = z.output<typeof CheckResultSchema>;

/**
 * One check of the catalogue: a plain object, pure over the collected evidence.
 *
 * @example
 * export const safetyNotes: Check = { id: 'safety-notes', title: 'Safety notes present', risk: 'medium', … };
 */
export interface Check {
  /** Stable id, also the file name. */
  id: string;
  title: string;
  risk: Risk;
  /** Components whose quality this check judges; their score points are scaled by this check's score. */
  judges: readonly ComponentId[];
  docs: {
    /** Why the check matters, for docs/checks.md. */
    why: string;
    /** How to pass it, for docs/checks.md. */
    how: string;
    /** How the 0–10 score is made up, for docs/checks.md. */
    scoring?: string;
  };
  run(evidence: ReleaseEvidence): CheckResult;
}

/** A check's result together with the check's identity, as reports show it (see CheckOutcomeSchema). */
export type CheckOutcome = z.output<typeof CheckOutcomeSchema>;
