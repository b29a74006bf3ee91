import { createReadStream } from 'node:fs';
import { Parser, type ReadEntry } from 'tar';
import { ApertureError } from '../errors.ts';
import type { ArchiveSandbox } from './archive-sandbox.ts';

/**
 * The data of an entry, failing as soon as `signal` aborts: once the parser has failed it never ends
 * the entry being read, and the file being written must still be closed.
 */
async function* entryChunks(entry: ReadEntry, signal: AbortSignal): AsyncGenerator<Buffer> {
  if (signal.aborted) throw signal.reason;
  const aborted = new Promise<never>((_, reject) => {
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
  aborted.catch(() => undefined);
  const chunks = entry[Symbol.asyncIterator]();
  for (;;) {
    const step = await Promise.race([chunks.next(), aborted]);
    if (step.done) return;
    yield step.value;
  }
}

async function unpackEntry(entry: ReadEntry, sandbox: ArchiveSandbox, signal: AbortSignal): Promise<void> {
  sandbox.countEntry(entry.path);
  switch (entry.type) {
    case 'File':
    case 'OldFile':
    case 'ContiguousFile':
      await sandbox.writeFile(entry.path, entryChunks(entry, signal));
      return;
    case 'Directory':
    case 'GNUDumpDir':
      entry.resume();
      await sandbox.makeDirectory(entry.path);
      return;
    case 'SymbolicLink':
      entry.resume();
      sandbox.addSymlink(entry.path, entry.linkpath ?? '');
      return;
    case 'Link':
      entry.resume();
      await sandbox.addHardlink(entry.path, entry.linkpath ?? '');
      return;
    case 'CharacterDevice':
    case 'BlockDevice':
    case 'FIFO':
      sandbox.refuse(entry.path, `is a special file (${entry.type})`);
      return;
    default:
      entry.resume();
      sandbox.skip(entry.path, `has the unsupported type ${entry.type}`);
  }
}

/**
 * Unpacks a tar archive (gzip-compressed or plain) into a sandbox, one entry at a time. The parser is
 * strict: a damaged archive aborts instead of being half unpacked.
 *
 * @example
 * await extractTar('release.tar.gz', sandbox);
 */
export function extractTar(file: string, sandbox: ArchiveSandbox): Promise<void> {
  const input = createReadStream(file, { highWaterMark: 64 * 1024 });
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    let queue = Promise.resolve();
    const abort = new AbortController();
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      input.destroy();
      const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
      const typed =
        error instanceof ApertureError
          ? error
          : new ApertureError('ERR_UNREADABLE', `${file}: not a readable tar archive (${reason})`, {
              cause: error,
            });
      // Stop the entry being written and wait for its file to close before the caller removes the sandbox.
      abort.abort(typed);
      void queue.finally(() => reject(typed));
    };
    const parser = new Parser({
      strict: true,
      // The sandbox enforces its own ratio, with a grace for small archives and a message naming the entry.
      maxDecompressionRatio: Number.POSITIVE_INFINITY,
      // The parser hands out entries in order, each after the previous one was read to its end.
      onReadEntry: (entry) => {
        queue = queue
          .then(() => (settled ? void entry.resume() : unpackEntry(entry, sandbox, abort.signal)))
          .catch(fail);
      },
    });
    parser.on('error', fail);
    parser.on('end', () => {
      void queue.then(() => {
        if (settled) return;
        settled = true;
        resolve();
      });
    });
    input.on('error', fail);
    input.pipe(parser);
  });
}
