import { renderCompactTable } from '../compact-table.ts';
import { statusCountsText } from './status-counts-text.ts';

/** A program in the list, as the table shows it (the programs' `ProgramSummary` fits it). */
export interface ProgramListItemView {
  id: string;
  demo: boolean;
  kind: string;
  funder: string;
  totalBudget: number;
  currency: string;
  awardCount: number;
  /** Deliverables by the status of their latest verification. */
  status: Readonly<Record<string, number>>;
}

/**
 * The stored programs as a table, one row each with its deliverables by status; a hint to load some when
 * there are none.
 *
 * @example
 * io.stdout.write(renderProgramList(await listPrograms(db)));
 */
export function renderProgramList(programs: readonly ProgramListItemView[]): string {
  if (programs.length === 0) return 'no programs stored; load some with `aperture programs load programs/`\n';
  return renderCompactTable(
    ['Program', 'Kind', 'Funder', 'Budget', 'Awards', 'Deliverables'],
    programs.map((program) => [
      `${program.id}${program.demo ? ' (demo)' : ''}`,
      program.kind,
      program.funder,
      `${program.totalBudget} ${program.currency}`,
      program.awardCount,
      statusCountsText(program.status) || 'none',
    ]),
  );
}
