import { createReadStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Parser, type ReadEntry } from 'tar';
import { ApertureError } from '../../errors.ts';

/** Limits of extractArchiveMembers. */
export interface ArchiveMemberLimits {
  /** Most entries read (every entry counts, selected or not). */
  maxEntries: number;
  /** Most bytes written, over all selected files. */
  maxBytes: number;
}

/** Defaults: far above a data repository, far below a bomb. */
export const DEFAULT_ARCHIVE_MEMBER_LIMITS: ArchiveMemberLimits = {
  maxEntries: 100_000,
  maxBytes: 512 * 1024 ** 2,
};

/** The entry's path inside the repository: the GitHub tarball's top folder (`owner-repo-sha/`) removed. */
function memberPath(name: string): string {
  const parts = name.split('/');
  return parts.slice(1).join('/');
}

function unsafe(archive: string, name: string, reason: string): ApertureError {
  return new ApertureError(
    'ERR_ARCHIVE_UNSAFE',
    `${archive}: entry ${JSON.stringify(name.slice(0, 150))} ${reason}; refused`,
  );
}

async function readEntry(entry: ReadEntry, limit: number, archive: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of entry as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit)
      throw new ApertureError('ERR_ARCHIVE_LIMIT', `${archive}: more than ${limit} bytes unpacked; refused`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * Unpacks the regular files of a GitHub tarball (`.tar.gz`) that `select` wants, by their path inside the
 * repository, into `dest`. Safe by construction: an entry with an absolute path, a `..` segment, a
 * backslash or a control character is refused (ERR_ARCHIVE_UNSAFE) and the whole extraction with it;
 * symbolic and hard links are never created (skipped); entries and bytes are limited (ERR_ARCHIVE_LIMIT);
 * a damaged or truncated archive fails (ERR_UNREADABLE). Returns the paths written, relative to `dest`.
 *
 * @example
 * await extractArchiveMembers('repo.tar.gz', dir, (p) => /^models\/[^/]+\.ya?ml$/.test(p));
 */
export function extractArchiveMembers(
  archive: string,
  dest: string,
  select: (memberPath: string) => boolean,
  limits: ArchiveMemberLimits = DEFAULT_ARCHIVE_MEMBER_LIMITS,
  display = archive,
): Promise<string[]> {
  const written: string[] = [];
  let entries = 0;
  let bytes = 0;
  const input = createReadStream(archive);
  return new Promise<string[]>((resolve, reject) => {
    let settled = false;
    let queue = Promise.resolve();
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      input.destroy();
      const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
      reject(
        error instanceof ApertureError
          ? error
          : new ApertureError('ERR_UNREADABLE', `${display}: not a readable tar.gz archive (${reason})`, {
              cause: error,
            }),
      );
    };
    const handle = async (entry: ReadEntry) => {
      entries += 1;
      if (entries > limits.maxEntries) {
        throw new ApertureError(
          'ERR_ARCHIVE_LIMIT',
          `${display}: more than ${limits.maxEntries} entries; refused`,
        );
      }
      const name = entry.path;
      if (path.isAbsolute(name) || /^[a-z]:/i.test(name)) throw unsafe(display, name, 'has an absolute path');
      if (name.split(/[\\/]/).includes('..')) throw unsafe(display, name, 'leads outside the archive (..)');
      if (/\p{Cc}|\\/u.test(name)) throw unsafe(display, name, 'has a control character or a backslash');
      const member = memberPath(name);
      if (entry.type !== 'File' && entry.type !== 'OldFile' && entry.type !== 'ContiguousFile') {
        // Folders are made as files need them; links and special files are never created.
        entry.resume();
        return;
      }
      if (member === '' || !select(member)) {
        entry.resume();
        return;
      }
      const data = await readEntry(entry, limits.maxBytes - bytes, display);
      bytes += data.length;
      const target = path.join(dest, member);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, data, { flag: 'wx' });
      written.push(member);
    };
    const parser = new Parser({
      strict: true,
      onReadEntry: (entry) => {
        queue = queue.then(() => (settled ? void entry.resume() : handle(entry))).catch(fail);
      },
    });
    parser.on('error', fail);
    parser.on('end', () => {
      void queue.then(() => {
        if (settled) return;
        settled = true;
        resolve(written.sort());
      });
    });
    input.on('error', fail);
    input.pipe(parser);
  });
}
