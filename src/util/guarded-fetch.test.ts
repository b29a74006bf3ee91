import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApertureError } from '../errors.ts';
import { guardedFetch } from './guarded-fetch.ts';
import type { HostLookup } from './public-destination.ts';

const BIG = 'x'.repeat(1024 * 1024);

let server: Server;
let port: number;
let connections = 0;
const seen: Array<{ path: string; method: string; host?: string; authorization?: string }> = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    seen.push({
      path: request.url ?? '',
      method: request.method ?? '',
      host: request.headers.host,
      authorization: request.headers.authorization,
    });
    const [pathname, query] = (request.url ?? '').split('?');
    const to = new URLSearchParams(query).get('to');
    if (pathname === '/redirect' && to) {
      response.writeHead(Number(new URLSearchParams(query).get('status') ?? 302), { location: to }).end();
    } else if (pathname === '/loop') {
      response.writeHead(302, { location: '/loop' }).end();
    } else if (pathname === '/big') {
      response.end(BIG);
    } else {
      response.end(`hello ${request.method} ${pathname}`);
    }
  });
  server.on('connection', () => {
    connections += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  connections = 0;
  seen.length = 0;
});

/** A resolver for made-up names: each answers 127.0.0.1 once, then nothing (as a rebinding DNS might). */
function onceLookup(...names: string[]) {
  const answered = new Set<string>();
  return vi.fn<HostLookup>(async (host) => {
    if (!names.includes(host) || answered.has(host)) throw new Error(`getaddrinfo ENOTFOUND ${host}`);
    answered.add(host);
    return [{ address: '127.0.0.1', family: 4 }];
  });
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe('guardedFetch', () => {
  it('refuses a loopback server by default and never connects to it', async () => {
    const fetchPublic = guardedFetch();
    for (const host of ['127.0.0.1', '2130706433', '0x7f.1', '127.1', 'localhost', '[::ffff:127.0.0.1]']) {
      const error = await caught(fetchPublic(`http://${host}:${port}/secret`));
      expect(error).toBeInstanceOf(ApertureError);
      expect((error as ApertureError).code).toBe('ERR_DESTINATION_REFUSED');
    }
    expect(connections).toBe(0);
    expect(seen).toEqual([]);
  });

  it('reaches an allowlisted host, and reads a large body to the end', async () => {
    const fetchInternal = guardedFetch({ allowHosts: ['127.0.0.1'] });
    const response = await fetchInternal(`http://127.0.0.1:${port}/hello`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('hello GET /hello');
    expect(await (await fetchInternal(`http://127.0.0.1:${port}/big`)).text()).toBe(BIG);
    expect(connections).toBe(2);
  });

  it('connects to the address it checked, never asking DNS again (no rebinding window)', async () => {
    const lookup = onceLookup('mirror.example');
    const fetchMirror = guardedFetch({ allowHosts: ['mirror.example'], lookup });
    const response = await fetchMirror(`http://mirror.example:${port}/pinned`);
    // The second answer of this resolver would fail: the connection used the first one.
    expect(await response.text()).toBe('hello GET /pinned');
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(seen[0]?.host).toBe(`mirror.example:${port}`);
  });

  it('checks every redirect hop: an allowed host redirecting to a private one is refused before connecting', async () => {
    const fetchMirror = guardedFetch({
      allowHosts: ['mirror.example'],
      lookup: onceLookup('mirror.example'),
    });
    const target = encodeURIComponent(`http://127.0.0.1:${port}/secret`);
    const error = await caught(fetchMirror(`http://mirror.example:${port}/redirect?to=${target}`));
    expect((error as ApertureError).code).toBe('ERR_DESTINATION_REFUSED');
    expect((error as ApertureError).message).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/secret: refused: /);
    expect(seen.map((request) => request.path)).toEqual([`/redirect?to=${target}`]);
    expect(connections).toBe(1);
  });

  it('follows allowed redirects, dropping the authorization header when the origin changes', async () => {
    const fetchBoth = guardedFetch({
      allowHosts: ['127.0.0.1', 'mirror.example'],
      lookup: onceLookup('mirror.example'),
    });
    const target = encodeURIComponent(`http://mirror.example:${port}/final`);
    const response = await fetchBoth(`http://127.0.0.1:${port}/redirect?to=${target}`, {
      headers: { authorization: 'Bearer secret' },
    });
    expect(await response.text()).toBe('hello GET /final');
    expect(seen.map((request) => [request.path, request.authorization])).toEqual([
      [`/redirect?to=${target}`, 'Bearer secret'],
      ['/final', undefined],
    ]);
  });

  it('turns a POST answered 303 into a GET, and honours redirect: manual', async () => {
    const fetchInternal = guardedFetch({ allowHosts: ['127.0.0.1'] });
    const to = encodeURIComponent('/after');
    const posted = await fetchInternal(`http://127.0.0.1:${port}/redirect?status=303&to=${to}`, {
      method: 'POST',
      body: 'payload',
      headers: { 'content-type': 'text/plain' },
    });
    expect(await posted.text()).toBe('hello GET /after');
    const manual = await fetchInternal(`http://127.0.0.1:${port}/redirect?to=${to}`, { redirect: 'manual' });
    expect(manual.status).toBe(302);
    expect(manual.headers.get('location')).toBe('/after');
  });

  it('gives up after maxRedirects hops with ERR_SOURCE_UNAVAILABLE', async () => {
    const fetchInternal = guardedFetch({ allowHosts: ['127.0.0.1'], maxRedirects: 2 });
    const error = await caught(fetchInternal(`http://127.0.0.1:${port}/loop`));
    expect(error).toMatchObject({
      code: 'ERR_SOURCE_UNAVAILABLE',
      message: expect.stringContaining('more than 2'),
    });
    expect(seen).toHaveLength(3);
  });
});
