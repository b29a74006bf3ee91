import { describe, expect, it } from 'vitest';
import { DATA_EXTENSIONS, extensionPattern, WEIGHT_EXTENSIONS } from './known-extensions.ts';

describe('extensionPattern', () => {
  it('matches a dot and one of the extensions, dots inside them taken literally', () => {
    const pattern = new RegExp(`${extensionPattern(['parquet', 'jsonl.gz'])}$`, 'i');
    expect(pattern.test('data/train.PARQUET')).toBe(true);
    expect(pattern.test('data/train.jsonl.gz')).toBe(true);
    expect(pattern.test('data/train.jsonlXgz')).toBe(false);
    expect(pattern.test('data/parquet')).toBe(false);
  });

  it('keeps weights and data apart', () => {
    expect(WEIGHT_EXTENSIONS.filter((extension) => DATA_EXTENSIONS.includes(extension))).toEqual([]);
  });
});
