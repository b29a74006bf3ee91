import Table from 'cli-table3';
import { Command } from 'commander';
import pc from 'picocolors';
import { listImportRuns, markInterruptedImportRuns } from '../observatory/index.ts';
import type { ImportRunStatus, ImportRunSummary } from '../spec/index.ts';
import { type CliIo, wantsColor } from './io.ts';
import { DB_OPTION_HELP } from './shared/db-option.ts';
import { interruptedRunNote } from './shared/interrupted-run-note.ts';
import { positiveInteger } from './shared/positive-integer.ts';
import { withStore } from './shared/with-store.ts';

/** How each status looks on a terminal; the word alone carries the meaning. */
const STATUS_COLORS: Record<ImportRunStatus, (text: string) => string> = {
  running: pc.cyan,
  finished: pc.green,
  failed: pc.red,
  interrupted: pc.magenta,
};

function renderRuns(runs: ImportRunSummary[], total: number, color: boolean): string {
  if (runs.length === 0) return 'no import runs yet\n';
  const table = new Table({
    head: [
      'Run',
      'Kind',
      'Source',
      'Status',
      'Started',
      'Ended',
      'Inserted',
      'Updated',
      'Rejected',
      'Process',
    ],
    style: { head: color ? ['cyan'] : [], border: color ? ['grey'] : [] },
  });
  for (const run of runs) {
    table.push([
      run.id,
      run.kind,
      run.source,
      color ? STATUS_COLORS[run.status](run.status) : run.status,
      run.startedAt,
      run.finishedAt ?? '',
      run.inserted,
      run.updated,
      run.rejected,
      run.ownerPid === null ? '' : `${run.ownerPid} on ${run.ownerHost}`,
    ]);
  }
  const more = total > runs.length ? `${runs.length} of ${total} runs, newest first (--page for more)\n` : '';
  return `${table.toString()}\n${more}`;
}

/**
 * `aperture import-runs`: the import runs, newest first, after marking interrupted those that dead
 * imports left running (the rule of markInterruptedImportRuns).
 */
export function importRunsCommand(io: CliIo): Command {
  return new Command('import-runs')
    .description('list import runs, newest first: running, finished, failed or interrupted')
    .option('--db <path>', DB_OPTION_HELP)
    .option('--json', 'print the page as JSON (the shape of GET /api/import-runs)')
    .option('--page <n>', 'page number', positiveInteger, 1)
    .option('--page-size <n>', 'runs per page', positiveInteger, 20)
    .addHelpText(
      'after',
      `
A run still marked running whose process is gone (killed, crashed) is marked interrupted first: at once
when it ran on this machine, after 5 minutes without a heartbeat when it ran elsewhere. Each one marked
is named on standard error.

Examples:
  $ aperture import-runs
  $ aperture import-runs --json --page-size 100
  $ DATABASE_URL=postgres://localhost/aperture aperture import-runs`,
    )
    .action(async (options: { db?: string; json?: boolean; page: number; pageSize: number }) => {
      await withStore(
        io,
        options.db,
        async (store) => {
          for (const run of await markInterruptedImportRuns(store.db)) {
            io.stderr.write(`note: ${interruptedRunNote(run)}\n`);
          }
          const page = await listImportRuns(store.db, { page: options.page, pageSize: options.pageSize });
          io.stdout.write(
            options.json
              ? `${JSON.stringify(page, null, 2)}\n`
              : renderRuns(page.items, page.total, wantsColor(io)),
          );
        },
        { mustExist: true },
      );
    });
}
