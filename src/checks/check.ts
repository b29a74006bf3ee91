import type { ComponentId, EvidenceRef, ReleaseEvidence } from '../spec/index.ts';

/** How much a failing check matters, as in OpenSSF Scorecard. */
export type Risk = 'critical' | 'high' | 'medium' | 'low';

/** What a check concluded. Checks never throw: a problem with the input is a failing result. */
export interface CheckResult {
  /** 0–10, or null when the check does not apply to this release. */
  score: number | null;
  /** One sentence: what was found. */
  reason: string;
  /** Where it was found. */
  evidence: EvidenceRef[];
  /** What to do to raise the score, or null when nothing is left to do. */
  remediation: string | null;
  /** Further findings, one line each (e.g. each missing section). */
  details?: string[];
}

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

/** A check's result together with the check's identity, as reports show it. */
export interface CheckOutcome extends CheckResult {
  id: string;
  title: string;
  risk: Risk;
}
