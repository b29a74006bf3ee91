import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApertureError, type ErrorCode } from '../errors.ts';
import { openArchivePack } from './archive-pack.ts';
import { buildTarGz, type TarEntrySpec } from './test-support/build-tar.ts';
import { buildZip, type ZipEntrySpec } from './test-support/build-zip.ts';

let work: string;
let sandboxes: string;

beforeEach(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'aperture-archive-test-'));
  // Sandboxes go in their own folder so a test can see that nothing is left and nothing escaped.
  sandboxes = path.join(work, 'sandboxes');
  await mkdir(sandboxes);
});

afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

async function tarFile(entries: TarEntrySpec[], name = 'release.tar.gz'): Promise<string> {
  const file = path.join(work, name);
  await writeFile(file, buildTarGz(entries));
  return file;
}

async function zipFile(entries: ZipEntrySpec[], name = 'release.zip'): Promise<string> {
  const file = path.join(work, name);
  await writeFile(file, buildZip(entries));
  return file;
}

async function refusal(file: string, options = {}): Promise<ApertureError> {
  const error = await openArchivePack(file, { tempDir: sandboxes, ...options }).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ApertureError);
  const typed = error as ApertureError;
  expect(typed.message).not.toContain('\n');
  // The sandbox is removed on refusal.
  expect(readdirSync(sandboxes)).toEqual([]);
  return typed;
}

async function expectRefused(file: string, code: ErrorCode, pattern: RegExp, options = {}) {
  const error = await refusal(file, options);
  expect(error.code).toBe(code);
  expect(error.message).toMatch(pattern);
}

async function readText(file: string, entry: string): Promise<string> {
  const pack = await openArchivePack(file, { tempDir: sandboxes });
  try {
    return Buffer.from((await pack.readFile(entry)).bytes).toString('utf8');
  } finally {
    await pack.close();
  }
}

describe('openArchivePack: well-formed archives', () => {
  it('opens a .tar.gz, lists and reads its files, and deletes the sandbox on close', async () => {
    const file = await tarFile([
      { path: 'README.md', content: '# Model' },
      { path: 'weights', type: 'Directory' },
      { path: 'weights/model.safetensors', content: 'bytes' },
    ]);
    const pack = await openArchivePack(file, { tempDir: sandboxes });
    expect(pack.source).toEqual({ kind: 'archive', ref: file });
    expect(await pack.listFiles()).toEqual([
      { path: 'README.md', size: 7 },
      { path: 'weights/model.safetensors', size: 5 },
    ]);
    expect(Buffer.from((await pack.readFile('README.md')).bytes).toString()).toBe('# Model');
    expect(pack.localPath('README.md')).toMatch(/README\.md$/);
    expect(readdirSync(sandboxes)).toHaveLength(1);
    await pack.close();
    expect(readdirSync(sandboxes)).toEqual([]);
  });

  it('reads from inside the single top-level folder most archives have', async () => {
    const file = await tarFile([
      { path: 'my-release-1.0/', type: 'Directory' },
      { path: 'my-release-1.0/release-pack.yaml', content: 'spec: x' },
    ]);
    const pack = await openArchivePack(file, { tempDir: sandboxes });
    expect((await pack.listFiles()).map((entry) => entry.path)).toEqual(['release-pack.yaml']);
    await pack.close();
  });

  it('opens a .zip with stored and deflated entries', async () => {
    const file = await zipFile([
      { name: 'docs/', content: '' },
      { name: 'docs/card.md', content: 'card', deflate: true },
      { name: 'config.json', content: '{}' },
    ]);
    const pack = await openArchivePack(file, { tempDir: sandboxes });
    expect((await pack.listFiles()).map((entry) => entry.path)).toEqual(['config.json', 'docs/card.md']);
    expect(Buffer.from((await pack.readFile('docs/card.md')).bytes).toString()).toBe('card');
    await pack.close();
  });

  it('keeps links that stay inside the archive and follows them', async () => {
    const file = await tarFile([
      { path: 'docs/card.md', content: 'card' },
      { path: 'MODEL_CARD.md', type: 'SymbolicLink', linkpath: 'docs/card.md' },
      { path: 'copy.md', type: 'Link', linkpath: 'docs/card.md' },
    ]);
    expect(await readText(file, 'MODEL_CARD.md')).toBe('card');
    expect(await readText(file, 'copy.md')).toBe('card');
  });

  it('lets a later entry of the same name replace a hard-linked file without touching the original', async () => {
    const file = await tarFile([
      { path: 'a.txt', content: 'original' },
      { path: 'b.txt', type: 'Link', linkpath: 'a.txt' },
      { path: 'b.txt', content: 'replaced' },
    ]);
    expect(await readText(file, 'a.txt')).toBe('original');
    expect(await readText(file, 'b.txt')).toBe('replaced');
  });
});

