import { describe, expect, it } from 'vitest';
import { locateReleasePath, locationKey, locationLabel, releasePath } from './location-label.ts';

describe('locationLabel', () => {
  it.each([
    ['hf:allenai/OLMo-2-1124-7B@stage1', 'hf:allenai/OLMo-2-1124-7B'],
    ['hf:datasets/allenai/dolma', 'hf:datasets/allenai/dolma'],
    ['https://github.com/allenai/OLMo-core.git', 'github.com/allenai/OLMo-core'],
    ['https://user:secret@GitHub.com/Org/Repo/#readme', 'github.com/Org/Repo'],
    ['/srv/release/', '/srv/release'],
  ])('names %s as %s', (ref, label) => {
    expect(locationLabel(ref)).toBe(label);
  });
});

describe('locationKey', () => {
  it('spells every way of naming one repository the same', () => {
    for (const ref of [
      'https://github.com/org/repo',
      'https://GitHub.com/Org/Repo.git',
      'https://github.com/org/repo/',
      'https://www.github.com/org/repo',
      'https://github.com/org/repo.git#v1',
    ])
      expect(locationKey(ref), ref).toBe('github.com/org/repo');
    for (const ref of ['hf:Org/Name', 'hf:models/org/name', 'hf:org/name@v1'])
      expect(locationKey(ref), ref).toBe('hf:org/name');
    expect(locationKey('/srv/Release/')).toBe('/srv/release');
  });

  it('keeps datasets, other repositories and local folders apart', () => {
    expect(locationKey('hf:datasets/org/name')).not.toBe(locationKey('hf:org/name'));
    expect(locationKey('https://github.com/org/repo-extra')).not.toBe(
      locationKey('https://github.com/org/repo'),
    );
    expect(locationKey('www.example/repo')).toBe('www.example/repo');
  });
});

describe('releasePath', () => {
  it('keeps the primary location’s paths and prefixes the others’ with their label', () => {
    expect(releasePath({ ref: 'hf:org/m', role: 'primary' }, 'README.md')).toBe('README.md');
    expect(releasePath({ ref: 'hf:datasets/allenai/dolma@v2', role: 'followed' }, 'README.md')).toBe(
      'hf:datasets/allenai/dolma/README.md',
    );
    expect(releasePath({ ref: 'https://github.com/org/code.git', role: 'given' }, 'src/train.py')).toBe(
      'github.com/org/code/src/train.py',
    );
  });
});

describe('locateReleasePath', () => {
  const locations = [
    { ref: '/tmp/release', role: 'primary' },
    { ref: 'hf:star-lab/star-7b', role: 'followed' },
    { ref: 'https://github.com/star-lab/star.git', role: 'given' },
  ] as const;

  it('finds the location of a path named after it, and the path inside it', () => {
    expect(locateReleasePath('hf:star-lab/star-7b/config.json', locations)).toEqual({
      location: locations[1],
      path: 'config.json',
    });
    expect(locateReleasePath('github.com/star-lab/star/src/train.py', locations)?.path).toBe('src/train.py');
  });

  it('leaves the primary location’s own paths, and look-alike names, alone', () => {
    expect(locateReleasePath('train.py', locations)).toBeNull();
    expect(locateReleasePath('hf:star-lab/star-7b-extra/config.json', locations)).toBeNull();
  });
});
