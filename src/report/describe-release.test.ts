import { describe, expect, it } from 'vitest';
import type { OpenWashing } from '../profile/index.ts';
import { claimText, isLinked, locationText, oneLine, openWashingText } from './describe-release.ts';

const FLAGGED: OpenWashing = {
  flagged: true,
  claims: [
    { file: 'README.md', line: 7, phrase: 'our open-source model', note: 'calls itself "open-source"' },
  ],
  license: 'llama3.1',
  licenseClass: 'restricted',
  missing: ['training-datasets'],
  reason: 'calls itself open source, but the weights are under llama3.1 (restricted)',
};

describe('describe-release', () => {
  it('names a claim by its file, line and phrase, or by the license name', () => {
    expect(claimText(FLAGGED.claims[0]!)).toBe('README.md:7 "our open-source model"');
    expect(claimText({ file: 'README.md', phrase: 'open-source' })).toBe('README.md "open-source"');
    expect(
      claimText({ phrase: 'Open Model License', note: 'the license is named "Open Model License"' }),
    ).toBe('license name "Open Model License"');
  });

  it('says FLAGGED or no, with the reason', () => {
    expect(openWashingText(FLAGGED)).toBe(
      'FLAGGED: calls itself open source, but the weights are under llama3.1 (restricted)',
    );
    expect(openWashingText({ ...FLAGGED, flagged: false, reason: 'calls itself open source; it is' })).toBe(
      'no: calls itself open source; it is',
    );
  });

  it('names a location with its role, its files and the link that led to it', () => {
    expect(locationText({ ref: 'hf:acme/chat', role: 'primary', kind: 'hf', files: 1 })).toBe(
      'hf:acme/chat (primary, 1 file)',
    );
    expect(
      locationText({
        ref: 'hf:datasets/acme/web',
        role: 'followed',
        kind: 'hf',
        files: 3,
        via: { file: 'README.md', line: 9, url: 'https://huggingface.co/datasets/acme/web' },
      }),
    ).toBe('hf:datasets/acme/web (followed, 3 files, via README.md:9)');
  });

  it('keeps terminal control sequences and line breaks out of a line', () => {
    expect(oneLine('our\u001b[2J\u0007 open-source\r\n\tmodel\u009b ')).toBe('our[2J open-source model');
    expect(claimText({ file: 'READ\u001bME.md', line: 1, phrase: 'x\ny' })).toBe('README.md:1 "x y"');
  });

  it('tells linked components from verified ones', () => {
    expect(isLinked({ verification: 'linked-unverified' })).toBe(true);
    expect(isLinked({ verification: 'verified' })).toBe(false);
    expect(isLinked({ verification: null })).toBe(false);
  });
});
