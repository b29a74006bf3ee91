import { formatScore } from '../../util/index.ts';
import { renderCompactTable } from '../compact-table.ts';
import { statusCountsText } from './status-counts-text.ts';

/** One deliverable's result in a verification run, as the text shows it. */
export interface VerifiedDeliverableView {
  program: string;
  award: string;
  requirement: string;
  due: string;
  status: string;
  score: number | null;
  mofClass: string | null;
  missing: readonly string[];
  fixes: readonly string[];
}

/** A verification run, as the text shows it (the programs' `VerifyOutcome` fits it). */
export interface VerificationView {
  runId: number;
  asOf: string;
  resumed: boolean;
  skipped: number;
  results: readonly VerifiedDeliverableView[];
  counts: Readonly<Record<string, number>>;
}

/**
 * A verification run as text: a table of every deliverable's status, then what is missing (and how to fix
 * it) for each failing or overdue one, the unverifiable ones, and the counts by status.
 *
 * @example
 * io.stdout.write(renderVerification(await verifyDeliverables(db, { asOf: '2026-06-01' })));
 */
export function renderVerification(outcome: VerificationView): string {
  const lines: string[] = [
    `verification run ${outcome.runId} as of ${outcome.asOf}${outcome.resumed ? ` (resumed; ${outcome.skipped} deliverable(s) already recorded)` : ''}`,
    '',
    renderCompactTable(
      ['Program', 'Award', 'Deliverable', 'Due', 'Status', 'Score', 'Class'],
      outcome.results.map((result) => [
        result.program,
        result.award,
        result.requirement,
        result.due,
        result.status,
        result.score === null ? null : formatScore(result.score),
        result.mofClass,
      ]),
    ),
  ];
  const problems = outcome.results.filter(
    (result) => result.status === 'fail' || result.status === 'overdue',
  );
  if (problems.length > 0) {
    lines.push('Failing and overdue deliverables:');
    for (const result of problems) {
      lines.push(
        `  ${result.award} / ${result.requirement}: ${result.status.toUpperCase()} (due ${result.due})`,
      );
      for (const item of result.missing) lines.push(`    - ${item}`);
      for (const fix of result.fixes) lines.push(`    fix: ${fix}`);
    }
    lines.push('');
  }
  const unverifiable = outcome.results.filter((result) => result.status === 'unverifiable');
  if (unverifiable.length > 0) {
    lines.push(
      `Unverifiable (not counted as passing): ${unverifiable.length}; e.g. ${unverifiable[0]!.missing[0]}`,
      '',
    );
  }
  lines.push(`Summary: ${statusCountsText(outcome.counts) || 'no deliverables'}`);
  return `${lines.join('\n')}\n`;
}
