import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractArchiveMembers } from '../src/observatory/sync/extract-archive-members.ts';
import { buildTarGz, type TarEntrySpec } from '../src/scan/test-support/build-tar.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'aperture-members-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function extract(entries: TarEntrySpec[], limits?: { maxEntries: number; maxBytes: number }) {
  const archive = path.join(dir, 'repo.tar.gz');
  await writeFile(archive, buildTarGz(entries));
  return extractArchiveMembers(
    archive,
    path.join(dir, 'out'),
    (member) => member.startsWith('models/'),
    limits,
  );
}

describe('extractArchiveMembers', () => {
  it('unpacks the selected files by their path inside the repository, never a link', async () => {
    const written = await extract([
      { path: 'o-r-1/README.md', content: 'x' },
      { path: 'o-r-1/models/a.yml', content: 'a: 1' },
      { path: 'o-r-1/models/b.yml', type: 'SymbolicLink', linkpath: '../../../../etc/passwd' },
      { path: 'o-r-1/models/c.yml', type: 'Link', linkpath: 'o-r-1/README.md' },
    ]);
    expect(written).toEqual(['models/a.yml']);
    expect(await readdir(path.join(dir, 'out', 'models'))).toEqual(['a.yml']);
    expect(await readFile(path.join(dir, 'out', 'models', 'a.yml'), 'utf8')).toBe('a: 1');
  });

  it.each([
    ['o-r-1/models/../../escape.yml', '(..)'],
    ['/etc/models/x.yml', 'absolute path'],
    ['o-r-1/models/a\u0007.yml', 'control character'],
  ])('refuses the whole archive for the entry %j', async (name, reason) => {
    await expect(extract([{ path: name, content: 'x' }])).rejects.toMatchObject({
      code: 'ERR_ARCHIVE_UNSAFE',
      message: expect.stringContaining(reason),
    });
  });

  it('enforces the entry and byte limits', async () => {
    const many = Array.from({ length: 5 }, (_, i) => ({ path: `o-r-1/models/${i}.yml`, content: 'x' }));
    await expect(extract(many, { maxEntries: 3, maxBytes: 1000 })).rejects.toMatchObject({
      code: 'ERR_ARCHIVE_LIMIT',
    });
    await expect(
      extract([{ path: 'o-r-1/models/big.yml', content: 'y'.repeat(2000) }], {
        maxEntries: 10,
        maxBytes: 1000,
      }),
    ).rejects.toMatchObject({ code: 'ERR_ARCHIVE_LIMIT' });
  });

  it('fails a damaged archive as unreadable', async () => {
    const archive = path.join(dir, 'repo.tar.gz');
    await writeFile(
      archive,
      buildTarGz([{ path: 'o-r-1/models/a.yml', content: 'a'.repeat(5000) }]).subarray(0, 40),
    );
    await expect(extractArchiveMembers(archive, path.join(dir, 'out'), () => true)).rejects.toMatchObject({
      code: 'ERR_UNREADABLE',
    });
  });
});
