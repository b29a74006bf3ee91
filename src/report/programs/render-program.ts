import { renderCompactTable } from '../compact-table.ts';
import { statusCountsText } from './status-counts-text.ts';

/** One program with its requirements and awards, as the text shows it (the programs' `ProgramDetail` fits it). */
export interface ProgramView {
  id: string;
  name: string;
  kind: string;
  demo: boolean;
  funder: string;
  totalBudget: number;
  currency: string;
  computeBudgetGpuHours: number | null;
  requirements: readonly { id: string; kind: string; title?: string }[];
  awards: readonly {
    id: string;
    recipient: string;
    country: string | null;
    money: number;
    computeGpuHours: number;
    endDate: string;
    /** Deliverables by the status of their latest verification. */
    status: Readonly<Record<string, number>>;
  }[];
}

/**
 * One program as text: its kind, funder and budget, its requirements, then a table of its awards with
 * their deliverables by status.
 *
 * @example
 * io.stdout.write(renderProgram(await getProgram(db, 'open-artifacts-fellowship')));
 */
export function renderProgram(program: ProgramView): string {
  const lines = [
    `${program.name} (${program.id}): ${program.kind}${program.demo ? ', DEMO with fictional facts' : ''}`,
    `Funder: ${program.funder}; budget ${program.totalBudget} ${program.currency}${program.computeBudgetGpuHours ? ` and ${program.computeBudgetGpuHours} GPU-hours` : ''}`,
    '',
    'Requirements:',
    ...program.requirements.map(
      (requirement) =>
        `  ${requirement.id} (${requirement.kind})${requirement.title ? `: ${requirement.title}` : ''}`,
    ),
    '',
  ];
  const awards = renderCompactTable(
    ['Award', 'Recipient', 'Country', 'Money', 'GPU-hours', 'Ends', 'Deliverables'],
    program.awards.map((award) => [
      award.id,
      award.recipient,
      award.country,
      award.money,
      award.computeGpuHours,
      award.endDate,
      statusCountsText(award.status),
    ]),
  );
  return `${lines.join('\n')}\n${awards}`;
}
