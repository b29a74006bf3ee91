import { describe, expect, it } from 'vitest';
import { nameFromSource } from './name-from-source.ts';

describe('nameFromSource', () => {
  it.each([
    ['hf:allenai/OLMo-2-1124-7B@main', { name: 'OLMo-2-1124-7B', organization: 'allenai' }],
    ['hf:org/model', { name: 'model', organization: 'org' }],
    ['https://github.com/org/repo.git', { name: 'repo' }],
    ['git@github.com:org/repo.git', { name: 'repo' }],
    ['releases/star-7b.tar.gz', { name: 'star-7b' }],
    ['/home/me/models/star/', { name: 'star' }],
    ['memory', { name: 'memory' }],
    ['.', { name: '.' }],
  ])('%s', (ref, expected) => {
    expect(nameFromSource(ref)).toEqual(expected);
  });
});
