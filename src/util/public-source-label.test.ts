import { describe, expect, it } from 'vitest';
import { publicSourceLabel, redactServerPaths } from './public-source-label.ts';

const roots = { cwd: '/srv/aperture', tmp: '/tmp', home: '/home/ops' };

describe('publicSourceLabel', () => {
  it('keeps remote sources and makes local paths relative or short', () => {
    expect(publicSourceLabel('https://example.org/a.csv', roots)).toBe('https://example.org/a.csv');
    expect(publicSourceLabel('hf:org/name@main', roots)).toBe('hf:org/name@main');
    expect(publicSourceLabel('/srv/aperture/examples/pack', roots)).toBe('examples/pack');
    expect(publicSourceLabel('/data/epoch/notable.csv', roots)).toBe('…/notable.csv');
    expect(publicSourceLabel('/srv/aperture-other/x', roots)).toBe('…/x');
    expect(publicSourceLabel('examples/pack', roots)).toBe('examples/pack');
    expect(publicSourceLabel('../secret/place/file.yml', roots)).toBe('…/file.yml');
  });
});

describe('redactServerPaths', () => {
  it('takes the server folders out of free text', () => {
    expect(redactServerPaths('cannot read /tmp/aperture-1/a.bin: ENOENT', roots)).toBe(
      'cannot read <temp>/aperture-1/a.bin: ENOENT',
    );
    expect(redactServerPaths('declared at /srv/aperture/examples/pack/release-pack.yaml', roots)).toBe(
      'declared at examples/pack/release-pack.yaml',
    );
    expect(redactServerPaths('cache /home/ops/.cache/x', roots)).toBe('cache ~/.cache/x');
    expect(redactServerPaths('/srv/aperture-other stays', roots)).toBe('/srv/aperture-other stays');
  });
});
