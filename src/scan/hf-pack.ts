import os from 'node:os';
import path from 'node:path';
import { datasetInfo, fileDownloadInfo, HubApiError, listFiles, modelInfo } from '@huggingface/hub';
import { ApertureError } from '../errors.ts';
import {
  createHubFetch,
  type HubFetchTuning,
  OFFICIAL_HUB,
  parseHfId,
  parseHubEndpoint,
} from '../hub/index.ts';
import type { PackFile } from '../spec/index.ts';
import { toPackRelative } from '../util/index.ts';
import { HubCache } from './hub-cache.ts';
import { DEFAULT_READ_LIMIT, type Pack, type ReadResult } from './pack.ts';

/** Options of opening a Hub model; each falls back to the environment, then to a default. */
export interface HfOptions extends Partial<HubFetchTuning> {
  /** The Hub; `HF_ENDPOINT`, else https://huggingface.co. */
  endpoint?: string;
  /** An access token for gated and private models; `HF_TOKEN`. */
  token?: string;
  /** The cache folder; `APERTURE_CACHE_DIR`, else ~/.cache/aperture. `false` turns caching off. */
  cacheDir?: string | false;
  /** More origins the Hub may redirect downloads to; `APERTURE_HF_ORIGINS` (comma-separated). */
  extraOrigins?: string[];
  /** Where to read HF_ENDPOINT, HF_TOKEN, APERTURE_CACHE_DIR and APERTURE_HF_ORIGINS; process.env by default. */
  env?: Record<string, string | undefined>;
  /** Most files accepted in a listing. */
  maxFiles?: number;
}

// The official Hub serves large files from its own CDNs, all on these domains.
const OFFICIAL_DOWNLOAD_ORIGINS = ['https://*.huggingface.co', 'https://*.hf.co'];
const COMMIT = /^[0-9a-f]{40}$/;
const LFS_OID = /^[0-9a-f]{64}$/;
const DEFAULT_MAX_FILES = 500_000;

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text.split('\n')[0] ?? '').slice(0, 200);
}

/** Encodes each segment of a pack path for a URL (the library inserts the path as given). */
function encodePath(filePath: string): string {
  return filePath.split('/').map(encodeURIComponent).join('/');
}

async function readCapped(response: Response, limit: number): Promise<Uint8Array> {
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  while (total < limit) {
    const { done, value } = await reader.read();
    if (done) break;
    const part = value.subarray(0, limit - total);
    chunks.push(part);
    total += part.byteLength;
  }
  await reader.cancel().catch(() => undefined);
  return Buffer.concat(chunks, total);
}

/**
 * Opens a Hugging Face Hub model, `hf:org/name[@revision]`, or dataset, `hf:datasets/org/name`, as a
 * remote pack through @huggingface/hub: repository info (for the commit sha), the recursive file list
 * (with LFS sha256 as `sourceSha256`), and file reads on demand, size-capped. A gated repository opens
 * without a token: its file list and card are public, and reads of its other files fail (a warning
 * says so). Requests go only to the configured endpoint (`HF_ENDPOINT`) with
 * retries, backoff and timeouts; listings and file contents are cached per commit under
 * `APERTURE_CACHE_DIR`, so checking the same revision again downloads no file.
 *
 * @example
 * const pack = await openHfPack('hf:allenai/OLMo-2-1124-7B@main');
 * console.log(pack.source.revision, (await pack.listFiles()).length);
 */
