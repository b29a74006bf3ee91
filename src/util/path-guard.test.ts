import { describe, expect, it } from 'vitest';
import { isInside, isUrl, toPackRelative } from './path-guard.ts';

describe('toPackRelative', () => {
  it('normalises paths inside the pack', () => {
    expect(toPackRelative('weights/../model.safetensors')).toBe('model.safetensors');
    expect(toPackRelative('./docs/')).toBe('docs');
    expect(toPackRelative('a\\b.txt')).toBe('a/b.txt');
    expect(toPackRelative('.')).toBe('');
  });

  it.each(['../secret', 'a/../../b', '/etc/passwd', 'C:/Windows', 'C:\\x', 'a\0b'])(
    'refuses %j',
    (candidate) => {
      expect(() => toPackRelative(candidate)).toThrow();
    },
  );
});

describe('isInside and isUrl', () => {
  it('tells inside from outside', () => {
    expect(isInside('/a/b', '/a/b/c')).toBe(true);
    expect(isInside('/a/b', '/a/b')).toBe(true);
    expect(isInside('/a/b', '/a/bc')).toBe(false);
    expect(isInside('/a/b', '/a')).toBe(false);
  });

  it('recognises URLs', () => {
    expect(isUrl('https://huggingface.co/x')).toBe(true);
    expect(isUrl('weights/model.bin')).toBe(false);
    expect(isUrl('magnet:?xt=urn:btih:5d3c2a')).toBe(true);
    expect(isUrl('magnet/weights.bin')).toBe(false);
    expect(isUrl('C:weights.bin')).toBe(false);
  });
});
