import { describe, expect, it } from 'vitest';
import { ApertureError } from '../errors.ts';
import { parseGitTarget, validateGitRef } from './git-url.ts';

function refusalOf(text: string): ApertureError {
  try {
    parseGitTarget(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ApertureError);
    expect((error as ApertureError).code).toBe('ERR_GIT_URL');
    expect((error as ApertureError).message).not.toContain('\n');
    return error as ApertureError;
  }
  throw new Error(`accepted: ${text}`);
}

describe('parseGitTarget', () => {
  it.each([
    ['https://github.com/org/model.git', 'https://github.com/org/model.git', undefined],
    ['http://git.example.org/model', 'http://git.example.org/model', undefined],
    ['ssh://git@example.org/org/model.git', 'ssh://git@example.org/org/model.git', undefined],
    ['git://example.org/model.git', 'git://example.org/model.git', undefined],
    ['file:///srv/repos/model', 'file:///srv/repos/model', undefined],
    ['git@github.com:org/model.git', 'git@github.com:org/model.git', undefined],
    ['https://github.com/org/model.git#v1.0', 'https://github.com/org/model.git', 'v1.0'],
    ['git@github.com:org/model.git#release/2024-06', 'git@github.com:org/model.git', 'release/2024-06'],
  ])('accepts %s', (text, url, ref) => {
    const target = parseGitTarget(text);
    expect(target.url).toBe(url);
    expect(target.ref).toBe(ref);
  });

  it('hides a password from the printable form and the web page', () => {
    const target = parseGitTarget('https://user:s3cret@example.org/org/model.git');
    expect(target.url).toContain('s3cret');
    expect(target.display).toBe('https://user:***@example.org/org/model.git');
    expect(target.webUrl).toBe('https://example.org/org/model');
  });

  it.each([
    ['--upload-pack=touch /tmp/x', /starts with "-"/],
    ['-oProxyCommand=touch /tmp/x', /starts with "-"/],
    ['ext::sh -c touch% /tmp/pwned', /"<transport>::"/],
    ['fd::17', /"<transport>::"/],
    ['file:///x;rm', /shell characters/],
    ['https://example.org/repo$(id)', /shell characters/],
    ['https://example.org/re po', /spaces/],
    ['https://example.org/repo\nHost: evil', /control characters/],
    ['ssh://-oProxyCommand=x/repo', /looks like an option/],
    ['ssh://example.org/-upload-pack', /looks like an option/],
    ['ssh://example.org/%2dupload-pack', /looks like an option/],
    ['git@example.org:-oProxyCommand=x', /looks like an option/],
    ['ftp://example.org/repo.git', /scheme ftp: is not allowed/],
    ['javascript:alert(1)', /shell characters|not a URL|not allowed/],
    ['https://example.org/repo#--orphan', /ref starts with "-"/],
    ['https://example.org/repo#a..b', /"\.\."/],
    ['https://example.org/repo#', /empty/],
    ['https://example.org/repo?x=1', /query/],
  ])('refuses %j', (text, reason) => {
    expect(refusalOf(text).message).toMatch(reason);
  });
});

describe('validateGitRef', () => {
  it.each(['main', 'v1.0.0', 'release/2024', 'a'.repeat(40)])('accepts %s', (ref) => {
    expect(validateGitRef(ref)).toBe(ref);
  });

  it.each([
    '-x',
    'a..b',
    'a b',
    'a~1',
    'a^',
    'a:b',
    'a?',
    'a*',
    'a[',
    'a\\b',
    'a@{1}',
    '@',
    '/a',
    'a/',
    'a.',
    'a//b',
    '.a',
    'a/.b',
    'a.lock',
  ])('refuses %j', (ref) => {
    expect(() => validateGitRef(ref)).toThrow(ApertureError);
  });
});