export async function openHfPack(target: string, options: HfOptions = {}): Promise<Pack> {
  const id = parseHfId(target);
  const env = options.env ?? process.env;
  const { base: endpoint, origin: endpointOrigin } = parseHubEndpoint(
    options.endpoint ?? env.HF_ENDPOINT ?? OFFICIAL_HUB,
  );
  const token = options.token ?? (env.HF_TOKEN || undefined);
  const extraOrigins =
    options.extraOrigins ??
    (env.APERTURE_HF_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean);
  const allowedOrigins = [
    endpointOrigin,
    ...(endpointOrigin === OFFICIAL_HUB ? OFFICIAL_DOWNLOAD_ORIGINS : []),
    ...extraOrigins,
  ];
  const hubFetch = createHubFetch({ ...options, allowedOrigins, token, tokenOrigin: endpointOrigin });
  const page = `${endpoint}/${id.type === 'dataset' ? 'datasets/' : ''}${id.repo}`;
  const repo = { type: id.type, name: id.repo };
  const fail = (error: unknown, file?: string) => hubError(error, target, page, file);

  const infoParams = {
    name: id.repo,
    revision: id.revision ?? 'main',
    hubUrl: endpoint,
    fetch: hubFetch,
    additionalFields: ['sha' as const],
  };
  const info = await (id.type === 'dataset' ? datasetInfo(infoParams) : modelInfo(infoParams)).catch(
    (error: unknown) => {
      throw fail(error);
    },
  );
  const warnings: string[] = [];
  if (info.gated && !token) {
    // The file list and the card of a gated repo are public; the other files need an access request.
    warnings.push(
      `${target}: access is gated (${info.gated}); only the file list and public files were read — request access on ${page} and set HF_TOKEN to read the rest`,
    );
  }
  const commit = info.sha;
  if (typeof commit !== 'string' || !COMMIT.test(commit)) {
    throw new ApertureError(
      'ERR_SOURCE_UNAVAILABLE',
      `${target}: ${endpoint} did not give the commit of the model`,
    );
  }

  const cacheRoot =
    options.cacheDir === false
      ? null
      : (options.cacheDir ?? env.APERTURE_CACHE_DIR ?? path.join(os.homedir(), '.cache', 'aperture'));
  const cache = cacheRoot === null ? null : new HubCache(cacheRoot, id.org, id.name, commit, id.type);

  async function fetchListing(): Promise<PackFile[]> {
    const files: PackFile[] = [];
    const maxFiles = options.maxFiles ?? DEFAULT_MAX_FILES;
    try {
      for await (const entry of listFiles({
        repo,
        recursive: true,
        revision: commit,
        hubUrl: endpoint,
        fetch: hubFetch,
      })) {
        if (entry.type !== 'file') continue;
        let relative: string;
        try {
          relative = toPackRelative(String(entry.path));
        } catch {
          warnings.push(`${JSON.stringify(String(entry.path))}: unsafe path in the Hub listing; skipped`);
          continue;
        }
        if (relative === '') continue;
        const oid = entry.lfs?.oid;
        files.push({
          path: relative,
          size: entry.lfs?.size ?? entry.size,
          ...(oid && LFS_OID.test(oid) ? { sourceSha256: oid } : {}),
        });
        if (files.length > maxFiles) {
          throw new ApertureError('ERR_TOO_LARGE', `${target}: more than ${maxFiles} files`);
        }
      }
    } catch (error) {
      throw fail(error);
    }
    return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  let listing = await cache?.readListing();
  if (!listing) {
    listing = await fetchListing();
    await cache?.writeListing(listing);
  }
  // The limit holds for a cached listing too (it may have been cached under a larger one).
  const maxFiles = options.maxFiles ?? DEFAULT_MAX_FILES;
  if (listing.length > maxFiles)
    throw new ApertureError('ERR_TOO_LARGE', `${target}: more than ${maxFiles} files`);
  const files = listing;
  const byPath = new Map(files.map((file) => [file.path, file]));

  async function download(file: PackFile, length: number): Promise<Uint8Array> {
    const encoded = encodePath(file.path);
    try {
      const where = await fileDownloadInfo({
        repo,
        path: encoded,
        revision: commit,
        hubUrl: endpoint,
        fetch: hubFetch,
      });
      if (!where) throw new ApertureError('ERR_NOT_FOUND', `${file.path}: listed but not found in ${target}`);
      const response = await hubFetch(where.url, {
        headers: length < file.size ? { Range: `bytes=0-${length - 1}` } : {},
      });
      if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        throw new HubApiError(response.url, response.status, undefined, `HTTP ${response.status}`);
      }
      return await readCapped(response, length);
    } catch (error) {
      throw fail(error, file.path);
    }
  }

  return {
    source: { kind: 'hf', ref: target, revision: commit, url: page, ...(info.gated ? { gated: true } : {}) },
    warnings,
    async listFiles() {
      return files;
    },
    async readFile(filePath, maxBytes = DEFAULT_READ_LIMIT): Promise<ReadResult> {
      const file = byPath.get(toPackRelative(filePath));
      if (!file) throw new ApertureError('ERR_NOT_FOUND', `${filePath}: not a file of the pack`);
      const length = Math.min(file.size, maxBytes);
      const truncated = file.size > maxBytes;
      if (length === 0) return { bytes: new Uint8Array(0), truncated };
      const cached = await cache?.readFile(file.path);
      if (cached && cached.byteLength >= length) return { bytes: cached.subarray(0, length), truncated };
      const bytes = await download(file, length);
      await cache?.writeFile(file.path, bytes);
      return { bytes, truncated };
    },
    localPath() {
      return undefined;
    },
    async close() {},
  };
}

/** Turns a failure of the Hub into a one-line ApertureError that says what to do. */
function hubError(error: unknown, target: string, page: string, file?: string): ApertureError {
  if (error instanceof ApertureError) return error;
  const subject = file ? `${target}: ${file}` : target;
  if (error instanceof HubApiError) {
    if (error.statusCode === 404) {
      return new ApertureError(
        'ERR_NOT_FOUND',
        file
          ? `${subject}: not found on the Hub`
          : `${target}: no such model or revision on the Hub (a private model needs HF_TOKEN)`,
        { cause: error },
      );
    }
    if (error.statusCode === 401 || error.statusCode === 403) {
      return new ApertureError(
        'ERR_SOURCE_UNAVAILABLE',
        `${subject}: access denied (${error.statusCode}): the model is gated or private; request access on ${page} and set HF_TOKEN to a token that has it`,
        { cause: error },
      );
    }
    return new ApertureError('ERR_SOURCE_UNAVAILABLE', `${subject}: the Hub answered ${error.statusCode}`, {
      cause: error,
    });
  }
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return new ApertureError('ERR_SOURCE_UNAVAILABLE', `${subject}: the Hub stopped answering (timed out)`, {
      cause: error,
    });
  }
  return new ApertureError(
    'ERR_SOURCE_UNAVAILABLE',
    `${subject}: unexpected answer from the Hub (${firstLine(error)})`,
    {
      cause: error,
    },
  );
}
