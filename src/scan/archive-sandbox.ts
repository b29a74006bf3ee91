import { constants } from 'node:fs';
import { link, lstat, mkdir, open, realpath, symlink, unlink } from 'node:fs/promises';
import path from 'node:path';
import { ApertureError } from '../errors.ts';
import { formatBytes, isInside } from '../util/index.ts';
import type { ArchiveLimits } from './archive-limits.ts';

const CONTROL_CHARACTERS = /\p{Cc}/u;
const WRITE_FLAGS = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;

/** An entry name quoted for a one-line message: control characters escaped, long names cut. */
function quote(name: string): string {
  const text = JSON.stringify(name);
  return text.length > 160 ? `${text.slice(0, 150)}…"` : text;
}

/**
 * The folder an archive is unpacked into, and the only code that writes there. Every entry name is
 * checked before anything is written: absolute paths, drive letters, `..` segments and control
 * characters are refused. Symbolic links are created last, after every file, so no write ever goes
 * through a link; each link is then resolved on disk and refused if it leads outside the sandbox.
 *
 * @example
 * const sandbox = new ArchiveSandbox(dir, 'release.tar.gz', archiveSize, DEFAULT_ARCHIVE_LIMITS);
 * await sandbox.writeFile('README.md', chunks);
 * await sandbox.finish();
 */
export class ArchiveSandbox {
  /** Notes about entries skipped while unpacking. */
  readonly warnings: string[] = [];
  private entries = 0;
  private bytes = 0;
  private readonly links = new Map<string, string>();

  constructor(
    readonly root: string,
    private readonly archive: string,
    private readonly archiveSize: number,
    private readonly limits: ArchiveLimits,
  ) {}

  /** Aborts with ERR_ARCHIVE_UNSAFE, naming the entry. */
  refuse(name: string, reason: string): never {
    throw new ApertureError('ERR_ARCHIVE_UNSAFE', `${this.archive}: entry ${quote(name)} ${reason}; refused`);
  }

  /** Notes a skipped entry. */
  skip(name: string, reason: string): void {
    this.warnings.push(`${this.archive}: entry ${quote(name)} ${reason}; skipped`);
  }

  /** Counts one entry against the entry limit. */
  countEntry(name: string): void {
    this.entries++;
    if (this.entries > this.limits.maxEntries) {
      throw new ApertureError(
        'ERR_ARCHIVE_LIMIT',
        `${this.archive}: more than ${this.limits.maxEntries} entries (at ${quote(name)}); refused`,
      );
    }
  }

  /** Refuses an entry whose declared size alone would break a limit, before decompressing it. */
  checkDeclaredSize(name: string, size: number, compressedSize: number): void {
    if (this.bytes + size > this.limits.maxTotalBytes) this.overTotal(name);
    if (size > this.limits.ratioGraceBytes && size > this.limits.maxCompressionRatio * compressedSize) {
      throw new ApertureError(
        'ERR_ARCHIVE_LIMIT',
        `${this.archive}: entry ${quote(name)} expands more than ${this.limits.maxCompressionRatio}× (a decompression bomb?); refused`,
      );
    }
  }

  /** Writes a regular file from a stream of chunks, counting every byte against the limits. */
  async writeFile(name: string, chunks: AsyncIterable<Uint8Array>): Promise<void> {
    const relative = this.entryPath(name);
    if (relative === '') this.refuse(name, 'is a file without a name');
    const full = path.join(this.root, relative);
    await this.fs(name, async () => {
      // No link exists yet (they are created last), so creating parents cannot leave the sandbox.
      await mkdir(path.dirname(full), { recursive: true });
      await this.clearFile(name, full);
      const handle = await open(full, WRITE_FLAGS, 0o644);
      try {
        for await (const chunk of chunks) {
          this.countBytes(name, chunk.byteLength);
          let offset = 0;
          while (offset < chunk.byteLength) {
            const { bytesWritten } = await handle.write(chunk, offset, chunk.byteLength - offset);
            offset += bytesWritten;
          }
        }
      } finally {
        await handle.close();
      }
    });
  }

  /** Creates a folder entry. */
  async makeDirectory(name: string): Promise<void> {
    const relative = this.entryPath(name);
    if (relative === '') return;
    await this.fs(name, () => mkdir(path.join(this.root, relative), { recursive: true }));
  }

