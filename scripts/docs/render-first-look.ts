import { runCli } from '../../src/cli/test-support/recording-io.ts';

/** Data rows kept from each table of the report; the rest stand as one `…` row. */
const ROWS_KEPT = 3;
/** Numbered fixes kept from the report's list. */
const FIXES_KEPT = 3;

/** The command the README's first look shows. */
export const FIRST_LOOK_ARGV = ['check', 'examples/open-weights-only', '--as-of', '2026-06-01'] as const;

/** A table row that starts a new entry (its first cell has text), not the wrapped rest of one. */
function startsRow(line: string): boolean {
  return /^│ \S/.test(line);
}

/** A `│ … │` row as wide as the table's rows. */
function elisionRow(width: number): string {
  return `│ …${' '.repeat(Math.max(0, width - 5))} │`;
}

/**
 * The printed report shortened for reading: the header row and the first rows of each table, then one
 * `…` row; the first fixes, then `…`. Every line kept is a line the CLI printed.
 */
export function shortenReport(report: string): string {
  const kept: string[] = [];
  let rowsSeen = 0;
  let elided = false;
  let fixesSeen = 0;
  let inFixes = false;
  for (const line of report.trimEnd().split('\n')) {
    if (line.startsWith('┌')) {
      rowsSeen = -1; // the header row is row 0
      elided = false;
    }
    if (line.startsWith('│')) {
      if (startsRow(line)) rowsSeen += 1;
      if (rowsSeen > ROWS_KEPT) {
        if (!elided) kept.push(elisionRow([...line].length));
        elided = true;
        continue;
      }
    }
    if (line === 'Top fixes') inFixes = true;
    if (inFixes && /^\s+\d+\. /.test(line)) {
      fixesSeen += 1;
      if (fixesSeen > FIXES_KEPT) {
        if (fixesSeen === FIXES_KEPT + 1) kept.push('  …');
        continue;
      }
    }
    kept.push(line);
  }
  return kept.join('\n');
}

/** The README's first look: `aperture check` on a bundled example, as the CLI prints it, shortened. */
export async function renderFirstLook(): Promise<string> {
  const { stdout } = await runCli(FIRST_LOOK_ARGV);
  return ['```console', `$ npx aperture ${FIRST_LOOK_ARGV.join(' ')}`, shortenReport(stdout), '```'].join(
    '\n',
  );
}
