import { describe, expect, it } from 'vitest';
import { ApertureError } from '../errors.ts';
import { createHubFetch, isOriginAllowed, parseRetryAfter } from './hub-fetch.ts';

interface Seen {
  url: string;
  authorization: string | null;
}

/** A transport that records requests and answers from a script keyed by URL. */
function transport(answers: Record<string, () => Response>) {
  const seen: Seen[] = [];
  const fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    seen.push({ url, authorization: new Headers(init?.headers).get('authorization') });
    const answer = answers[url];
    if (!answer) throw new TypeError('fetch failed');
    return answer();
  };
  return { seen, fetch: fetch as typeof globalThis.fetch };
}

const noWait = async () => {};

describe('createHubFetch', () => {
  it('refuses other origins before any connection', async () => {
    const { seen, fetch } = transport({});
    const hubFetch = createHubFetch({ allowedOrigins: ['https://hub.example'], fetch, sleep: noWait });
    await expect(hubFetch('https://evil.example/api/models/x')).rejects.toMatchObject({
      code: 'ERR_SOURCE_UNAVAILABLE',
      message: expect.stringContaining('refused a request to https://evil.example'),
    });
    await expect(hubFetch('http://hub.example/api')).rejects.toBeInstanceOf(ApertureError);
    expect(seen).toEqual([]);
  });

  it('sends the token to the endpoint only, not to the CDN it redirects to', async () => {
    const { seen, fetch } = transport({
      'https://hub.example/org/m/resolve/main/w.bin': () =>
        new Response(null, { status: 302, headers: { Location: 'https://cdn.hub.example/blob?sig=1' } }),
      'https://cdn.hub.example/blob?sig=1': () => new Response('bytes'),
    });
    const hubFetch = createHubFetch({
      allowedOrigins: ['https://hub.example', 'https://*.hub.example'],
      token: 'hf_secret',
      tokenOrigin: 'https://hub.example',
      fetch,
      sleep: noWait,
    });
    const response = await hubFetch('https://hub.example/org/m/resolve/main/w.bin', {
      headers: { Authorization: 'Bearer from-caller' },
    });
    expect(await response.text()).toBe('bytes');
    expect(seen).toEqual([
      { url: 'https://hub.example/org/m/resolve/main/w.bin', authorization: 'Bearer hf_secret' },
      { url: 'https://cdn.hub.example/blob?sig=1', authorization: null },
    ]);
  });

  it('refuses a redirect to an origin that is not allowed', async () => {
    const { seen, fetch } = transport({
      'https://hub.example/a': () =>
        new Response(null, { status: 307, headers: { Location: 'http://169.254.169.254/' } }),
    });
    const hubFetch = createHubFetch({ allowedOrigins: ['https://hub.example'], fetch, sleep: noWait });
    await expect(hubFetch('https://hub.example/a')).rejects.toMatchObject({
      message: expect.stringContaining('refused a request to http://169.254.169.254'),
    });
    expect(seen).toHaveLength(1);
  });

  it('does not retry client errors', async () => {
    const { seen, fetch } = transport({ 'https://hub.example/a': () => new Response('no', { status: 404 }) });
    const hubFetch = createHubFetch({ allowedOrigins: ['https://hub.example'], fetch, sleep: noWait });
    expect((await hubFetch('https://hub.example/a')).status).toBe(404);
    expect(seen).toHaveLength(1);
  });

  it('stops waiting once the total wait budget is spent', async () => {
    const waits: number[] = [];
    const { seen, fetch } = transport({ 'https://hub.example/a': () => new Response('', { status: 502 }) });
    const hubFetch = createHubFetch({
      allowedOrigins: ['https://hub.example'],
      fetch,
      maxAttempts: 10,
      baseDelayMs: 100,
      maxTotalWaitMs: 350,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    await expect(hubFetch('https://hub.example/a')).rejects.toMatchObject({
      message: expect.stringMatching(/answered 502 after 3 attempts/),
    });
    expect(waits).toEqual([100, 200]);
    expect(seen).toHaveLength(3);
  });
});

describe('isOriginAllowed', () => {
  it.each([
    ['https://huggingface.co/api', true],
    ['https://cdn-lfs.hf.co/x', true],
    ['https://cas-bridge.xethub.hf.co/x', true],
    ['https://hf.co.evil.example/x', false],
    ['https://evilhf.co/x', false],
    ['http://cdn-lfs.hf.co/x', false],
    ['https://cdn-lfs.hf.co:8443/x', false],
    ['https://huggingface.co:444/x', false],
  ])('%s → %s', (url, allowed) => {
    expect(isOriginAllowed(new URL(url), ['https://huggingface.co', 'https://*.hf.co'])).toBe(allowed);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates, and ignores nonsense', () => {
    const now = Date.parse('2024-06-01T00:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('Sat, 01 Jun 2024 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Fri, 31 May 2024 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
