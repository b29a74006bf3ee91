import type { DocumentDefinition, ReleaseEvidence } from '../../spec/index.ts';
import type { CheckResult } from '../check.ts';
import {
  type DocumentCoverage,
  examineDocument,
  sectionDetails,
  sectionEvidence,
  unjudgeableDocument,
  writtenShare,
} from './document-coverage.ts';

/**
 * The common judgement of a release-pack document: 10 × written sections / required sections, with each
 * missing or empty section named in the details. Returns the coverage too, for checks that add rules.
 */
export function judgeSections(
  evidence: ReleaseEvidence,
  kind: DocumentDefinition['component'],
  what: string,
): { result: CheckResult; coverage: DocumentCoverage } {
  const coverage = examineDocument(evidence, kind);
  const unjudgeable = unjudgeableDocument(coverage, what);
  if (unjudgeable) return { result: unjudgeable, coverage };
  const total = coverage.definition.sections.length;
  const done = coverage.written.length;
  const files = coverage.files.join(', ');
  const details = sectionDetails(coverage);
  const reason =
    coverage.blank.length === coverage.files.length
      ? `the ${what} (${files}) is empty`
      : done === total
        ? `all ${total} required sections of the ${what} are written (${files})`
        : `${done} of ${total} required sections of the ${what} are written (${files})`;
  const todo = [...coverage.missing, ...coverage.empty];
  return {
    coverage,
    result: {
      score: Math.round(10 * writtenShare(coverage)),
      reason,
      evidence: sectionEvidence(coverage),
      remediation:
        todo.length === 0
          ? null
          : `Write the ${todo.length === 1 ? 'section' : 'sections'} ${coverage.definition.sections
              .filter((section) => todo.includes(section.id))
              .map((section) => `"${section.heading}"`)
              .join(', ')} in ${coverage.files[0]}, at least a few sentences each.`,
      details,
    },
  };
}