  /** Records a symbolic link, created by `finish`; a target outside the sandbox is refused now. */
  addSymlink(name: string, target: string): void {
    const relative = this.entryPath(name);
    if (relative === '') this.refuse(name, 'is a link without a name');
    if (target === '' || target.includes('\0')) this.refuse(name, 'is a link without a valid target');
    const slashed = target.replaceAll('\\', '/');
    if (slashed.startsWith('/') || /^[A-Za-z]:/.test(slashed)) {
      this.refuse(name, `is a link to the absolute path ${quote(target)}`);
    }
    const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(relative), slashed));
    if (resolved === '..' || resolved.startsWith('../')) {
      this.refuse(name, `is a link to ${quote(target)}, outside the archive`);
    }
    this.links.set(relative, slashed);
  }

  /** Creates a hard link to a file unpacked before it (tar semantics: the target is archive-relative). */
  async addHardlink(name: string, target: string): Promise<void> {
    const relative = this.entryPath(name);
    if (relative === '') this.refuse(name, 'is a link without a name');
    const problem = this.nameProblem(target);
    if (problem !== null) this.refuse(name, `is a hard link to ${quote(target)}, which ${problem}`);
    const targetFull = path.join(this.root, this.entryPath(target));
    const targetInfo = await lstat(targetFull).catch(() => null);
    if (!targetInfo?.isFile())
      this.refuse(name, `is a hard link to ${quote(target)}, not a file unpacked before it`);
    const full = path.join(this.root, relative);
    await this.fs(name, async () => {
      await mkdir(path.dirname(full), { recursive: true });
      await this.clearFile(name, full);
      await link(targetFull, full);
    });
  }

  /** Creates the recorded symbolic links and refuses any that resolves outside the sandbox. */
  async finish(): Promise<void> {
    const realRoot = await realpath(this.root);
    for (const [relative, target] of this.links) {
      const full = path.join(this.root, relative);
      await this.fs(relative, async () => {
        await this.makeRealParents(relative);
        if (await lstat(full).catch(() => null))
          this.refuse(relative, 'is a link with the name of another entry');
        await symlink(target, full);
      });
    }
    // Links may chain through each other; judge where each one really leads once all exist.
    for (const relative of this.links.keys()) {
      const resolved = await realpath(path.join(this.root, relative)).catch(() => null);
      if (resolved !== null && !isInside(realRoot, resolved)) {
        this.refuse(relative, 'is a link that resolves outside the archive');
      }
    }
  }

  /** The safe relative path of an entry ('' for the archive root); refuses unsafe names. */
  private entryPath(name: string): string {
    const problem = this.nameProblem(name);
    if (problem !== null) this.refuse(name, problem);
    return name
      .replaceAll('\\', '/')
      .split('/')
      .filter((segment) => segment !== '' && segment !== '.')
      .join('/');
  }

  /** Why a name is unsafe, or null. Backslashes count as separators, as Windows tools read them. */
  private nameProblem(name: string): string | null {
    if (name.includes('\0') || CONTROL_CHARACTERS.test(name)) return 'has control characters in its name';
    const slashed = name.replaceAll('\\', '/');
    if (slashed.startsWith('/')) return 'is an absolute path';
    if (/^[A-Za-z]:/.test(slashed)) return 'is a Windows drive path';
    if (slashed.split('/').includes('..')) return 'climbs out of the archive with ..';
    return null;
  }

  private countBytes(name: string, count: number): void {
    this.bytes += count;
    if (this.bytes > this.limits.maxTotalBytes) this.overTotal(name);
    if (
      this.bytes > this.limits.ratioGraceBytes &&
      this.bytes > this.limits.maxCompressionRatio * this.archiveSize
    ) {
      throw new ApertureError(
        'ERR_ARCHIVE_LIMIT',
        `${this.archive}: unpacks to more than ${this.limits.maxCompressionRatio}× its size (a decompression bomb?), at entry ${quote(name)}; refused`,
      );
    }
  }

  private overTotal(name: string): never {
    throw new ApertureError(
      'ERR_ARCHIVE_LIMIT',
      `${this.archive}: unpacks to more than ${formatBytes(this.limits.maxTotalBytes)}, at entry ${quote(name)}; refused`,
    );
  }

  /** Removes a file left by an earlier entry of the same name, so its inode (maybe a hard link) is never written. */
  private async clearFile(name: string, full: string): Promise<void> {
    const existing = await lstat(full).catch(() => null);
    if (existing?.isDirectory()) this.refuse(name, 'has the name of a folder in the archive');
    if (existing) await unlink(full);
  }

  /** Creates the parents of a link one by one, refusing to pass through another link. */
  private async makeRealParents(relative: string): Promise<void> {
    const segments = relative.split('/').slice(0, -1);
    let current = this.root;
    for (const segment of segments) {
      current = path.join(current, segment);
      const info = await lstat(current).catch(() => null);
      if (info === null) await mkdir(current);
      else if (!info.isDirectory()) this.refuse(relative, 'is a link placed under another link or file');
    }
  }

  /** Runs a file-system step, turning its errors into a one-line message naming the entry. */
  private async fs<T>(name: string, step: () => Promise<T>): Promise<T> {
    try {
      return await step();
    } catch (error) {
      if (error instanceof ApertureError) throw error;
      const code =
        (error as NodeJS.ErrnoException).code ??
        (error instanceof Error ? error.message : String(error)).split('\n')[0];
      throw new ApertureError(
        'ERR_UNREADABLE',
        `${this.archive}: cannot unpack entry ${quote(name)} (${code})`,
        {
          cause: error,
        },
      );
    }
  }
}
