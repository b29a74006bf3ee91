import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { Readable } from 'node:stream';

/** Statuses whose answer has no body (a Response refuses one). */
const NULL_BODY = new Set([101, 204, 205, 304]);

/**
 * A `fetch`-shaped GET that connects only to `addresses` (those assertPublicDestination judged), whatever
 * DNS answers when the connection is made, so a name that changes its answer in between (DNS rebinding)
 * cannot reach inside. TLS still checks the certificate against the URL's host name. Redirects are not
 * followed: the caller judges each hop.
 *
 * @example
 * const { addresses } = await assertPublicDestination(url);
 * const response = await pinnedTransport(addresses)(url, { headers: {}, signal });
 */
export function pinnedTransport(
  addresses: readonly string[],
): (url: URL, init: { headers: Record<string, string>; signal: AbortSignal }) => Promise<Response> {
  const address = addresses[0];
  const lookup: LookupFunction = (_host, options, callback) => {
    if (address === undefined) {
      callback(Object.assign(new Error('no address to connect to'), { code: 'ENOTFOUND' }), '', 4);
      return;
    }
    const family = isIP(address) === 6 ? 6 : 4;
    if (options.all)
      (callback as unknown as (e: null, a: Array<{ address: string; family: number }>) => void)(null, [
        { address, family },
      ]);
    else callback(null, address, family);
  };
  return (url, init) =>
    new Promise<Response>((resolve, reject) => {
      const client = url.protocol === 'https:' ? https : http;
      const request = client.request(
        url,
        { method: 'GET', headers: init.headers, signal: init.signal, lookup },
        (response) => {
          const headers = new Headers();
          for (const [name, value] of Object.entries(response.headers)) {
            if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
          }
          const status = response.statusCode ?? 502;
          if (NULL_BODY.has(status)) response.resume();
          const body = NULL_BODY.has(status)
            ? null
            : (Readable.toWeb(response) as unknown as ReadableStream<Uint8Array>);
          resolve(new Response(body, { status, statusText: response.statusMessage ?? '', headers }));
        },
      );
      request.on('error', reject);
      request.end();
    });
}
