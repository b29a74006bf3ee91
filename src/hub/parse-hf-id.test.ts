import { describe, expect, it } from 'vitest';
import { ApertureError } from '../errors.ts';
import { parseHfId } from './parse-hf-id.ts';

describe('parseHfId', () => {
  it.each([
    [
      'hf:allenai/OLMo-2-1124-7B',
      { type: 'model', repo: 'allenai/OLMo-2-1124-7B', org: 'allenai', name: 'OLMo-2-1124-7B' },
    ],
    ['hf:org/name@main', { type: 'model', repo: 'org/name', org: 'org', name: 'name', revision: 'main' }],
    [
      'hf:org/name@refs/pr/1',
      { type: 'model', repo: 'org/name', org: 'org', name: 'name', revision: 'refs/pr/1' },
    ],
    ['hf:o/n_1.2@v1.0', { type: 'model', repo: 'o/n_1.2', org: 'o', name: 'n_1.2', revision: 'v1.0' }],
    ['hf:models/org/name', { type: 'model', repo: 'org/name', org: 'org', name: 'name' }],
    ['hf:datasets/allenai/dolma', { type: 'dataset', repo: 'allenai/dolma', org: 'allenai', name: 'dolma' }],
  ])('accepts %s', (text, expected) => {
    expect(parseHfId(text)).toEqual(expected);
  });

  it.each([
    'allenai/OLMo',
    'hf:',
    'hf:name-only',
    'hf:a/b/c',
    'hf:-org/name',
    'hf:org/na--me',
    'hf:org/../etc',
    'hf:org/na..me',
    'hf:org/name.',
    'hf:org/.name',
    'hf:org/na me',
    'hf:org/name%2f',
    `hf:org/${'n'.repeat(100)}`,
    'hf:org/name@',
    'hf:org/name@-x',
    'hf:org/name@a..b',
    'hf:org/name@a b',
    'hf:org/name@a?b',
    'hf:org/name@/abs',
    'hf:datasets/name-only',
    'hf:spaces/org/name',
  ])('refuses %j', (text) => {
    let caught: unknown;
    try {
      parseHfId(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ApertureError);
    expect((caught as ApertureError).code).toBe('ERR_HF_ID');
  });
});
