import { describe, expect, it, vi } from 'vitest';
import { ApertureError } from '../errors.ts';
import {
  allowedHostsFromEnv,
  assertPublicDestination,
  type HostLookup,
  isAllowedHost,
  isForbiddenAddress,
} from './public-destination.ts';

const UNIFORM =
  ': refused: Aperture does not connect to loopback, private, link-local, unique-local or multicast addresses (APERTURE_ALLOW_HOSTS allows an internal mirror)';

/** A resolver answering from a table; any other name fails as DNS would. */
function fakeLookup(table: Record<string, string[]>) {
  return vi.fn<HostLookup>(async (host) => {
    const addresses = table[host];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  });
}

async function refusal(promise: Promise<unknown>): Promise<ApertureError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ApertureError);
  return error as ApertureError;
}

describe('isForbiddenAddress', () => {
  it.each([
    ['0.0.0.0'],
    ['0.1.2.3'],
    ['10.0.0.1'],
    ['100.64.0.1'],
    ['100.127.255.255'],
    ['127.0.0.1'],
    ['127.255.255.254'],
    ['169.254.169.254'],
    ['172.16.0.1'],
    ['172.31.255.255'],
    ['192.0.0.8'],
    ['192.0.2.1'],
    ['192.168.1.1'],
    ['198.18.0.1'],
    ['198.19.255.255'],
    ['198.51.100.7'],
    ['203.0.113.9'],
    ['224.0.0.1'],
    ['239.255.255.250'],
    ['240.0.0.1'],
    ['255.255.255.255'],
    ['::'],
    ['::1'],
    ['[::1]'],
    ['::127.0.0.1'],
    ['::ffff:127.0.0.1'],
    ['::ffff:7f00:1'],
    ['::ffff:10.0.0.1'],
    ['::ffff:169.254.169.254'],
    ['64:ff9b::7f00:1'],
    ['64:ff9b::a9fe:a9fe'],
    ['2002:7f00:1::'],
    ['2002:c0a8:101::1'],
    ['fc00::1'],
    ['fd12:3456::1'],
    ['fe80::1'],
    ['febf:ffff::1'],
    ['ff02::1'],
    ['100::1'],
    ['2001:db8::1'],
    ['not-an-address'],
    [''],
    ['127.1'],
  ])('%s is forbidden', (ip) => {
    expect(isForbiddenAddress(ip)).toBe(true);
  });

  it.each([
    ['8.8.8.8'],
    ['1.1.1.1'],
    ['100.63.255.255'],
    ['100.128.0.1'],
    ['172.15.255.255'],
    ['172.32.0.1'],
    ['192.0.1.1'],
    ['198.20.0.1'],
    ['223.255.255.255'],
    ['2606:4700::1111'],
    ['2a00:1450:4007:80f::200e'],
    ['::ffff:8.8.8.8'],
    ['64:ff9b::808:808'],
    ['2002:808:808::1'],
    ['fec0::1'],
  ])('%s is public', (ip) => {
    expect(isForbiddenAddress(ip)).toBe(false);
  });
});

