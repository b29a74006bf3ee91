import { describe, expect, it } from 'vitest';
import { hasFolder, isIgnoredPath, shallowestFirst } from './ignored-paths.ts';

/** shallowestFirst as a full sort: the reference the one-pass selection must agree with. */
function bySorting(paths: readonly string[], max: number): string[] {
  const depth = (path: string) => path.split('/').length - 1;
  return [...paths].sort((a, b) => depth(a) - depth(b) || (a < b ? -1 : a > b ? 1 : 0)).slice(0, max);
}

describe('shallowestFirst', () => {
  it('keeps the shallowest paths, then by path', () => {
    expect(shallowestFirst(['a/b/c.py', 'z.py', 'a/d.py', 'b.py', 'a/b.py'], 3)).toEqual([
      'b.py',
      'z.py',
      'a/b.py',
    ]);
  });

  it('agrees with sorting the whole list, repeats and ties included', () => {
    const paths = Array.from({ length: 400 }, (_, i) => {
      const depth = (i * 7) % 4;
      return [
        ...Array.from({ length: depth }, (_, level) => `d${(i + level) % 3}`),
        `f${(i * 13) % 50}.py`,
      ].join('/');
    });
    for (const max of [0, 1, 5, 64, 399, 400, 500])
      expect(shallowestFirst(paths, max), `max ${max}`).toEqual(bySorting(paths, max));
  });
});

describe('hasFolder and isIgnoredPath', () => {
  it('looks at folders only, never at the file name', () => {
    expect(hasFolder('data/test/part-0.parquet', /^(data|datasets?)$/i)).toBe(true);
    expect(hasFolder('src/data', /^(data|datasets?)$/i)).toBe(false);
    expect(hasFolder('data', /^(data|datasets?)$/i)).toBe(false);
  });

  it('ignores tooling folders and files named like them', () => {
    expect(isIgnoredPath('node_modules/x/train.py')).toBe(true);
    expect(isIgnoredPath('src/venv')).toBe(true);
    expect(isIgnoredPath('src/venvs/train.py')).toBe(false);
  });
});
