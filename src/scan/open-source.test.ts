import { describe, expect, it } from 'vitest';
import { classifyTarget, openSource } from './open-source.ts';

describe('classifyTarget', () => {
  it.each([
    ['hf:org/name@v1', 'hf'],
    ['https://github.com/org/repo', 'git'],
    ['ssh://git@example.org/org/repo.git', 'git'],
    ['git@github.com:org/repo.git', 'git'],
    ['release.tar.gz', 'archive'],
    ['./release', 'path'],
    ['release', 'path'],
  ] as const)('%s is %s', (target, kind) => {
    expect(classifyTarget(target)).toBe(kind);
  });

  // A URL's scheme is case-insensitive (RFC 3986 §3.1): `HTTPS://` is a URL, never a local folder.
  it.each([
    'HTTPS://github.com/org/repo',
    'Https://github.com/org/repo.git#v1',
    'HTTP://example.org/org/repo',
    'SSH://git@example.org/org/repo.git',
    'Git://example.org/org/repo.git',
    'FILE:///srv/git/repo.git',
    'HTTPS://example.org/release.tar.gz',
  ])('%s is a git URL in any case', (target) => {
    expect(classifyTarget(target)).toBe('git');
  });
});

describe('openSource', () => {
  it('does not look for HTTPS:// on the disk: the URL goes to the git source, which vets it', async () => {
    await expect(openSource('HTTPS://github.com/org/repo;rm')).rejects.toMatchObject({
      code: 'ERR_GIT_URL',
      message: expect.stringContaining('shell characters'),
    });
  });
});