describe('assertPublicDestination', () => {
  it.each([
    ['https://2130706433:8443/x.git', 'https://127.0.0.1:8443/x.git'],
    ['https://0177.0.0.1/x.git', 'https://127.0.0.1/x.git'],
    ['https://0x7f.1/x.git', 'https://127.0.0.1/x.git'],
    ['https://127.1/x.git', 'https://127.0.0.1/x.git'],
    ['http://127.0.0.1./x', 'http://127.0.0.1/x'],
    ['https://[::1]:8443/x.git', 'https://[::1]:8443/x.git'],
    ['https://[::ffff:127.0.0.1]/x.git', 'https://[::ffff:7f00:1]/x.git'],
    ['https://[::ffff:7f00:1]/x.git', 'https://[::ffff:7f00:1]/x.git'],
    ['https://[0:0:0:0:0:0:0:1]/x.git', 'https://[::1]/x.git'],
    ['https://169.254.169.254/latest/meta-data/', 'https://169.254.169.254/latest/meta-data/'],
    ['https://localhost:5432/x', 'https://localhost:5432/x'],
    ['https://LOCALHOST./x', 'https://localhost./x'],
    ['https://db.localhost/x', 'https://db.localhost/x'],
  ])('refuses %s without asking DNS, with the uniform message', async (target, shown) => {
    const lookup = fakeLookup({});
    const error = await refusal(assertPublicDestination(target, { lookup }));
    expect(error.code).toBe('ERR_DESTINATION_REFUSED');
    expect(error.message).toBe(`${shown}${UNIFORM}`);
    expect(lookup).not.toHaveBeenCalled();
  });

  it('refuses a name that resolves to a private address (127.0.0.1.nip.io style)', async () => {
    const lookup = fakeLookup({ '127.0.0.1.nip.io': ['127.0.0.1'], 'meta.example': ['169.254.169.254'] });
    const error = await refusal(assertPublicDestination('https://127.0.0.1.nip.io/x.git', { lookup }));
    expect(error.code).toBe('ERR_DESTINATION_REFUSED');
    expect(error.message).toBe(`https://127.0.0.1.nip.io/x.git${UNIFORM}`);
    expect(lookup).toHaveBeenCalledWith('127.0.0.1.nip.io');
    expect((await refusal(assertPublicDestination('http://meta.example/', { lookup }))).code).toBe(
      'ERR_DESTINATION_REFUSED',
    );
  });

  it('refuses a name when any one of its addresses is private', async () => {
    const lookup = fakeLookup({ 'mixed.example': ['93.184.215.14', '2606:2800::1', 'fd00::5'] });
    const error = await refusal(assertPublicDestination('https://mixed.example/x', { lookup }));
    expect(error.code).toBe('ERR_DESTINATION_REFUSED');
  });

  it('accepts a public name and returns every address it was judged by', async () => {
    const lookup = fakeLookup({ 'git.example': ['93.184.215.14', '2606:2800::1'] });
    const destination = await assertPublicDestination('https://git.example/org/model.git', { lookup });
    expect(destination.url.href).toBe('https://git.example/org/model.git');
    expect(destination.addresses).toEqual(['93.184.215.14', '2606:2800::1']);
    expect(await assertPublicDestination(new URL('http://8.8.8.8/'), { lookup })).toMatchObject({
      addresses: ['8.8.8.8'],
    });
  });

  it('shows the URL without credentials, query or fragment', async () => {
    const error = await refusal(
      assertPublicDestination('https://alice:s3cret@10.0.0.1/x.git?token=abc#main', {
        lookup: fakeLookup({}),
      }),
    );
    expect(error.message).toBe(`https://10.0.0.1/x.git${UNIFORM}`);
    expect(error.message).not.toMatch(/alice|s3cret|abc|main/);
  });

  it.each([
    ['file:///etc/passwd'],
    ['ftp://ftp.example/x'],
    ['gopher://127.0.0.1:6379/_x'],
    ['ssh://git@github.com/org/x.git'],
  ])('refuses the scheme of %s', async (target) => {
    const lookup = fakeLookup({ 'ftp.example': ['93.184.215.14'] });
    const error = await refusal(assertPublicDestination(target, { lookup }));
    expect(error.code).toBe('ERR_DESTINATION_REFUSED');
    expect(error.message).toContain('refused: Aperture connects only to http:// and https:// destinations');
    expect(lookup).not.toHaveBeenCalled();
  });

  it('says "cannot resolve host" with ERR_SOURCE_UNAVAILABLE when DNS has no answer', async () => {
    const lookup = fakeLookup({ 'empty.example': [] });
    for (const host of ['nowhere.example', 'empty.example']) {
      const error = await refusal(assertPublicDestination(`https://${host}/x.git`, { lookup }));
      expect(error.code).toBe('ERR_SOURCE_UNAVAILABLE');
      expect(error.message).toBe(`https://${host}/x.git: cannot resolve host ${host}`);
    }
  });

  it('answers ERR_USAGE for text that is not a URL', async () => {
    expect((await refusal(assertPublicDestination('not a url'))).code).toBe('ERR_USAGE');
  });

  it('lets an allowlisted host through whatever it resolves to', async () => {
    const lookup = fakeLookup({ 'git.corp.example': ['10.1.2.3'] });
    const options = { lookup, allowHosts: ['git.corp.example:8443', '127.0.0.1', '[::1]:80'] };
    expect(await assertPublicDestination('https://git.corp.example:8443/x.git', options)).toMatchObject({
      addresses: ['10.1.2.3'],
    });
    expect(await assertPublicDestination('https://127.0.0.1:9999/x', options)).toMatchObject({
      addresses: ['127.0.0.1'],
    });
    expect((await assertPublicDestination('http://[::1]/x', options)).addresses).toEqual(['::1']);
    // The port of an entry is binding: another port of the same host is refused.
    expect((await refusal(assertPublicDestination('https://git.corp.example/x.git', options))).code).toBe(
      'ERR_DESTINATION_REFUSED',
    );
    expect((await refusal(assertPublicDestination('https://[::1]/x', options))).code).toBe(
      'ERR_DESTINATION_REFUSED',
    );
  });
});

describe('isAllowedHost', () => {
  it('compares hosts in canonical form', () => {
    expect(isAllowedHost(new URL('http://2130706433/'), ['127.1'])).toBe(true);
    expect(isAllowedHost(new URL('http://[::1]:8080/'), ['::1'])).toBe(true);
    expect(isAllowedHost(new URL('https://Git.Corp.Example/'), ['git.corp.example:443'])).toBe(true);
    expect(isAllowedHost(new URL('http://git.corp.example/'), ['git.corp.example:443'])).toBe(false);
    expect(isAllowedHost(new URL('https://evil.example/'), ['git.corp.example'])).toBe(false);
    expect(isAllowedHost(new URL('https://git.corp.example.evil/'), ['git.corp.example'])).toBe(false);
  });
});

describe('allowedHostsFromEnv', () => {
  it('reads APERTURE_ALLOW_HOSTS, comma-separated', () => {
    expect(
      allowedHostsFromEnv({ APERTURE_ALLOW_HOSTS: ' git.corp.example, 10.0.0.5:8443 ,,[::1]:80' }),
    ).toEqual(['git.corp.example', '10.0.0.5:8443', '[::1]:80']);
    expect(allowedHostsFromEnv({})).toEqual([]);
    expect(allowedHostsFromEnv({ APERTURE_ALLOW_HOSTS: '' })).toEqual([]);
  });

  it.each([['https://git.corp.example'], ['git.corp.example/path'], ['user@host'], ['host:port']])(
    'refuses the entry %s with ERR_USAGE',
    (entry) => {
      expect(() => allowedHostsFromEnv({ APERTURE_ALLOW_HOSTS: entry })).toThrow(
        expect.objectContaining({
          code: 'ERR_USAGE',
          message: expect.stringContaining('APERTURE_ALLOW_HOSTS'),
        }),
      );
    },
  );

  it('maps ERR_DESTINATION_REFUSED to exit code 2 and HTTP 400', () => {
    const error = new ApertureError('ERR_DESTINATION_REFUSED', 'x');
    expect([error.exitCode, error.httpStatus]).toEqual([2, 400]);
  });
});
