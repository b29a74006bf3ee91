import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { isIP } from 'node:net';
import { ApertureError } from '../../errors.ts';
import { assertPublicDestination, type DestinationOptions } from '../../util/index.ts';

/** One POST to a receiver: its HTTP status, or why it got none. */
export type PostOutcome = { ok: true; status: number } | { ok: false; status: number | null; error: string };

/** Options of postWebhook. */
export interface PostWebhookOptions {
  /** Time allowed for the whole exchange (connect, send, answer); the attempt fails after it. */
  timeoutMs: number;
  /** Which destinations are allowed: public addresses, plus `allowHosts` (APERTURE_ALLOW_HOSTS). */
  destination: DestinationOptions;
  headers: Record<string, string>;
}

/** Most bytes of a receiver's answer read (the rest is dropped): the status is all that counts. */
const MAX_ANSWER_BYTES = 16 * 1024;

/**
 * POSTs a JSON body to a webhook receiver with the destination rule of every outbound request: the URL
 * must be http(s) and its host must resolve to public addresses only (or be on APERTURE_ALLOW_HOSTS),
 * and the connection goes to the addresses judged, never to a second DNS answer. Redirects are not
 * followed (a 3xx fails the attempt). The attempt ends after `timeoutMs` whatever the receiver does
 * (hangs, trickles its answer). Never throws: a refusal or failure is an outcome with its reason.
 *
 * @example
 * const outcome = await postWebhook('https://hooks.example.org/aperture', body, { timeoutMs: 10_000,
 *   destination: { allowHosts: [] }, headers: { 'X-Aperture-Signature': signature } });
 */
export async function postWebhook(
  url: string,
  body: string,
  options: PostWebhookOptions,
): Promise<PostOutcome> {
  let addresses: string[];
  let target: URL;
  try {
    ({ url: target, addresses } = await assertPublicDestination(url, options.destination));
  } catch (error) {
    const reason = error instanceof ApertureError ? error.message : String(error);
    return { ok: false, status: null, error: reason.split('\n')[0]! };
  }
  const address = addresses[0]!;
  const family = isIP(address) === 6 ? 6 : 4;
  // Connect only to the address judged above, whatever DNS would answer now.
  const pinned: LookupFunction = (_hostname, lookupOptions, callback) => {
    if ((lookupOptions as { all?: boolean }).all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };
  const transport = target.protocol === 'https:' ? https : http;
  return new Promise<PostOutcome>((resolve) => {
    let settled = false;
    const finish = (outcome: PostOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const request = transport.request(
      target,
      {
        method: 'POST',
        lookup: pinned,
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': String(Buffer.byteLength(body)),
          'User-Agent': 'aperture-release-watch',
          ...options.headers,
        },
      },
      (response) => {
        const status = response.statusCode ?? 0;
        let read = 0;
        response.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > MAX_ANSWER_BYTES) response.destroy();
        });
        const done = () =>
          finish(
            status >= 200 && status < 300
              ? { ok: true, status }
              : {
                  ok: false,
                  status,
                  error:
                    status >= 300 && status < 400
                      ? `the receiver answered ${status} (redirects are not followed)`
                      : `the receiver answered ${status}`,
                },
          );
        response.on('end', done);
        response.on('close', done);
        response.on('error', done);
      },
    );
    const timer = setTimeout(() => {
      finish({ ok: false, status: null, error: `no answer within ${options.timeoutMs} ms` });
      request.destroy();
    }, options.timeoutMs);
    request.on('error', (error) => {
      const code = (error as { code?: string }).code;
      finish({
        ok: false,
        status: null,
        error: `cannot reach the receiver (${code ?? error.message.split('\n')[0]})`,
      });
    });
    request.end(body);
  });
}
