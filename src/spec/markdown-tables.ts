// One digit run, an optional fraction and exponent: no nested quantifiers, so no catastrophic backtracking.
const DECIMAL = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;
const SPECIAL = /^[-+]?(?:nan|inf|infinity)$/i;

/**
 * True for a table cell holding a number: a finite decimal, or `nan` / `inf` as loggers write diverged
 * values. Digit strings too large for a double (1e999) are not numbers a metric can hold.
 *
 * @example
 * ['0.5', '-1e-3', 'nan', '1e999', 'n/a'].map(isNumericCell) // [true, true, true, false, false]
 */
export function isNumericCell(cell: string): boolean {
  const text = cell.trim();
  if (text.length === 0 || text.length > 64) return false;
  if (SPECIAL.test(text)) return true;
  return DECIMAL.test(text) && Number.isFinite(Number(text));
}

/** A whole Markdown table separator row (trimmed) of two columns or more: `| --- | :---: |`. */
export const TABLE_SEPARATOR = /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?$/;

/**
 * A line that starts the way a separator row does (`|---`, ` :---`, `---`): the looser test of the
 * inference walkers, which take the line under a row holding `|` for a separator on this alone.
 * It is not TABLE_SEPARATOR: that one also refuses one-column rows and rows with other text after
 * the dashes, and using it there would find fewer tables than inference finds.
 */
export const TABLE_SEPARATOR_START = /^\s*\|?\s*:?-{3,}/;

/**
 * The body rows of a Markdown table: the lines after its separator row, as long as they hold a `|`.
 *
 * @example
 * tableRows(['| a | b |', '|---|---|', '| 1 | 2 |', '', 'text'], 1) // ['| 1 | 2 |']
 */
export function tableRows(lines: readonly string[], separator: number): string[] {
  let end = separator + 1;
  while (end < lines.length && lines[end]!.includes('|')) end++;
  return lines.slice(separator + 1, end);
}

/**
 * The line of the first Markdown table that has a number in a cell (the number of the header row's
 * line, 1-based), or null. Cells are read without emphasis, code marks and `%`.
 *
 * @example
 * numericTableLine('Scores:\n| Task | Score |\n|---|---|\n| MMLU | **61.2** |') // 2
 */
export function numericTableLine(text: string): number | null {
  const lines = text.split('\n');
  for (let index = 1; index < lines.length - 1; index++) {
    const line = lines[index]!;
    if (!line.includes('---') || !TABLE_SEPARATOR.test(line.trim())) continue;
    const hasNumber = (row: string) =>
      row
        .split('|')
        .map((cell) => cell.replace(/[*_`%]/g, '').trim())
        .some((cell) => isNumericCell(cell));
    if (tableRows(lines, index).some(hasNumber)) return index;
  }
  return null;
}
