import { describe, expect, it, vi } from 'vitest';
import type { HostLookup } from '../util/index.ts';
import { acceptCheckSource } from './check-source.ts';

const lookup = vi.fn<HostLookup>(async (host) => {
  const table: Record<string, string> = {
    'github.com': '140.82.121.3',
    '127.0.0.1.nip.io': '127.0.0.1',
    'git.corp.example': '10.0.0.7',
  };
  const address = table[host];
  if (address === undefined) throw new Error(`getaddrinfo ENOTFOUND ${host}`);
  return [{ address, family: 4 }];
});

describe('acceptCheckSource', () => {
  it('accepts hf: ids without DNS and https git URLs on public addresses, trimmed', async () => {
    lookup.mockClear();
    expect(await acceptCheckSource('  hf:org/name  ', { lookup })).toBe('hf:org/name');
    expect(lookup).not.toHaveBeenCalled();
    expect(await acceptCheckSource('https://github.com/org/model.git#v1', { lookup })).toBe(
      'https://github.com/org/model.git#v1',
    );
    expect(lookup).toHaveBeenCalledWith('github.com');
  });

  it.each([
    ['https://127.0.0.1:8443/x.git'],
    ['https://[::1]:8443/x.git'],
    ['https://2130706433:8443/x.git'],
    ['https://0177.0.0.1/x.git'],
    ['https://localhost:5432/x'],
    ['https://[::ffff:7f00:1]/x.git'],
    ['https://127.0.0.1.nip.io/x.git'],
    ['https://169.254.169.254/latest/meta-data'],
  ])('refuses %s with ERR_DESTINATION_REFUSED', async (source) => {
    await expect(acceptCheckSource(source, { lookup })).rejects.toMatchObject({
      code: 'ERR_DESTINATION_REFUSED',
      message: expect.stringContaining(': refused: Aperture does not connect to loopback, private'),
    });
  });

  it('reads the scheme in any case: HTTPS:// is a URL, not a local path', async () => {
    expect(await acceptCheckSource('HTTPS://github.com/org/model.git', { lookup })).toBe(
      'HTTPS://github.com/org/model.git',
    );
    await expect(acceptCheckSource('HTTPS://127.0.0.1:8443/x.git', { lookup })).rejects.toMatchObject({
      code: 'ERR_DESTINATION_REFUSED',
    });
    for (const source of ['FILE:///etc', 'HTTP://127.0.0.1/x.git', 'SSH://git@github.com/x.git']) {
      await expect(acceptCheckSource(source, { lookup })).rejects.toMatchObject({
        code: 'ERR_USAGE',
        message: expect.stringContaining('only https:// git URLs are accepted'),
      });
    }
  });

  it('accepts an internal mirror on the allowlist', async () => {
    const source = 'https://git.corp.example/team/model.git';
    await expect(acceptCheckSource(source, { lookup })).rejects.toMatchObject({
      code: 'ERR_DESTINATION_REFUSED',
    });
    expect(await acceptCheckSource(source, { lookup, allowHosts: ['git.corp.example'] })).toBe(source);
  });

  it('refuses local and non-https sources with ERR_USAGE before any lookup', async () => {
    lookup.mockClear();
    for (const source of ['/etc', 'file:///etc', 'http://127.0.0.1/x.git', 'https://github.com/x.zip']) {
      await expect(acceptCheckSource(source, { lookup })).rejects.toMatchObject({ code: 'ERR_USAGE' });
    }
    expect(lookup).not.toHaveBeenCalled();
  });

  it('says the host cannot be resolved with ERR_SOURCE_UNAVAILABLE', async () => {
    await expect(acceptCheckSource('https://nowhere.example/x.git', { lookup })).rejects.toMatchObject({
      code: 'ERR_SOURCE_UNAVAILABLE',
      message: 'https://nowhere.example/x.git: cannot resolve host nowhere.example',
    });
  });
});
