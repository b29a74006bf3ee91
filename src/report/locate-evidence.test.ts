import { describe, expect, it } from 'vitest';
import { type ReleaseLocationSummary, releasePath } from '../spec/index.ts';
import { locateEvidence } from './locate-evidence.ts';

const PRIMARY: ReleaseLocationSummary = { ref: 'hf:acme/chat', role: 'primary', kind: 'hf', files: 4 };
const CODE: ReleaseLocationSummary = {
  ref: 'https://GitHub.com/acme/train.git',
  role: 'given',
  kind: 'git',
  files: 9,
};
const DATA: ReleaseLocationSummary = {
  ref: 'hf:datasets/acme/web@v2',
  role: 'followed',
  kind: 'hf',
  files: 3,
};
const FOLDER: ReleaseLocationSummary = { ref: '/srv/release/', role: 'given', kind: 'folder', files: 2 };
const NESTED: ReleaseLocationSummary = { ref: '/srv/release/code', role: 'given', kind: 'folder', files: 1 };
const LOCATIONS = [PRIMARY, CODE, DATA, FOLDER, NESTED];

describe('locateEvidence', () => {
  it.each([CODE, DATA, FOLDER, NESTED])(
    'finds the file scan named in $ref and its path there',
    (location) => {
      const file = releasePath(location, 'src/train.py');
      expect(file).not.toBe('src/train.py');
      expect(locateEvidence({ file }, LOCATIONS)).toEqual({ location, path: 'src/train.py' });
      expect(locateEvidence({ file, location: location.ref }, LOCATIONS)).toEqual({
        location,
        path: 'src/train.py',
      });
    },
  );

  it('keeps files of the primary location as they are', () => {
    expect(locateEvidence({ file: 'README.md' }, LOCATIONS)).toEqual({ location: null, path: 'README.md' });
    expect(locateEvidence({ file: releasePath(PRIMARY, 'config.json') }, LOCATIONS)).toEqual({
      location: null,
      path: 'config.json',
    });
  });

  it('does not take a location for another whose label starts the same', () => {
    const similar: ReleaseLocationSummary = { ...CODE, ref: 'https://github.com/acme/train-extra' };
    const file = releasePath(similar, 'a.py');
    expect(locateEvidence({ file }, [PRIMARY, CODE, similar]).location).toBe(similar);
  });

  it('with a single location, every file is the primary one', () => {
    expect(locateEvidence({ file: 'github.com/acme/train/x.py' }, [PRIMARY])).toEqual({
      location: null,
      path: 'github.com/acme/train/x.py',
    });
  });
});