describe('openArchivePack: hostile tar entries', () => {
  it('refuses a path that climbs out with ..', async () => {
    const file = await tarFile([{ path: '../escaped.txt', content: 'x' }]);
    await expectRefused(file, 'ERR_ARCHIVE_UNSAFE', /"\.\.\/escaped\.txt" climbs out/);
    expect(existsSync(path.join(work, 'escaped.txt'))).toBe(false);
    expect(existsSync(path.join(sandboxes, 'escaped.txt'))).toBe(false);
  });

  it('refuses .. hidden in the middle of a path and behind backslashes', async () => {
    await expectRefused(
      await tarFile([{ path: 'docs/../../x', content: 'x' }]),
      'ERR_ARCHIVE_UNSAFE',
      /climbs out/,
    );
    await expectRefused(
      await tarFile([{ path: '..\\..\\x', content: 'x' }], 'b.tar.gz'),
      'ERR_ARCHIVE_UNSAFE',
      /climbs out/,
    );
  });

  it('refuses absolute paths', async () => {
    const target = path.join(work, 'absolute.txt');
    await expectRefused(
      await tarFile([{ path: target, content: 'x' }]),
      'ERR_ARCHIVE_UNSAFE',
      /is an absolute path/,
    );
    expect(existsSync(target)).toBe(false);
  });

  it('refuses symbolic links that point outside, absolute or relative', async () => {
    await expectRefused(
      await tarFile([{ path: 'passwd', type: 'SymbolicLink', linkpath: '/etc/passwd' }]),
      'ERR_ARCHIVE_UNSAFE',
      /"passwd" is a link to the absolute path "\/etc\/passwd"/,
    );
    await expectRefused(
      await tarFile([{ path: 'docs/up', type: 'SymbolicLink', linkpath: '../../..' }], 'b.tar.gz'),
      'ERR_ARCHIVE_UNSAFE',
      /"docs\/up" is a link to "\.\.\/\.\.\/\.\.", outside the archive/,
    );
  });

  it('refuses a chain of links that only leads outside once resolved on disk', async () => {
    const file = await tarFile([
      { path: 'a', type: 'Directory' },
      // a/b points at the archive root; c then climbs one level above it through a/b.
      { path: 'a/b', type: 'SymbolicLink', linkpath: '..' },
      { path: 'c', type: 'SymbolicLink', linkpath: 'a/b/..' },
    ]);
    await expectRefused(file, 'ERR_ARCHIVE_UNSAFE', /"c" is a link that resolves outside/);
  });

  it('never writes through a link: a file entry under a link name is refused', async () => {
    const file = await tarFile([
      { path: 'out', type: 'SymbolicLink', linkpath: 'inside' },
      { path: 'out/file.txt', content: 'x' },
    ]);
    await expectRefused(file, 'ERR_ARCHIVE_UNSAFE', /"out" is a link with the name of another entry/);
  });

  it('refuses hard links to files outside', async () => {
    await expectRefused(
      await tarFile([{ path: 'passwd', type: 'Link', linkpath: '/etc/passwd' }]),
      'ERR_ARCHIVE_UNSAFE',
      /hard link to "\/etc\/passwd"/,
    );
    await expectRefused(
      await tarFile([{ path: 'passwd', type: 'Link', linkpath: '../../etc/passwd' }], 'b.tar.gz'),
      'ERR_ARCHIVE_UNSAFE',
      /hard link/,
    );
  });

  it('refuses devices and FIFOs', async () => {
    await expectRefused(
      await tarFile([{ path: 'pipe', type: 'FIFO' }]),
      'ERR_ARCHIVE_UNSAFE',
      /"pipe" is a special file \(FIFO\)/,
    );
    await expectRefused(
      await tarFile([{ path: 'tty', type: 'CharacterDevice' }], 'b.tar.gz'),
      'ERR_ARCHIVE_UNSAFE',
      /special file/,
    );
  });

  it('refuses names with control characters, keeping the message on one line', async () => {
    const file = await tarFile([{ path: 'evil\nname.md', content: 'x' }]);
    await expectRefused(file, 'ERR_ARCHIVE_UNSAFE', /"evil\\nname\.md" has control characters/);
  });
});

describe('openArchivePack: hostile zip entries', () => {
  it('refuses .. paths, absolute paths and drive paths', async () => {
    await expectRefused(
      await zipFile([{ name: '../escaped.txt', content: 'x' }]),
      'ERR_ARCHIVE_UNSAFE',
      /"\.\.\/escaped\.txt" climbs out/,
    );
    await expectRefused(
      await zipFile([{ name: '/tmp/absolute.txt', content: 'x' }], 'b.zip'),
      'ERR_ARCHIVE_UNSAFE',
      /is an absolute path/,
    );
    await expectRefused(
      await zipFile([{ name: 'C:\\Windows\\evil.dll', content: 'x' }], 'c.zip'),
      'ERR_ARCHIVE_UNSAFE',
      /Windows drive path/,
    );
    await expectRefused(
      await zipFile([{ name: '..\\escaped.txt', content: 'x' }], 'd.zip'),
      'ERR_ARCHIVE_UNSAFE',
      /climbs out/,
    );
    expect(existsSync(path.join(work, 'escaped.txt'))).toBe(false);
  });

  it('refuses symbolic links leading outside and special files', async () => {
    await expectRefused(
      await zipFile([{ name: 'passwd', content: '/etc/passwd', mode: 0o120777 }]),
      'ERR_ARCHIVE_UNSAFE',
      /link to the absolute path/,
    );
    await expectRefused(
      await zipFile([{ name: 'up', content: '../..', mode: 0o120777 }], 'b.zip'),
      'ERR_ARCHIVE_UNSAFE',
      /outside the archive/,
    );
    await expectRefused(
      await zipFile([{ name: 'pipe', content: '', mode: 0o010644 }], 'c.zip'),
      'ERR_ARCHIVE_UNSAFE',
      /special file/,
    );
  });

  it('keeps zip links that stay inside', async () => {
    const file = await zipFile([
      { name: 'docs/card.md', content: 'card' },
      { name: 'README.md', content: 'docs/card.md', mode: 0o120777 },
    ]);
    expect(await readText(file, 'README.md')).toBe('card');
  });
});

