import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import { parseLogJsonLines, verifyLog, verifyStoreLog } from '../../arena/index.ts';
import { ApertureError, EXIT_CODES } from '../../errors.ts';
import { ExitCode } from '../exit-code.ts';
import type { CliIo } from '../io.ts';
import { DB_OPTION_HELP } from '../shared/db-option.ts';
import { withStore } from '../shared/with-store.ts';

/** `aperture arena verify-log [FILE]`: verifies an exported log's hash chain, or (--store) the store against its own log. */
export function arenaVerifyLogCommand(io: CliIo): Command {
  return new Command('verify-log')
    .option('--db <path>', DB_OPTION_HELP)
    .description(
      "recompute the hash chain of an exported log, or (--store) of the store's own log and check every logged submission and close against it; exit 1 naming the first broken entry",
    )
    .argument('[file]', 'exported log (JSON Lines)')
    .option(
      '--store',
      "verify the store's own log, and the store's submissions, scores and closed rounds against it",
    )
    .option('--count <n>', 'the entry count you expect (catches a log cut short)')
    .option('--head <hash>', 'the head hash you expect (a published head)')
    .option('--json', 'print the verdict as JSON')
    .action(
      async (
        file: string | undefined,
        options: { db?: string; store?: boolean; count?: string; head?: string; json?: boolean },
      ) => {
        if (file !== undefined && options.store)
          throw new ApertureError('ERR_USAGE', 'give an exported log FILE or --store, not both');
        if (file === undefined && !options.store)
          throw new ApertureError(
            'ERR_USAGE',
            "give an exported log FILE to verify, or --store to verify the store's own log against its submissions",
          );
        if (options.count !== undefined && !/^\d+$/.test(options.count))
          throw new ApertureError(
            'ERR_USAGE',
            `--count must be a whole number, not ${JSON.stringify(options.count)}`,
          );
        if (options.head !== undefined && !/^[0-9a-f]{64}$/.test(options.head))
          throw new ApertureError(
            'ERR_USAGE',
            '--head must be a sha256 hex digest (64 lowercase hex digits)',
          );
        const expected = {
          ...(options.count !== undefined ? { count: Number(options.count) } : {}),
          ...(options.head !== undefined ? { head: options.head } : {}),
        };
        if (file === undefined) {
          const verdict = await withStore(io, options.db, (store) => verifyStoreLog(store.db, expected));
          if (options.json) io.stdout.write(`${JSON.stringify(verdict, null, 2)}\n`);
          else if (verdict.ok)
            io.stdout.write(
              `the store's log verifies (${verdict.count} entries, head ${verdict.head}), and so does the store against it (${verdict.submissions} submission(s), ${verdict.closes} close(s))\n`,
            );
          else io.stdout.write(`the store's log does not verify: ${verdict.reason}\n`);
          if (!verdict.ok) throw new ExitCode(EXIT_CODES.belowBar);
          return;
        }
        const text = await readFile(path.resolve(io.cwd, file), 'utf8').catch((error: Error) => {
          throw new ApertureError('ERR_NOT_FOUND', `cannot read ${file}: ${error.message}`);
        });
        const parsed = parseLogJsonLines(text);
        const verdict = parsed.ok
          ? verifyLog(parsed.entries, expected)
          : { ok: false as const, index: null, line: parsed.line, reason: parsed.reason };
        if (options.json) io.stdout.write(`${JSON.stringify(verdict, null, 2)}\n`);
        else if (verdict.ok)
          io.stdout.write(`${file}: the chain verifies (${verdict.count} entries, head ${verdict.head})\n`);
        else if ('line' in verdict)
          io.stdout.write(`${file}: line ${verdict.line} is broken: ${verdict.reason}\n`);
        else
          io.stdout.write(`${file}: entry ${verdict.index} is the first broken entry: ${verdict.reason}\n`);
        if (!verdict.ok) throw new ExitCode(EXIT_CODES.belowBar);
      },
    );
}
