import { compactTable } from '../compact-table.ts';

/** One team of a closed round's private results, as the table shows it. */
export interface RoundResultView {
  rank: number;
  team: string;
  score: number;
  lower: number;
  upper: number;
  submissions: number;
}

/**
 * A closed round's private results of one task as a table (without a final newline), or
 * `(no submissions)`.
 *
 * @example
 * renderRoundResults(task.metric, task.entries);
 */
export function renderRoundResults(metric: string, entries: readonly RoundResultView[]): string {
  if (entries.length === 0) return '(no submissions)';
  const table = compactTable(['Rank', 'Team', metric, '95% interval', 'Submissions']);
  for (const entry of entries)
    table.push([
      entry.rank,
      entry.team,
      entry.score.toFixed(4),
      `${entry.lower.toFixed(4)} – ${entry.upper.toFixed(4)}`,
      entry.submissions,
    ]);
  return table.toString();
}
