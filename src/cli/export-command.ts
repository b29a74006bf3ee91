import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Command, Option } from 'commander';
import { ApertureError } from '../errors.ts';
import { openDatabase, readTable, requireTableName, TABLE_NAMES, tableColumns } from '../store/index.ts';
import { createSafeCsvStringifier } from '../util/index.ts';
import type { CliIo } from './io.ts';
import { DB_OPTION_HELP } from './shared/db-option.ts';
import { resolveOutput } from './shared/output-file.ts';

/** Where exported text goes, waiting when the destination asks us to (constant memory on big tables). */
interface Sink {
  write(text: string): Promise<void>;
  end(): Promise<void>;
}

function streamSink(stream: Writable): Sink {
  return {
    async write(text) {
      if (!stream.write(text)) await once(stream, 'drain');
    },
    async end() {
      stream.end();
      await once(stream, 'finish');
    },
  };
}

function ioSink(io: CliIo): Sink {
  // process.stdout is a Writable and reports backpressure; a test's capture is not and never blocks.
  const stdout = io.stdout;
  if (stdout instanceof Writable) {
    return {
      async write(text) {
        if (!stdout.write(text)) await once(stdout, 'drain');
      },
      async end() {},
    };
  }
  return { write: async (text) => stdout.write(text), end: async () => {} };
}

async function fileSink(resolved: string, shown: string): Promise<Sink> {
  const stream = createWriteStream(resolved);
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new ApertureError('ERR_USAGE', `cannot write ${shown}: ${error.code ?? error.message}`, {
          cause: error,
        }),
      ),
    );
  });
  return streamSink(stream);
}

/** `aperture export TABLE`: every row of a table as JSON lines or formula-safe CSV, streamed. */
export function exportCommand(io: CliIo): Command {
  return new Command('export')
    .description('write every row of a table as JSON lines or CSV (cells starting with = + - @ neutralised)')
    .argument('<table>', `one of: ${TABLE_NAMES.join(', ')}`)
    .addOption(new Option('--format <format>', 'output format').choices(['jsonl', 'csv']).default('jsonl'))
    .option('--db <path>', DB_OPTION_HELP)
    .option('-o, --output <file>', 'write to this file instead of standard output')
    .addHelpText(
      'after',
      `
Examples:
  $ aperture export models                           # JSON lines on standard output
  $ aperture export organizations --format csv -o organizations.csv
  $ aperture export rejected_rows --db catalog.db`,
    )
    .action(async (name: string, options: { format: 'jsonl' | 'csv'; db?: string; output?: string }) => {
      const table = requireTableName(name);
      const output = await resolveOutput(io, options.output);
      const store = await openDatabase({ file: options.db, env: io.env, cwd: io.cwd, mustExist: true });
      try {
        const columns = await tableColumns(store.db, table);
        const sink = output ? await fileSink(output, options.output!) : ioSink(io);
        let count = 0;
        if (options.format === 'csv') {
          const counted = async function* () {
            for await (const row of readTable(store.db, table)) {
              count += 1;
              yield row;
            }
          };
          await pipeline(Readable.from(counted()), createSafeCsvStringifier(columns), async (text) => {
            for await (const chunk of text) await sink.write(String(chunk));
          });
        } else {
          for await (const row of readTable(store.db, table)) {
            await sink.write(`${JSON.stringify(row)}\n`);
            count += 1;
          }
        }
        await sink.end();
        if (output) io.stderr.write(`${count} row(s) of ${table} written to ${options.output}\n`);
      } finally {
        await store.close();
      }
    });
}