describe('openArchivePack: limits', () => {
  it('refuses more entries than allowed', async () => {
    const file = await tarFile([
      { path: 'a', content: '1' },
      { path: 'b', content: '2' },
      { path: 'c', content: '3' },
    ]);
    await expectRefused(file, 'ERR_ARCHIVE_LIMIT', /more than 2 entries \(at "c"\)/, {
      limits: { maxEntries: 2 },
    });
  });

  it('refuses more bytes than allowed', async () => {
    const file = await zipFile([{ name: 'big.bin', content: Buffer.alloc(4096, 1) }]);
    await expectRefused(file, 'ERR_ARCHIVE_LIMIT', /unpacks to more than 1 KiB/, {
      limits: { maxTotalBytes: 1024 },
    });
  });

  it('refuses a gzip bomb by its compression ratio', async () => {
    const file = await tarFile([{ path: 'zeros.bin', content: Buffer.alloc(4 * 1024 * 1024) }]);
    await expectRefused(file, 'ERR_ARCHIVE_LIMIT', /more than 10× its size \(a decompression bomb\?\)/, {
      limits: { maxCompressionRatio: 10, ratioGraceBytes: 64 * 1024 },
    });
  });

  it('refuses a zip bomb entry by its declared ratio before inflating it', async () => {
    const file = await zipFile([
      { name: 'zeros.bin', content: Buffer.alloc(4 * 1024 * 1024), deflate: true },
    ]);
    await expectRefused(file, 'ERR_ARCHIVE_LIMIT', /"zeros\.bin" expands more than 10×/, {
      limits: { maxCompressionRatio: 10, ratioGraceBytes: 64 * 1024 },
    });
  });
});

describe('openArchivePack: missing and damaged files', () => {
  it('reports a missing archive as not found', async () => {
    await expect(openArchivePack(path.join(work, 'nothing.tar.gz'))).rejects.toMatchObject({
      code: 'ERR_NOT_FOUND',
    });
  });

  it('reports corrupt archives as unreadable', async () => {
    const tgz = path.join(work, 'corrupt.tar.gz');
    await writeFile(tgz, Buffer.from('this is not an archive at all, just text'.repeat(40)));
    await expectRefused(tgz, 'ERR_UNREADABLE', /corrupt\.tar\.gz: not a readable tar archive/);
    const zip = path.join(work, 'corrupt.zip');
    await writeFile(zip, Buffer.from('PK not really'));
    await expectRefused(zip, 'ERR_UNREADABLE', /corrupt\.zip: not a readable zip archive/);
  });

  it('reports a truncated .tar.gz as unreadable', async () => {
    const whole = buildTarGz([{ path: 'a.bin', content: Buffer.alloc(200_000, 7) }]);
    const file = path.join(work, 'truncated.tar.gz');
    await writeFile(file, whole.subarray(0, Math.floor(whole.length / 2)));
    await expectRefused(file, 'ERR_UNREADABLE', /not a readable tar archive/);
  });

  it('closes the file being written when the archive breaks in the middle of it', async () => {
    const whole = buildTarGz([{ path: 'a.bin', content: randomBytes(3_000_000) }]);
    const middle = Math.floor(whole.length / 2);
    for (let i = middle; i < middle + 64; i++) whole[i] = whole[i]! ^ 0xff;
    const file = path.join(work, 'damaged.tar.gz');
    await writeFile(file, whole);
    const openFiles = () => (existsSync('/proc/self/fd') ? readdirSync('/proc/self/fd').length : 0);
    const before = openFiles();
    await expectRefused(file, 'ERR_UNREADABLE', /damaged\.tar\.gz: not a readable tar archive/);
    expect(openFiles()).toBeLessThanOrEqual(before);
  });

  it('reports a gzip stream that holds no tar as unreadable', async () => {
    const file = path.join(work, 'plain.tgz');
    await writeFile(file, gzipSync(Buffer.from('hello')));
    await expectRefused(file, 'ERR_UNREADABLE', /not a readable tar archive/);
  });
});
