import { describe, expect, it } from 'vitest';
import type { WatchedRelease } from '../../spec/index.ts';
import { escapeXml, releaseEntryId, releaseHeadline, renderAtomFeed } from './render-atom-feed.ts';

const RELEASE: WatchedRelease = {
  id: 1,
  repoId: 'Lab/Model-7B',
  author: 'Lab',
  organization: null,
  country: null,
  createdAt: null,
  discoveredAt: '2026-01-02T00:00:00.000Z',
  checkedAt: '2026-01-02T00:00:01.000Z',
  status: 'checked',
  checkError: null,
  revision: null,
  license: null,
  accessibility: null,
  opennessScore: 61.6,
  mofClass: null,
  openWashing: true,
  openWashingReason: 'withholds the weights',
  link: 'https://huggingface.co/Lab/Model-7B',
};

describe('the Atom renderer', () => {
  it('escapes markup and replaces what XML cannot carry', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
    expect(escapeXml('a\u0000b\u001fc\td\ne\uffffz')).toBe('a\ufffdb\ufffdc\td\ne\ufffdz');
    expect(escapeXml('lone \ud800 high, pair \ud83d\ude00 kept')).toBe(
      'lone \ufffd high, pair \ud83d\ude00 kept',
    );
  });

  it('gives each release one id whatever the case of its name', () => {
    expect(releaseEntryId(RELEASE)).toBe('tag:aperture.dev,2026:release/lab/model-7b');
    expect(releaseEntryId({ repoId: 'lab/MODEL-7b' })).toBe(releaseEntryId(RELEASE));
  });

  it('headlines the openness, and says when the check failed', () => {
    expect(releaseHeadline(RELEASE)).toBe('Lab/Model-7B: openness 62/100, no MOF class, open-washing');
    expect(releaseHeadline({ ...RELEASE, status: 'check-failed', opennessScore: null })).toBe(
      'Lab/Model-7B: not checked',
    );
  });

  it('dates an empty feed with the given time and a full one with its newest check', () => {
    const options = {
      selfUrl: 'http://127.0.0.1/feed.atom',
      pageUrl: 'http://127.0.0.1/releases',
      filters: {},
      emptyUpdated: '2026-05-01T00:00:00.000Z',
      generatorVersion: '0.1.0',
    };
    expect(renderAtomFeed([], options)).toContain('<updated>2026-05-01T00:00:00.000Z</updated>');
    const later = { ...RELEASE, id: 2, repoId: 'Lab/Later', checkedAt: '2026-03-01T00:00:00.000Z' };
    const xml = renderAtomFeed([RELEASE, later], options);
    expect(xml.split('\n')[5]).toBe('  <updated>2026-03-01T00:00:00.000Z</updated>');
  });
});
