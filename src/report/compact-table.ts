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

/** A cell of a compact table; null prints as an empty cell. */
export type CompactCell = string | number | null;

/**
 * A compact table of these rows as text, ending with a newline.
 *
 * @example
 * renderCompactTable(['Award', 'Money'], [['a-1', 5000], ['a-2', null]]);
 */
export function renderCompactTable(head: string[], rows: readonly (readonly CompactCell[])[]): string {
  const table = compactTable(head);
  for (const row of rows) table.push(row.map((cell) => (cell === null ? '' : String(cell))));
  return `${table.toString()}\n`;
}
