import type { Check } from './check.ts';
import { checksumsMatch } from './checksums-match.ts';
import { citationPresent } from './citation-present.ts';
import { componentsPresent } from './components-present.ts';
import { dataStatementSections } from './data-statement-sections.ts';
import { evalHarnessRunnable } from './eval-harness-runnable.ts';
import { evalResultsMachineReadable } from './eval-results-machine-readable.ts';
import { licensesOpen } from './licenses-open.ts';
import { licensesValid } from './licenses-valid.ts';
import { manifestValid } from './manifest-valid.ts';
import { modelCardSections } from './model-card-sections.ts';
import { paperLinked } from './paper-linked.ts';
import { reproducibilityComplete } from './reproducibility-complete.ts';
import { safetyNotes } from './safety-notes.ts';
import { stagedReleaseOnSchedule } from './staged-release-on-schedule.ts';
import { trainingLogsParseable } from './training-logs-parseable.ts';

/**
 * Every check, in report order: the manifest and what it points at, integrity, the release-pack
 * documents, evaluation, training evidence and reproducibility, then schedule, paper and citation.
 * A test asserts each check file is registered here and documented.
 */
export const ALL_CHECKS: readonly Check[] = [
  manifestValid,
  componentsPresent,
  licensesValid,
  licensesOpen,
  checksumsMatch,
  modelCardSections,
  dataStatementSections,
  safetyNotes,
  evalHarnessRunnable,
  evalResultsMachineReadable,
  trainingLogsParseable,
  reproducibilityComplete,
  stagedReleaseOnSchedule,
  paperLinked,
  citationPresent,
];

/** The check with this id, if any. */
export function findCheck(id: string): Check | undefined {
  return ALL_CHECKS.find((check) => check.id === id);
}
