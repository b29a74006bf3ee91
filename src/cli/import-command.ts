import Table from 'cli-table3';
import { Command } from 'commander';
import {
  IMPORTERS,
  type ImportProgress,
  type ImportResult,
  requireImporter,
  runImport,
} from '../observatory/index.ts';
import { migrateToLatest, openDatabase } from '../store/index.ts';
import { OVERRIDES_OPTION_HELP, overridesPath } from './catalog/overrides-option.ts';
import { type CliIo, wantsColor } from './io.ts';
import { interruptedRunNote } from './shared/interrupted-run-note.ts';
import { positiveInteger } from './shared/positive-integer.ts';

/** Rejected rows the text summary shows (--json and the rejected_rows table have them all). */
const SHOWN_REJECTIONS = 20;

interface ImportOptions {
  db?: string;
  json?: boolean;
  organization?: string;
  endpoint?: string;
  limit?: number;
  edition?: string;
  batchSize?: number;
  maxBytes?: number;
  overrides?: string;
}

/** A one-line progress counter on a terminal's stderr, rewritten after each batch. */
function progressLine(io: CliIo, kind: string): { update(progress: ImportProgress): void; stop(): void } {
  let shown = false;
  return {
    update(progress) {
      shown = true;
      io.stderr.write(
        `\r\u001b[Kimporting ${kind}: ${progress.records.toLocaleString('en')} record(s), ${progress.rejected.toLocaleString('en')} rejected`,
      );
    },
    stop() {
      if (shown) io.stderr.write('\r\u001b[K');
    },
  };
}

function renderSummary(result: ImportResult, color: boolean): string {
  const table = new Table({
    head: ['Run', 'Kind', 'Source', 'Records', 'Inserted', 'Updated', 'Rejected'],
    style: { head: color ? ['cyan'] : [], border: color ? ['grey'] : [] },
  });
  table.push([
    result.run,
    result.kind,
    result.source,
    result.records,
    result.inserted,
    result.updated,
    result.rejectedCount,
  ]);
  const lines = [table.toString()];
  if (result.rejectedCount > 0) {
    const shown = result.rejected.slice(0, SHOWN_REJECTIONS);
    lines.push(
      `rejected rows${result.rejectedCount > shown.length ? ` (first ${shown.length} of ${result.rejectedCount}; all in table rejected_rows, run ${result.run})` : ''}:`,
    );
    for (const row of shown) lines.push(`  ${row.file}:${row.line}: ${row.reason}`);
  }
  return `${lines.join('\n')}\n`;
}

/** `aperture import KIND SOURCE`: load a catalog source into the database, idempotently. */
export function importCommand(io: CliIo): Command {
  // Columns as wide as the longest kind and argument, plus a space.
  const idWidth = Math.max(...IMPORTERS.map((importer) => importer.id.length)) + 1;
  const argumentWidth = Math.max(...IMPORTERS.map((importer) => importer.argument.length)) + 1;
  const kinds = IMPORTERS.map(
    (importer) =>
      `  ${importer.id.padEnd(idWidth)}${importer.argument.padEnd(argumentWidth)}${importer.summary}`,
  );
  const examples = IMPORTERS.map((importer) => `  $ ${importer.example}`);
  return new Command('import')
    .description('import a catalog source (re-importing updates rows, never duplicates them)')
    .argument('<kind>', `one of: ${IMPORTERS.map((importer) => importer.id).join(', ')}`)
    .argument('<source>', 'a file, folder or http(s) URL (see the kinds below)')
    .option(
      '--db <path>',
      'SQLite file (default .aperture/aperture.db; DATABASE_URL=postgres://… selects PostgreSQL)',
    )
    .option('--json', 'print { run, kind, source, inserted, updated, rejected } as JSON, no progress')
    .option('--edition <YYYY-MM>', 'fmti: the edition, when the file name does not say (Dec2025_…)')
    .option('--organization <name>', 'hf: record the author as an alias of this organization')
    .option('--endpoint <url>', 'hf: the Hub endpoint (default HF_ENDPOINT or https://huggingface.co)')
    .option('--limit <n>', 'hf: at most this many models', positiveInteger)
    .option('--batch-size <n>', 'records per transaction (default 1000)', positiveInteger)
    .option('--max-bytes <n>', 'largest download accepted for a URL (default 1 GiB)', positiveInteger)
    .option('--overrides <file>', OVERRIDES_OPTION_HELP)
    .addHelpText(
      'after',
      `
Kinds:
${kinds.join('\n')}

Bad rows never stop an import: they are listed (file:line: reason) and kept in the rejected_rows
table. A run left running by an import that was killed or crashed is marked interrupted when the
next import starts (see \`aperture import-runs\`). Exit code 0 when the source was read, 2 when it
cannot be read, 3 when a URL is unreachable.

Examples:
${examples.join('\n')}
  $ aperture import epoch https://epoch.ai/data/notable_ai_models.csv --json
  $ aperture import fmti Dec2025_scores.csv --db catalog.db`,
    )
    .action(async (kindName: string, source: string, options: ImportOptions) => {
      const importer = requireImporter(kindName);
      const store = await openDatabase({ file: options.db, env: io.env, cwd: io.cwd });
      const progress = !options.json && io.stderr.isTTY ? progressLine(io, importer.id) : undefined;
      try {
        await migrateToLatest(store);
        const result = await runImport(store.db, {
          kind: importer.id,
          source,
          cwd: io.cwd,
          ...(options.batchSize ? { batchSize: options.batchSize } : {}),
          ...(options.maxBytes ? { maxBytes: options.maxBytes } : {}),
          ...(options.edition ? { edition: options.edition } : {}),
          ...(options.organization ? { organization: options.organization } : {}),
          ...(options.limit ? { limit: options.limit } : {}),
          endpoint: options.endpoint ?? io.env.HF_ENDPOINT,
          token: io.env.HF_TOKEN,
          overridesFile: overridesPath(io, options.overrides),
          ...(progress ? { onProgress: progress.update } : {}),
        });
        progress?.stop();
        for (const run of result.interruptedRuns) io.stderr.write(`note: ${interruptedRunNote(run)}\n`);
        if (options.json) {
          const {
            run,
            kind: name,
            source: from,
            records,
            inserted,
            updated,
            rejected,
            rejectedCount,
          } = result;
          io.stdout.write(
            `${JSON.stringify({ run, kind: name, source: from, records, inserted, updated, rejectedCount, rejected }, null, 2)}\n`,
          );
        } else {
          io.stdout.write(renderSummary(result, wantsColor(io)));
        }
      } finally {
        progress?.stop();
        await store.close();
      }
    });
}
