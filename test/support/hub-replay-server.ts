import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/** A canned answer served instead of the fixture for matching requests. */
export interface HubFault {
  /** Tested against the request path with its query string. */
  match: RegExp;
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  /** How many matching requests get the fault; all of them when absent. */
  times?: number;
  /** Never answer (to exercise timeouts). */
  hang?: boolean;
}

/** One request the server saw. */
export interface RecordedRequest {
  method: string;
  /** Path with query string. */
  path: string;
  authorization?: string;
  range?: string;
}

/** A running replay server. */
export interface HubReplayServer {
  /** The origin to use as HF_ENDPOINT, e.g. http://127.0.0.1:40123. */
  url: string;
  requests: RecordedRequest[];
  /** Faults checked in order before the fixtures; tests push to it. */
  faults: HubFault[];
  close(): Promise<void>;
}

/** Options of the replay server. */
export interface HubReplayOptions {
  /**
   * The fixture folder (`models/{org}/{name}/`, `datasets/{org}/{name}/`); test/fixtures/hub by default.
   * With several folders, a repository is served from the first that has it (tests add generated repos
   * in a temporary folder before the checked-in ones).
   */
  fixtures?: string | readonly string[];
  /** The token that has been granted access to gated models. */
  grantedToken?: string;
  /** Entries per page of the tree listing (the Hub pages with a Link header). */
  treePageSize?: number;
  /** The model listings folder (`{author}.json`, an array of listing entries); test/fixtures/hub-listings by default. */
  listings?: string;
  /** Most models per page of `/api/models` (the Hub caps at the `limit` asked, itself at most 1000). */
  listingPageSize?: number;
}

interface TreeEntry {
  type: string;
  path: string;
  size: number;
  lfs?: { oid: string; size: number };
}

/** `model-info.json` or `dataset-info.json`: the fields the client reads (the rest is served as is). */
interface RepoInfo {
  sha: string;
  gated: false | 'auto' | 'manual';
}

/** The Hub's two repository types served here, as they appear in API paths (`/api/models/…`). */
type RepoKind = 'models' | 'datasets';

/** A fixture repository: its folder and its info. */
interface FixtureRepo {
  kind: RepoKind;
  org: string;
  name: string;
  dir: string;
  info: RepoInfo;
}

const INFO_FILE: Record<RepoKind, string> = { models: 'model-info.json', datasets: 'dataset-info.json' };

const DEFAULT_FIXTURES = path.resolve(import.meta.dirname, '../fixtures/hub');
const DEFAULT_LISTINGS = path.resolve(import.meta.dirname, '../fixtures/hub-listings');
// The fields the Hub sends whatever `expand` asks for.
const ALWAYS_LISTED = ['_id', 'id'];

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

/** Serves bytes with the Hub's download headers and HTTP range support. */
function sendBytes(
  req: IncomingMessage,
  res: ServerResponse,
  bytes: Buffer,
  headers: Record<string, string>,
): void {
  const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
  if (!range) {
    res.writeHead(200, { 'Content-Length': String(bytes.length), 'Accept-Ranges': 'bytes', ...headers });
    res.end(bytes);
    return;
  }
  const start = Number(range[1]);
  const end = Math.min(range[2] ? Number(range[2]) : bytes.length - 1, bytes.length - 1);
  if (start >= bytes.length) {
    res.writeHead(416, { 'Content-Range': `bytes */${bytes.length}` });
    res.end();
    return;
  }
  const part = bytes.subarray(start, end + 1);
  res.writeHead(206, {
    'Content-Length': String(part.length),
    'Content-Range': `bytes ${start}-${end}/${bytes.length}`,
    ...headers,
  });
  res.end(part);
}

/**
 * A local stand-in for the Hugging Face Hub on 127.0.0.1 and a random port. It answers the endpoints
 * @huggingface/hub calls for models and datasets (repository info, tree listing with Link paging,
 * resolve with ranges and LFS redirects, gated access) and model listings by author with Link paging,
 * from hand-written fixtures in the Hub's response format, records every request, and serves injected
 * faults (429, 5xx, redirects elsewhere, hangs).
 *
 * @example
 * const hub = await startHubReplayServer();
 * const pack = await openHfPack('hf:aperture-fixtures/open-model', { endpoint: hub.url, cacheDir: false });
 * const data = await openHfPack('hf:datasets/aperture-fixtures/linked-data', { endpoint: hub.url, cacheDir: false });
 */
