import type { LookupAddress, LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import type { Agent, RequestInit as UndiciRequestInit } from 'undici';
import { ApertureError } from '../errors.ts';
import {
  assertPublicDestination,
  type DestinationOptions,
  displayDestination,
} from './public-destination.ts';

/** Options of guardedFetch. */
export interface GuardedFetchOptions extends DestinationOptions {
  /** Redirects followed (each hop checked again) before giving up; 5 by default. */
  maxRedirects?: number;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
// Headers the fetch standard drops when a redirect leaves the origin.
const CROSS_ORIGIN_DROPPED = ['authorization', 'cookie', 'proxy-authorization'];

// Loaded on first use: undici takes ~60 ms to import, which every CLI start would otherwise pay.
let undici: Promise<typeof import('undici')> | undefined;
const loadUndici = () => {
  undici ??= import('undici');
  return undici;
};

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A dispatcher whose every connection goes to one of `addresses`, whatever DNS says by then: the
 * request's host name still drives TLS (SNI and certificate checks), only the address lookup is pinned.
 */
function pinnedAgent(AgentClass: typeof Agent, addresses: readonly string[]): Agent {
  const pinned: LookupAddress[] = addresses.map((address) => ({ address, family: isIP(address) }));
  const lookup = (_hostname: string, options: LookupOptions, callback: LookupCallback) => {
    if (options.all) callback(null, pinned);
    else callback(null, pinned[0]!.address, pinned[0]!.family);
  };
  return new AgentClass({ connect: { lookup } });
}

/**
 * A `fetch` for HTTP clients that act on URLs a client or a document names: every request URL and every
 * redirect hop is checked with assertPublicDestination before anything connects, and each connection is
 * pinned to the addresses that check resolved (undici's Agent with a fixed `lookup`), so a DNS answer
 * that changes between check and connect (DNS rebinding) cannot reach a private address. Redirects are
 * followed here (at most `maxRedirects`), with `redirect: 'manual'` underneath; `redirect: 'manual'` or
 * `'error'` from the caller are honoured. Refusals throw ERR_DESTINATION_REFUSED before any connection.
 * Responses are undici's (same interface as the global Response, another class).
 *
 * @example
 * const fetchPublic = guardedFetch({ allowHosts: allowedHostsFromEnv(process.env) });
 * const response = await fetchPublic('https://example.org/model-card.md');
 */
export function guardedFetch(options: GuardedFetchOptions = {}): typeof fetch {
  const maxRedirects = options.maxRedirects ?? 5;
  return async function fetchPublicOnly(
    input: string | URL | Request,
    init: RequestInit = {},
  ): Promise<Response> {
    const request = input instanceof Request ? input : undefined;
    let url = new URL(request ? request.url : String(input));
    let method = (init.method ?? request?.method ?? 'GET').toUpperCase();
    const headers = new Headers(request?.headers);
    for (const [name, value] of new Headers(init.headers)) headers.set(name, value);
    let body = init.body ?? request?.body ?? null;
    const mode = init.redirect ?? request?.redirect ?? 'follow';
    const signal = init.signal ?? request?.signal ?? null;
    for (let hops = 0; ; hops++) {
      const { addresses } = await assertPublicDestination(url, options);
      const { Agent, fetch: undiciFetch } = await loadUndici();
      const agent = pinnedAgent(Agent, addresses);
      const hopInit: UndiciRequestInit = {
        method,
        headers: [...headers],
        body: body as UndiciRequestInit['body'],
        redirect: 'manual',
        signal,
        dispatcher: agent,
        ...(body instanceof ReadableStream ? { duplex: 'half' as const } : {}),
      };
      let response: Awaited<ReturnType<typeof undiciFetch>>;
      try {
        response = await undiciFetch(url, hopInit);
      } catch (error) {
        await agent.destroy().catch(() => undefined);
        throw error;
      }
      // Graceful: the connection closes once the body has been read.
      agent.close().catch(() => undefined);
      const location = response.headers.get('location');
      if (!REDIRECTS.has(response.status) || location === null || mode === 'manual') {
        return response as unknown as Response;
      }
      await response.body?.cancel().catch(() => undefined);
      if (mode === 'error') throw new TypeError(`${displayDestination(url)} redirected (redirect: 'error')`);
      if (hops >= maxRedirects) {
        throw new ApertureError(
          'ERR_SOURCE_UNAVAILABLE',
          `${displayDestination(url)}: more than ${maxRedirects} redirects`,
        );
      }
      const next = new URL(location, url);
      // As the fetch standard: 303 (and 301/302 after POST) continue as a GET without the body.
      if ((response.status === 303 && method !== 'HEAD') || (response.status <= 302 && method === 'POST')) {
        method = 'GET';
        body = null;
        for (const name of ['content-type', 'content-length', 'content-encoding', 'content-language']) {
          headers.delete(name);
        }
      }
      if (next.origin !== url.origin) for (const name of CROSS_ORIGIN_DROPPED) headers.delete(name);
      url = next;
    }
  };
}
