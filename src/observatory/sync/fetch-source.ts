import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { ApertureError, isApertureError } from '../../errors.ts';
import { assertPublicDestination, type DestinationOptions, displayDestination } from '../../util/index.ts';
import { pinnedTransport } from './pinned-transport.ts';

/** Limits and validators of one conditional download. */
export interface FetchSourceOptions {
  /** Hosts the download and its redirects may go to (exact host names, or `host:port`). */
  allowedHosts: readonly string[];
  /** Private-address exceptions and the resolver (APERTURE_ALLOW_HOSTS; tests inject a resolver). */
  destination: DestinationOptions;
  /** The previous download's validators: sent as If-None-Match and If-Modified-Since. */
  etag?: string | null;
  lastModified?: string | null;
  /** Largest body accepted, in bytes. */
  maxBytes: number;
  /** Longest the whole download may take, body included, in milliseconds. */
  timeoutMs: number;
  maxRedirects?: number;
  /** The transport (tests); by default a GET pinned to the addresses the destination check judged. */
  fetch?: (url: URL, init: { headers: Record<string, string>; signal: AbortSignal }) => Promise<Response>;
}

/** What fetchSource found: nothing new (304), or a file downloaded with its checksum and validators. */
export type FetchedSource =
  | { status: 'unchanged'; etag: string | null; lastModified: string | null }
  | {
      status: 'downloaded';
      /** The local copy, named like the URL's last path segment. */
      path: string;
      bytes: number;
      sha256: string;
      contentType: string | null;
      etag: string | null;
      lastModified: string | null;
      remove(): Promise<void>;
    };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function hostAllowed(url: URL, allowed: readonly string[]): boolean {
  return allowed.some((entry) => entry === url.host || entry === url.hostname);
}

function fileNameOf(url: URL): string {
  const last = decodeURIComponent(url.pathname.split('/').filter(Boolean).pop() ?? '');
  const safe = last.replace(/[^\w.@+-]/g, '_').slice(0, 200);
  return safe === '' || safe === '.' || safe === '..' ? 'download' : safe;
}

function why(error: unknown, timeoutMs: number, signal: AbortSignal): string {
  if (signal.aborted) {
    return `no complete answer within ${Number((timeoutMs / 1000).toFixed(1))} s`;
  }
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  const text = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
  return text.split('\n')[0] ?? 'network error';
}

/**
 * Downloads one public source with a conditional GET: If-None-Match / If-Modified-Since from the last
 * download (304 answers `unchanged`), every hop (redirects followed by hand) on an allowed host and a
 * public address (assertPublicDestination: a redirect to a private address is refused before any
 * connection, and the connection goes to the addresses judged, pinnedTransport), one time limit for the whole download, a size limit checked on Content-Length and while
 * streaming, a body shorter than its Content-Length refused as truncated, and the SHA-256 computed on the
 * way. Throws ERR_DESTINATION_REFUSED, ERR_SOURCE_UNAVAILABLE or ERR_TOO_LARGE with a one-line reason.
 *
 * @example
 * const got = await fetchSource('https://epoch.ai/data/notable_ai_models.csv', { allowedHosts: ['epoch.ai'], destination: {}, maxBytes: 1e8, timeoutMs: 60_000 });
 */
export async function fetchSource(source: string, options: FetchSourceOptions): Promise<FetchedSource> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  const headers: Record<string, string> = { 'user-agent': 'aperture-sync' };
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;
  let url = new URL(source);
  let response: Response | undefined;
  for (let hop = 0; ; hop += 1) {
    const { addresses } = await assertPublicDestination(url, options.destination);
    if (!hostAllowed(url, options.allowedHosts)) {
      throw new ApertureError(
        'ERR_DESTINATION_REFUSED',
        `${displayDestination(url)}: refused: not a host of this source (${options.allowedHosts.join(', ')})`,
      );
    }
    try {
      response = await (options.fetch ?? pinnedTransport(addresses))(url, { headers, signal });
    } catch (error) {
      throw new ApertureError(
        'ERR_SOURCE_UNAVAILABLE',
        `${displayDestination(url)}: ${why(error, options.timeoutMs, signal)}`,
        {
          cause: error,
        },
      );
    }
    if (!REDIRECTS.has(response.status)) break;
    await response.body?.cancel().catch(() => undefined);
    const location = response.headers.get('location');
    if (!location || hop >= (options.maxRedirects ?? 5)) {
      throw new ApertureError(
        'ERR_SOURCE_UNAVAILABLE',
        `${displayDestination(url)}: too many or empty redirects`,
      );
    }
    url = new URL(location, url);
  }
  const etag = response.headers.get('etag');
  const lastModified = response.headers.get('last-modified');
  if (response.status === 304) {
    await response.body?.cancel().catch(() => undefined);
    return {
      status: 'unchanged',
      etag: etag ?? options.etag ?? null,
      lastModified: lastModified ?? options.lastModified ?? null,
    };
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new ApertureError(
      'ERR_SOURCE_UNAVAILABLE',
      `${displayDestination(url)} answered ${response.status} ${response.statusText}`.trim(),
    );
  }
  const declaredText = response.headers.get('content-length');
  const declared = declaredText === null ? null : Number(declaredText);
  if (declared !== null && declared > options.maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(url, options.maxBytes);
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'aperture-sync-'));
  const remove = () => rm(dir, { recursive: true, force: true });
  const file = path.join(dir, fileNameOf(new URL(source)));
  const hash = createHash('sha256');
  let bytes = 0;
  const count = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      hash.update(chunk);
      if (bytes > options.maxBytes) callback(tooLarge(url, options.maxBytes));
      else callback(null, chunk);
    },
  });
  try {
    const body = response.body
      ? Readable.fromWeb(response.body as unknown as WebReadableStream<Uint8Array>)
      : Readable.from([]);
    await pipeline(body, count, createWriteStream(file), { signal });
    if (declared !== null && Number.isFinite(declared) && bytes !== declared) {
      throw new ApertureError(
        'ERR_SOURCE_UNAVAILABLE',
        `${displayDestination(url)}: truncated: ${bytes} of the ${declared} bytes announced`,
      );
    }
  } catch (error) {
    await remove();
    if (isApertureError(error)) throw error;
    throw new ApertureError(
      'ERR_SOURCE_UNAVAILABLE',
      `${displayDestination(url)}: the download broke off (${why(error, options.timeoutMs, signal)})`,
      { cause: error },
    );
  }
  return {
    status: 'downloaded',
    path: file,
    bytes,
    sha256: hash.digest('hex'),
    contentType: response.headers.get('content-type'),
    etag,
    lastModified,
    remove,
  };
}

function tooLarge(url: URL, maxBytes: number): ApertureError {
  return new ApertureError(
    'ERR_TOO_LARGE',
    `${displayDestination(url)} is larger than ${maxBytes.toLocaleString('en')} bytes (--max-bytes raises the limit)`,
  );
}
