import { describe, expect, it } from 'vitest';
import { isHubName, isHubRepoId, isHubRepoName, MAX_REPO_ID_LENGTH } from './hub-names.ts';

describe('Hub names', () => {
  it('tells owner names by their first character and their characters', () => {
    expect(isHubName('example-lab')).toBe(true);
    expect(isHubName('0xLab_v2.1')).toBe(true);
    for (const bad of ['', '-lead', '_lead', '.lead', 'a b', 'a/b', 'a?b'])
      expect(isHubName(bad), bad).toBe(false);
  });

  it('lets a repository name start with any of its characters', () => {
    expect(isHubRepoName('OLMo-2-1124-7B')).toBe(true);
    expect(isHubRepoName('.hidden')).toBe(true);
    for (const bad of ['', 'na me', 'a/b', 'name%2f']) expect(isHubRepoName(bad), bad).toBe(false);
  });

  it('accepts org/name ids within the length and without "--" or ".."', () => {
    expect(isHubRepoId('example-lab/example-7b')).toBe(true);
    const longest = `o/${'n'.repeat(MAX_REPO_ID_LENGTH - 2)}`;
    expect(isHubRepoId(longest)).toBe(true);
    for (const bad of [
      'name-only',
      'a/b/c',
      '../../etc/passwd',
      'org/na--me',
      'org/na..me',
      '-org/name',
      'org/na me',
      `${longest}n`,
    ])
      expect(isHubRepoId(bad), bad).toBe(false);
  });
});
