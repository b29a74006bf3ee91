import { mkdir, mkdtemp, rename, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApertureError } from '../errors.ts';
import { openFolderPack } from './folder-pack.ts';

let dir: string;
let outside: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'aperture-folder-'));
  outside = await mkdtemp(path.join(os.tmpdir(), 'aperture-outside-'));
  await mkdir(path.join(dir, 'docs/deep'), { recursive: true });
  await mkdir(path.join(dir, '.git'), { recursive: true });
  await writeFile(path.join(dir, 'README.md'), '# Model\n');
  await writeFile(path.join(dir, 'docs/deep/card.md'), 'card');
  await writeFile(path.join(dir, '.git/config'), 'secret');
  await writeFile(path.join(outside, 'secret.txt'), 'TOP SECRET');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

describe('openFolderPack', () => {
  it('lists regular files sorted, skipping .git', async () => {
    const pack = await openFolderPack(dir);
    expect((await pack.listFiles()).map((file) => file.path)).toEqual(['README.md', 'docs/deep/card.md']);
    expect((await pack.listFiles())[0]!.size).toBe(8);
  });

  it('lists paths in code-unit order where a folder name begins another name', async () => {
    // The walk goes folder by folder: `a/…` must come after `a-b` and `a.txt` (`-` and `.` sort before `/`).
    const paths = [
      'a/x.txt',
      'a-b.txt',
      'a.txt',
      'a0.txt',
      'a/b/c',
      'a/b-c/d',
      'a/b.c',
      'a/bc',
      'B/z',
      'é/z',
    ];
    for (const file of paths) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), file);
    }
    const listed = (await (await openFolderPack(dir)).listFiles()).map((file) => file.path);
    const expected = [...paths, 'README.md', 'docs/deep/card.md'].sort();
    expect(listed).toEqual(expected);
  });

  it('reads files with a byte limit', async () => {
    const pack = await openFolderPack(dir);
    const result = await pack.readFile('README.md', 3);
    expect(Buffer.from(result.bytes).toString()).toBe('# M');
    expect(result.truncated).toBe(true);
  });

  it('follows links inside the pack and skips links that leave it, with a warning', async () => {
    await symlink(path.join(dir, 'README.md'), path.join(dir, 'inside-link.md'));
    await symlink(path.join(outside, 'secret.txt'), path.join(dir, 'escape.txt'));
    await symlink(outside, path.join(dir, 'escape-dir'));
    const pack = await openFolderPack(dir);
    const paths = (await pack.listFiles()).map((file) => file.path);
    expect(paths).toContain('inside-link.md');
    expect(paths).not.toContain('escape.txt');
    expect(paths.some((p) => p.startsWith('escape-dir'))).toBe(false);
    expect(pack.warnings.join('\n')).toContain('escape.txt: symbolic link points outside the pack');
    await expect(pack.readFile('escape.txt')).rejects.toThrow(ApertureError);
  });

  it('refuses a file or folder swapped for a link to outside after the walk, and reads one edited inside', async () => {
    const pack = await openFolderPack(dir);
    await pack.listFiles();
    // A listed file becomes a link to a secret outside.
    await rm(path.join(dir, 'README.md'));
    await symlink(path.join(outside, 'secret.txt'), path.join(dir, 'README.md'));
    await expect(pack.readFile('README.md')).rejects.toMatchObject({
      code: 'ERR_PATH_ESCAPE',
      message: 'README.md: resolves outside the pack; refused',
    });
    // A listed folder becomes a link to an outside folder holding a file of the same name.
    await mkdir(path.join(outside, 'deep'));
    await writeFile(path.join(outside, 'deep/card.md'), 'TOP SECRET');
    await rename(path.join(dir, 'docs/deep'), path.join(dir, 'docs/old'));
    await symlink(path.join(outside, 'deep'), path.join(dir, 'docs/deep'));
    await expect(pack.readFile('docs/deep/card.md')).rejects.toMatchObject({ code: 'ERR_PATH_ESCAPE' });
    // The same file written again in place, or replaced by a new file inside the pack, is read.
    await rm(path.join(dir, 'docs/deep'));
    await rename(path.join(dir, 'docs/old'), path.join(dir, 'docs/deep'));
    await writeFile(path.join(dir, 'docs/deep/card.md'), 'card, edited');
    expect(Buffer.from((await pack.readFile('docs/deep/card.md')).bytes).toString()).toBe('card, edited');
    await writeFile(path.join(dir, 'docs/deep/new.md'), 'card, replaced');
    await rename(path.join(dir, 'docs/deep/new.md'), path.join(dir, 'docs/deep/card.md'));
    expect(Buffer.from((await pack.readFile('docs/deep/card.md')).bytes).toString()).toBe('card, replaced');
  });

  it('refuses paths that are not files of the pack', async () => {
    const pack = await openFolderPack(dir);
    await expect(pack.readFile('../secret.txt')).rejects.toThrow(/outside the pack/);
    await expect(pack.readFile('nope.md')).rejects.toThrow(/not a file of the pack/);
  });

  it('says clearly when the folder does not exist or is a file', async () => {
    await expect(openFolderPack(path.join(dir, 'missing'))).rejects.toThrow(/no such file or folder/);
    await expect(openFolderPack(path.join(dir, 'README.md'))).rejects.toThrow(/not a folder/);
  });

  it('refuses folders with more files than the limit', async () => {
    const pack = await openFolderPack(dir, undefined, { maxFiles: 1 });
    await expect(pack.listFiles()).rejects.toThrow(/more than 1 files/);
  });
});
