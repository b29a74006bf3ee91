import { describe, expect, it } from 'vitest';
import { ApertureError } from '../errors.ts';
import { estimateNestingDepth, parseYamlSafely, readYamlSafely } from './safe-yaml.ts';

describe('parseYamlSafely', () => {
  it('parses and locates values', () => {
    const parsed = parseYamlSafely('a:\n  b: [1, 2]\n  c: x\n', 'f.yaml');
    expect(parsed.value).toEqual({ a: { b: [1, 2], c: 'x' } });
    expect(parsed.locate(['a', 'c'])).toEqual({ line: 3, column: 6 });
    expect(parsed.locate(['a', 'c'], { atKey: true })).toEqual({ line: 3, column: 3 });
    expect(parsed.locate(['a', 'missing'])).toEqual({ line: 2, column: 3 });
  });

  it('refuses documents over the size limit', () => {
    expect(() =>
      parseYamlSafely('a: 1\n'.repeat(100), 'f.yaml', { maxBytes: 10, maxDepth: 64, maxAliases: 10 }),
    ).toThrow(/over the 10-byte limit/);
  });

  it('refuses alias bombs with a one-line message', () => {
    const text =
      'a: &a [1,1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\n';
    try {
      parseYamlSafely(text, 'bomb.yaml', { maxBytes: 1 << 20, maxDepth: 64, maxAliases: 5 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ApertureError);
      expect((error as ApertureError).code).toBe('ERR_YAML_LIMIT');
      expect((error as Error).message).not.toContain('\n');
    }
  });

  it('refuses deep nesting before the parser sees it', () => {
    expect(() => parseYamlSafely(`${'['.repeat(100_000)}${']'.repeat(100_000)}`, 'deep.yaml')).toThrow(
      /nesting deeper/,
    );
    let block = '';
    for (let i = 0; i < 100; i++) block += `${' '.repeat(i)}k:\n`;
    expect(() => parseYamlSafely(block, 'deep.yaml')).toThrow(/nesting deeper/);
  });

  it('reports syntax errors with file, line and column', () => {
    expect(() => parseYamlSafely('a: 1\na: 2\n', 'dup.yaml')).toThrow(/^dup\.yaml:2:1: /);
  });
});

describe('estimateNestingDepth', () => {
  it('ignores brackets inside quotes and comments', () => {
    expect(estimateNestingDepth('a: "[[[[[[[["\nb: 1 # [[[[[[[\n').depth).toBeLessThan(4);
    expect(estimateNestingDepth('a: [[[1]]]\n').depth).toBe(4);
  });
});

describe('readYamlSafely', () => {
  it('returns a syntax error as data, at its position', () => {
    expect(readYamlSafely('a: 1\na: 2\n', 'dup.yaml')).toEqual({
      ok: false,
      syntax: { line: 2, column: 1, message: expect.stringMatching(/unique/) },
    });
    const read = readYamlSafely('a: [1]\n', 'f.yaml');
    expect(read.ok && read.parsed.value).toEqual({ a: [1] });
  });
});