export async function startHubReplayServer(options: HubReplayOptions = {}): Promise<HubReplayServer> {
  const fixtureRoots =
    typeof options.fixtures === 'string' ? [options.fixtures] : (options.fixtures ?? [DEFAULT_FIXTURES]);
  const pageSize = options.treePageSize ?? 1000;
  const listings = options.listings ?? DEFAULT_LISTINGS;
  const listingPageSize = options.listingPageSize ?? 1000;
  const requests: RecordedRequest[] = [];
  const faults: HubFault[] = [];
  let origin = '';

  function findRepo(kind: RepoKind, org: string, name: string): FixtureRepo | null {
    // Names as the Hub allows them: nothing that could climb out of the fixture folder.
    if (![org, name].every((part) => /^[\w.-]+$/.test(part) && !part.includes('..'))) return null;
    for (const root of fixtureRoots) {
      const dir = path.join(root, kind, org, name);
      const infoFile = path.join(dir, INFO_FILE[kind]);
      if (existsSync(infoFile)) return { kind, org, name, dir, info: readJson<RepoInfo>(infoFile) };
    }
    return null;
  }

  function readJson<T>(file: string): T {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  }

  // Generated trees can hold tens of thousands of entries: parse each once per change, not once per page.
  const trees = new Map<string, { mtimeMs: number; entries: TreeEntry[] }>();
  function readTree(repo: FixtureRepo): TreeEntry[] {
    const file = path.join(repo.dir, 'tree.json');
    const { mtimeMs } = statSync(file);
    const cached = trees.get(file);
    if (cached && cached.mtimeMs === mtimeMs) return cached.entries;
    const entries = readJson<TreeEntry[]>(file);
    trees.set(file, { mtimeMs, entries });
    return entries;
  }

  function knownRevision(info: RepoInfo, revision: string): boolean {
    return revision === info.sha || revision === 'main' || revision === 'HEAD';
  }

  function repoNotFound(res: ServerResponse): void {
    sendJson(res, 404, { error: 'Repository not found' }, { 'X-Error-Code': 'RepoNotFound' });
  }

  function revisionNotFound(res: ServerResponse, revision: string): void {
    sendJson(res, 404, { error: `Invalid rev id: ${revision}` }, { 'X-Error-Code': 'RevisionNotFound' });
  }

  function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', origin);
    const pathWithQuery = `${url.pathname}${url.search}`;
    requests.push({
      method: req.method ?? 'GET',
      path: pathWithQuery,
      authorization: req.headers.authorization,
      range: req.headers.range,
    });

    for (const fault of faults) {
      if (!fault.match.test(pathWithQuery) || fault.times === 0) continue;
      if (fault.times !== undefined) fault.times--;
      if (fault.hang) return;
      res.writeHead(fault.status ?? 500, { 'Content-Type': 'application/json', ...fault.headers });
      res.end(fault.body ?? JSON.stringify({ error: 'injected fault' }));
      return;
    }

    const segments = url.pathname.split('/').slice(1).map(decodeURIComponent);

    // GET /api/models?author=…&limit=…&expand=…[&cursor=…]: a listing, paged with a Link header.
    if (url.pathname === '/api/models') return listModels(url, res);

    // GET /api/{models|datasets}/{org}/{name}/revision/{revision} (modelInfo, datasetInfo)
    // GET /api/{models|datasets}/{org}/{name}/tree/{revision}?recursive=true&cursor=N (listFiles)
    const apiKind = segments[0] === 'api' ? repoKind(segments[1]) : null;
    if (apiKind && (segments[4] === 'revision' || segments[4] === 'tree')) {
      const repo = findRepo(apiKind, segments[2]!, segments[3]!);
      if (!repo) return repoNotFound(res);
      const revision = segments.slice(5).join('/');
      if (!knownRevision(repo.info, revision)) return revisionNotFound(res, revision);
      if (segments[4] === 'revision') return sendJson(res, 200, repo.info);
      return sendTreePage(url, res, readTree(repo));
    }

    // GET /{org}/{name}/resolve/{revision}/{path} and /datasets/{org}/{name}/resolve/…, and the CDN
    // routes LFS files redirect to: /cdn/{org}/{name}/{sha}/{path}, /cdn/datasets/{org}/{name}/{sha}/{path}.
    const isCdn = segments[0] === 'cdn';
    const rest = isCdn ? segments.slice(1) : segments;
    const kind: RepoKind = rest[0] === 'datasets' ? 'datasets' : 'models';
    const repoPath = kind === 'datasets' ? rest.slice(1) : rest;
    const isResolve = !isCdn && repoPath[2] === 'resolve';
    if (isResolve || isCdn) {
      const [org = '', name = ''] = repoPath;
      const repo = findRepo(kind, org, name);
      if (!repo) return repoNotFound(res);
      const revision = (isCdn ? repoPath[2] : repoPath[3]) ?? '';
      const filePath = repoPath.slice(isCdn ? 3 : 4).join('/');
      return resolveFile(req, res, repo, revision, filePath, isResolve);
    }

    sendJson(res, 404, { error: 'Not found' });
  }

  function repoKind(segment: string | undefined): RepoKind | null {
    return segment === 'models' || segment === 'datasets' ? segment : null;
  }

  /** One page of a tree listing, with a `Link: <…>; rel="next"` header while entries remain. */
  function sendTreePage(url: URL, res: ServerResponse, tree: TreeEntry[]): void {
    const cursor = Number(url.searchParams.get('cursor') ?? '0');
    const page = tree.slice(cursor, cursor + pageSize);
    const headers: Record<string, string> = {};
    if (cursor + pageSize < tree.length) {
      const next = new URL(url.href);
      next.searchParams.set('cursor', String(cursor + pageSize));
      headers.Link = `<${next.href}>; rel="next"`;
    }
    sendJson(res, 200, page, headers);
  }

  /** A resolve (or its CDN redirect target): gated access, LFS redirects, ranges. */
  function resolveFile(
    req: IncomingMessage,
    res: ServerResponse,
    repo: FixtureRepo,
    revision: string,
    filePath: string,
    isResolve: boolean,
  ) {
    const { info, org, name } = repo;
    if (!knownRevision(info, revision)) return revisionNotFound(res, revision);
    // As on the Hub, the card of a gated repository is public; its other files need access.
    const isPublicCard = filePath === 'README.md' || filePath === '.gitattributes';
    if (
      info.gated &&
      isResolve &&
      !isPublicCard &&
      req.headers.authorization !== `Bearer ${options.grantedToken}`
    ) {
      const noun = repo.kind === 'datasets' ? 'dataset' : 'model';
      return sendJson(
        res,
        req.headers.authorization ? 403 : 401,
        {
          error: `Access to ${noun} ${org}/${name} is restricted. You must have access to it and be authenticated to access it. Please log in.`,
        },
        { 'X-Error-Code': 'GatedRepo' },
      );
    }
    const tree = readTree(repo);
    const entry = tree.find((item) => item.type === 'file' && item.path === filePath);
    const file = path.join(repo.dir, 'files', filePath);
    if (!entry || !existsSync(file) || !statSync(file).isFile()) {
      return sendJson(res, 404, { error: 'Entry not found' }, { 'X-Error-Code': 'EntryNotFound' });
    }
    if (isResolve && entry.lfs) {
      const prefix = repo.kind === 'datasets' ? 'cdn/datasets' : 'cdn';
      res.writeHead(302, {
        Location: `${origin}/${prefix}/${org}/${name}/${info.sha}/${filePath}`,
        'X-Linked-Size': String(entry.lfs.size),
        'X-Linked-Etag': `"${entry.lfs.oid}"`,
        'X-Repo-Commit': info.sha,
      });
      res.end();
      return;
    }
    const bytes = readFileSync(file);
    sendBytes(req, res, bytes, {
      ETag: `"${entry.lfs?.oid ?? info.sha.slice(0, 16)}"`,
      'X-Repo-Commit': info.sha,
      'Content-Type': 'application/octet-stream',
    });
  }

  function listModels(url: URL, res: ServerResponse): void {
    const author = url.searchParams.get('author') ?? '';
    const file = path.join(listings, `${author}.json`);
    // Unknown authors list nothing, as on the Hub; the name check keeps the path inside the folder.
    const entries =
      /^[A-Za-z0-9][\w.-]*$/.test(author) && !author.includes('..') && existsSync(file)
        ? readJson<unknown[]>(file)
        : [];
    const expand = url.searchParams.getAll('expand');
    const limit = Math.min(Number(url.searchParams.get('limit') ?? listingPageSize) || listingPageSize, 1000);
    const size = Math.min(limit, listingPageSize);
    const cursor = Number(url.searchParams.get('cursor') ?? '0');
    const page = entries.slice(cursor, cursor + size).map((entry) => {
      if (typeof entry !== 'object' || entry === null || Array.isArray(entry) || expand.length === 0)
        return entry;
      const fields = Object.entries(entry).filter(
        ([key]) => ALWAYS_LISTED.includes(key) || expand.includes(key),
      );
      return Object.fromEntries(fields);
    });
    const headers: Record<string, string> = {};
    if (cursor + size < entries.length) {
      const next = new URL(url.href);
      next.searchParams.set('cursor', String(cursor + size));
      headers.Link = `<${next.href}>; rel="next"`;
    }
    sendJson(res, 200, page, headers);
  }

  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    requests,
    faults,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
