import Table from 'cli-table3';

/** Table borders without a rule between rows: the grids stay readable at a glance. */
export const COMPACT_TABLE_CHARS = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };

/**
 * A plain text table (no colours, no rule between rows) with these column heads; push rows, then
 * `toString()`.
 *
 * @example
 * const table = compactTable(['Rank', 'Team']);
 * table.push([1, 'owls']);
 * table.toString();
 */
export function compactTable(head: string[]): Table.Table {
  return new Table({ head, style: { head: [], border: [] }, chars: COMPACT_TABLE_CHARS });
}
