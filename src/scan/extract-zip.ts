import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { ApertureError } from '../errors.ts';
import type { ArchiveSandbox } from './archive-sandbox.ts';

const FILE_TYPE_MASK = 0o170000;
const SYMLINK = 0o120000;
const DIRECTORY = 0o040000;
const REGULAR = 0o100000;
const MAX_LINK_TARGET = 4096;

function unreadable(file: string, error: unknown): ApertureError {
  if (error instanceof ApertureError) return error;
  const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
  return new ApertureError('ERR_UNREADABLE', `${file}: not a readable zip archive (${reason})`, {
    cause: error,
  });
}

async function readSmall(stream: Readable, limit: number): Promise<string | null> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    length += chunk.length;
    if (length > limit) {
      stream.destroy();
      return null;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function unpackEntry(zip: ZipFile, entry: Entry, sandbox: ArchiveSandbox): Promise<void> {
  // Names are decoded here rather than by yauzl, so that unsafe ones get our one-line refusal.
  const name = yauzl.getFileNameLowLevel(
    entry.generalPurposeBitFlag,
    entry.fileNameRaw,
    entry.extraFields,
    false,
  );
  sandbox.countEntry(name);
  // Unix tools store the file mode in the high 16 bits of the external attributes; others leave 0.
  const type = (entry.externalFileAttributes >>> 16) & FILE_TYPE_MASK;
  if (name.endsWith('/') || type === DIRECTORY) {
    await sandbox.makeDirectory(name);
    return;
  }
  if (type !== 0 && type !== REGULAR && type !== SYMLINK) {
    sandbox.refuse(name, 'is a special file (device, FIFO or socket)');
  }
  if (entry.isEncrypted()) {
    sandbox.skip(name, 'is encrypted');
    return;
  }
  if (type === SYMLINK) {
    const target = await readSmall(await zip.openReadStreamPromise(entry), MAX_LINK_TARGET);
    if (target === null) sandbox.refuse(name, 'is a link with an over-long target');
    sandbox.addSymlink(name, target);
    return;
  }
  sandbox.checkDeclaredSize(name, entry.uncompressedSize, entry.compressedSize);
  await sandbox.writeFile(name, await zip.openReadStreamPromise(entry));
}

/**
 * Unpacks a zip archive into a sandbox. yauzl checks that each entry inflates to its declared size;
 * the sandbox checks names, links and limits.
 *
 * @example
 * await extractZip('release.zip', sandbox);
 */
export async function extractZip(file: string, sandbox: ArchiveSandbox): Promise<void> {
  let zip: ZipFile;
  try {
    zip = await yauzl.openPromise(file, {
      lazyEntries: true,
      autoClose: true,
      decodeStrings: false,
      validateEntrySizes: true,
      strictFileNames: false,
    });
  } catch (error) {
    throw unreadable(file, error);
  }
  try {
    for await (const entry of zip.eachEntry()) await unpackEntry(zip, entry, sandbox);
  } catch (error) {
    zip.close();
    throw unreadable(file, error);
  }
}
