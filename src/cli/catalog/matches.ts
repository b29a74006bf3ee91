import Table from 'cli-table3';
import { Command, Option } from 'commander';
import pc from 'picocolors';
import { listMatches } from '../../observatory/index.ts';
import type { EntityMatch } from '../../spec/index.ts';
import { type CliIo, wantsColor } from '../io.ts';
import { DB_OPTION_HELP } from '../shared/db-option.ts';
import { positiveInteger } from '../shared/positive-integer.ts';
import { withStore } from '../shared/with-store.ts';

const STATUS_COLORS: Record<EntityMatch['status'], (text: string) => string> = {
  accepted: pc.green,
  proposed: pc.yellow,
  rejected: pc.red,
};

function reasonsText(match: EntityMatch): string {
  return match.reasons.map((reason) => `${reason.rule}: ${reason.detail}`).join('\n');
}

/** The cells the table and the lines both start with: id, kind, relation, left, right, confidence. */
function matchCells(match: EntityMatch): Array<string | number> {
  return [match.id, match.kind, match.relation, match.left, match.right, match.confidence.toFixed(2)];
}

function renderTable(items: EntityMatch[], color: boolean): string {
  const table = new Table({
    head: ['Id', 'Kind', 'Relation', 'Left', 'Right', 'Confidence', 'Status', 'Reasons'],
    style: { head: color ? ['cyan'] : [], border: color ? ['grey'] : [] },
    wordWrap: true,
    colWidths: [null, null, null, 28, 28, null, null, 48],
  });
  for (const match of items) {
    const status = match.decidedBy === 'override' ? `${match.status} (override)` : match.status;
    table.push([
      ...matchCells(match),
      color ? STATUS_COLORS[match.status](status) : status,
      reasonsText(match),
    ]);
  }
  return `${table.toString()}\n`;
}

/** One line per match, tab-separated, for pipes: id, kind, relation, left, right, confidence, status, decided by, rules. */
function renderLines(items: EntityMatch[]): string {
  return items
    .map((match) =>
      [
        ...matchCells(match),
        match.status,
        match.decidedBy,
        match.reasons.map((reason) => reason.rule).join(','),
      ].join('\t'),
    )
    .map((line) => `${line}\n`)
    .join('');
}

/** `aperture catalog matches`: the stored matches with their confidence, reasons and status. */
export function catalogMatchesCommand(io: CliIo): Command {
  return new Command('matches')
    .description('list model and organisation matches across sources: confidence, reasons, status')
    .addOption(
      new Option('--status <status>', 'only this status').choices(['proposed', 'accepted', 'rejected']),
    )
    .addOption(new Option('--kind <kind>', 'only models or organisations').choices(['model', 'organization']))
    .option('--db <path>', DB_OPTION_HELP)
    .option('--json', 'print the page as JSON (the shape of GET /api/matches)')
    .option('--page <n>', 'page number', positiveInteger, 1)
    .option('--page-size <n>', 'matches per page', positiveInteger, 50)
    .addHelpText(
      'after',
      `
Highest confidence first. On a terminal a table with the reasons; otherwise one tab-separated line per
match (id, kind, relation, left, right, confidence, status, decided by, rules). Exit codes: 0 listed
(also when there are none), 2 bad arguments or unreadable database, 70 internal error.

Examples:
  $ aperture catalog matches --status proposed
  $ aperture catalog matches --kind organization --json
  $ aperture catalog accept 42    # then pin a proposed match`,
    )
    .action(
      async (options: {
        status?: EntityMatch['status'];
        kind?: EntityMatch['kind'];
        db?: string;
        json?: boolean;
        page: number;
        pageSize: number;
      }) => {
        const result = await withStore(io, options.db, (store) =>
          listMatches(store.db, {
            ...(options.status ? { status: options.status } : {}),
            ...(options.kind ? { kind: options.kind } : {}),
            page: options.page,
            pageSize: options.pageSize,
          }),
        );
        if (options.json) {
          io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
          return;
        }
        if (result.items.length === 0) {
          io.stdout.write('no matches (imports run matching; aperture catalog match re-runs it)\n');
          return;
        }
        io.stdout.write(
          io.stdout.isTTY ? renderTable(result.items, wantsColor(io)) : renderLines(result.items),
        );
        if (result.total > result.items.length) {
          io.stderr.write(`${result.items.length} of ${result.total} matches (--page for more)\n`);
        }
      },
    );
}
