import { describe, expect, it } from 'vitest';
import { ApertureError } from '../errors.ts';
import { memoryPack } from './memory-pack.ts';
import type { Pack } from './pack.ts';
import { releaseFiles, trimPartialCharacter } from './release-files.ts';

async function startAt(pack: Pack) {
  return releaseFiles(pack, await pack.listFiles());
}

describe('releaseFiles', () => {
  it('serves a larger read after a truncated one, and the cached text after a whole one', async () => {
    const text = `head ${'x'.repeat(100)} tail`;
    const release = await startAt(memoryPack({ 'notes.md': text }));
    expect(await release.readText('notes.md', 10)).toBe('head xxxxx');
    expect(release.documents['notes.md']).toMatchObject({ truncated: true });
    expect(await release.readText('notes.md')).toBe(text);
    expect(await release.readText('notes.md', 10)).toBe(text);
    expect(release.documents['notes.md']).toEqual({ path: 'notes.md', text, truncated: false });
  });

  it('skips files that are not UTF-8 with a warning, and files not in the release silently', async () => {
    const release = await startAt(memoryPack({ 'CARD.md': new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a]) }));
    expect(await release.readText('CARD.md')).toBeNull();
    expect(await release.readText('nowhere.md')).toBeNull();
    expect(release.documents).toEqual({});
    expect(release.warnings).toEqual(['CARD.md: not UTF-8 text; not read']);
  });

  it('adds other locations under their release paths, the pack winning, with their warnings', async () => {
    const pack = memoryPack({ 'README.md': 'pack' }, { ref: 'org/code' });
    const data = memoryPack(
      { 'README.md': 'data card', 'data.csv': 'a,b\n' },
      { ref: 'hf:datasets/org/data' },
    );
    const release = await startAt(pack);
    release.register(
      { ref: 'hf:datasets/org/data', role: 'given', pack: { ...data, warnings: ['gated'] }, depth: 0 },
      await data.listFiles(),
    );
    expect(release.list().map((file) => file.path)).toEqual([
      'README.md',
      'hf:datasets/org/data/README.md',
      'hf:datasets/org/data/data.csv',
    ]);
    expect([...release.files()]).toEqual(release.list());
    expect(await release.readText('hf:datasets/org/data/README.md')).toBe('data card');
    expect(await release.readText('README.md')).toBe('pack');
    expect(release.warnings).toEqual(['hf:datasets/org/data: gated']);
    expect(release.locationRefs()).toEqual(['org/code', 'hf:datasets/org/data']);
    expect(release.summaries().map((summary) => [summary.ref, summary.role, summary.files])).toEqual([
      ['org/code', 'primary', 1],
      ['hf:datasets/org/data', 'given', 2],
    ]);
  });

  it('warns and goes on when a remote location refuses a read', async () => {
    const gated = memoryPack({ 'w.md': 'secret' }, { ref: 'hf:org/gated' });
    const refusing: Pack = {
      ...gated,
      readFile: async () => {
        throw new ApertureError('ERR_SOURCE_UNAVAILABLE', 'access denied (403)\nmore');
      },
    };
    const release = await startAt(memoryPack({}));
    release.register(
      { ref: 'hf:org/gated', role: 'followed', pack: refusing, depth: 1 },
      await gated.listFiles(),
    );
    expect(await release.readText('hf:org/gated/w.md')).toBeNull();
    expect(release.warnings).toEqual(['hf:org/gated/w.md: not read (access denied (403))']);
  });
});

describe('trimPartialCharacter', () => {
  it('drops a character cut by the read limit and keeps complete ones', () => {
    const euro = [0xe2, 0x82, 0xac];
    expect([...trimPartialCharacter(new Uint8Array([0x61, ...euro.slice(0, 2)]))]).toEqual([0x61]);
    expect([...trimPartialCharacter(new Uint8Array([0x61, ...euro]))]).toEqual([0x61, ...euro]);
    expect([...trimPartialCharacter(new Uint8Array([0x61, 0xf0, 0x9f]))]).toEqual([0x61]);
    expect([...trimPartialCharacter(new Uint8Array([]))]).toEqual([]);
  });
});
