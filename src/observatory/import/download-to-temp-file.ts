import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { ApertureError, isApertureError } from '../../errors.ts';
import { createHubFetch, type HubFetchTuning } from '../../hub/index.ts';

/** The largest download an import accepts by default: 1 GiB. */
export const DEFAULT_IMPORT_MAX_BYTES = 1024 * 1024 * 1024;

/** Options of downloadToTempFile. */
export interface DownloadOptions {
  /** Refuse a body larger than this (default DEFAULT_IMPORT_MAX_BYTES). */
  maxBytes?: number;
  /** Retries, timeout and transport, as for the `hf:` source (tests pass a quick sleep). */
  tuning?: Partial<HubFetchTuning>;
}

/** A downloaded file and how to remove it. */
export interface DownloadedFile {
  /** The local copy, named like the URL's last path segment (importers read editions from names). */
  path: string;
  bytes: number;
  remove(): Promise<void>;
}

/** True when `source` looks like a URL (`scheme://…`) rather than a path. */
export function looksLikeUrl(source: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(source);
}

/** The URL of `source`, refused unless it is http:// or https://. */
export function parseImportUrl(source: string): URL {
  let url: URL;
  try {
    url = new URL(source);
  } catch {
    throw new ApertureError('ERR_USAGE', `${source} is not a valid URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ApertureError(
      'ERR_USAGE',
      `refused ${url.protocol}// URL ${source}: only http:// and https:// URLs can be imported (use a local path for files)`,
    );
  }
  return url;
}

function fileNameOf(url: URL): string {
  const last = decodeURIComponent(url.pathname.split('/').filter(Boolean).pop() ?? '');
  const safe = last.replace(/[^\w.@+-]/g, '_').slice(0, 200);
  return safe === '' || safe === '.' || safe === '..' ? 'download' : safe;
}

/**
 * Downloads an http(s) URL to a private temporary folder with the limits of the `hf:` source: only
 * that URL's origin (redirects elsewhere refused), a timeout per request, retries of 429, 5xx and
 * network errors honouring Retry-After, and a size limit checked on Content-Length and while
 * streaming. Throws ERR_USAGE for another scheme, ERR_SOURCE_UNAVAILABLE when the server cannot be
 * reached or answers an error, ERR_TOO_LARGE past the limit.
 *
 * @example
 * const file = await downloadToTempFile('https://example.org/notable_ai_models.csv');
 * try { … read file.path … } finally { await file.remove(); }
 */
export async function downloadToTempFile(
  source: string,
  options: DownloadOptions = {},
): Promise<DownloadedFile> {
  const url = parseImportUrl(source);
  const maxBytes = options.maxBytes ?? DEFAULT_IMPORT_MAX_BYTES;
  const fetcher = createHubFetch({ allowedOrigins: [url.origin], ...options.tuning });
  const response = await fetcher(url);
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new ApertureError(
      'ERR_SOURCE_UNAVAILABLE',
      `${source} answered ${response.status} ${response.statusText}`.trim(),
    );
  }
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(source, maxBytes);
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'aperture-import-'));
  const remove = () => rm(dir, { recursive: true, force: true });
  const file = path.join(dir, fileNameOf(url));
  let bytes = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      if (bytes > maxBytes) callback(tooLarge(source, maxBytes));
      else callback(null, chunk);
    },
  });
  try {
    const body = response.body
      ? Readable.fromWeb(response.body as unknown as WebReadableStream<Uint8Array>)
      : Readable.from([]);
    await pipeline(body, limit, createWriteStream(file));
  } catch (error) {
    await remove();
    if (isApertureError(error)) throw error;
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ApertureError('ERR_SOURCE_UNAVAILABLE', `${source}: the download broke off: ${reason}`, {
      cause: error,
    });
  }
  return { path: file, bytes, remove };
}

function tooLarge(source: string, maxBytes: number): ApertureError {
  return new ApertureError(
    'ERR_TOO_LARGE',
    `${source} is larger than ${maxBytes.toLocaleString('en')} bytes; raise --max-bytes if you trust it`,
  );
}
