import { describe, expect, it } from 'vitest';
import type { PackFile } from '../spec/index.ts';
import { indexFiles, resolveLocations } from './file-index.ts';

const files = (paths: string[]): PackFile[] => paths.map((path) => ({ path, size: path.length }));

describe('indexFiles', () => {
  it('looks paths up in a sorted list and in an unsorted one alike', () => {
    const sorted = indexFiles(files(['a.py', 'b/c.py', 'b/d.py']));
    const unsorted = indexFiles(files(['b/d.py', 'a.py', 'b/c.py']));
    expect(sorted.sorted).toBe(true);
    expect(unsorted.sorted).toBe(false);
    for (const index of [sorted, unsorted]) {
      expect(index.byPath.get('b/c.py')?.size).toBe(6);
      expect(index.byPath.has('b')).toBe(false);
      expect(index.byPath.has('b/c')).toBe(false);
      expect(index.byPath.has('c.py')).toBe(false);
    }
  });
});

describe('resolveLocations', () => {
  it('lists each file once when locations overlap', () => {
    const index = indexFiles(files(['a/x.py', 'a/y.py', 'b.py']));
    expect(resolveLocations(['a', 'a/x.py', 'https://x.org/m', 'nope'], index)).toEqual({
      files: ['a/x.py', 'a/y.py'],
      missing: ['nope'],
      escaping: [],
    });
  });

  it('resolves a folder of 200,000 files', () => {
    const paths = Array.from({ length: 200_000 }, (_, i) => `data/${String(i).padStart(6, '0')}.bin`);
    const index = indexFiles(files(['README.md', ...paths]));
    expect(resolveLocations(['README.md', 'data'], index).files).toHaveLength(200_001);
  });
});
