import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/** Options of startGitHttpServer. */
export interface GitHttpServerOptions {
  /** Repositories served, by name: a working tree (with `.git`) or a bare repository. */
  repos: Record<string, string>;
  /**
   * Names answered with `302 Found` to `<location><rest of the path and query>`, e.g.
   * `{ moved: '/model' }` (this server) or `{ moved: 'http://127.0.0.1:9/x' }`, to test that a client does
   * (not) follow redirects.
   */
  redirects?: Record<string, string>;
  /**
   * Names answered with this HTTP status and no repository, e.g. `{ broken: 500 }`, to test how a client
   * reports a server that fails.
   */
  failures?: Record<string, number>;
  /** Serve HTTPS with this key and certificate (PEM) instead of plain HTTP. */
  tls?: { key: string | Buffer; cert: string | Buffer };
}

/** One request the server received. */
export interface GitHttpRequest {
  method: string;
  /** The path and query, e.g. `/model.git/info/refs?service=git-upload-pack`. */
  path: string;
}

/** A running git smart-HTTP server; close it when done. */
export interface GitHttpServer {
  /** `http://127.0.0.1:<port>/` (`https://` with `tls`); a repository `model` is at `${url}model.git` or `${url}model`. */
  url: string;
  port: number;
  /** Every request received, in order. */
  requests: GitHttpRequest[];
  /** TCP connections accepted so far (a refused client makes none). */
  connections(): number;
  close(): Promise<void>;
}

/** Splits `/name(.git)/rest` into the repository name and the rest of the path. */
function splitPath(pathname: string): { name: string; rest: string } | undefined {
  const match = /^\/([^/]+?)(?:\.git)?(\/.*)?$/.exec(pathname);
  return match ? { name: decodeURIComponent(match[1]!), rest: match[2] ?? '/' } : undefined;
}

/** Runs `git http-backend` (CGI) for one request and relays its answer. */
function serveCgi(
  request: IncomingMessage,
  response: ServerResponse,
  repo: string,
  rest: string,
  query: string,
) {
  const worktree = existsSync(path.join(repo, '.git'));
  const child = spawn('git', ['http-backend'], {
    env: {
      PATH: process.env.PATH,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      // Lets clients fetch a commit by its id, as `openGitPack(url#<sha>)` does.
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'uploadpack.allowAnySHA1InWant',
      GIT_CONFIG_VALUE_0: 'true',
      GIT_PROJECT_ROOT: repo,
      GIT_HTTP_EXPORT_ALL: '1',
      PATH_INFO: `${worktree ? '/.git' : ''}${rest}`,
      QUERY_STRING: query,
      REQUEST_METHOD: request.method ?? 'GET',
      CONTENT_TYPE: request.headers['content-type'] ?? '',
      REMOTE_ADDR: request.socket.remoteAddress ?? '',
      ...(request.headers['content-length'] ? { CONTENT_LENGTH: request.headers['content-length'] } : {}),
      ...(request.headers['content-encoding']
        ? { HTTP_CONTENT_ENCODING: request.headers['content-encoding'] }
        : {}),
      ...(typeof request.headers['git-protocol'] === 'string'
        ? { GIT_PROTOCOL: request.headers['git-protocol'] }
        : {}),
    },
    stdio: ['pipe', 'pipe', 'ignore'],
  });
  request.pipe(child.stdin);
  let head = Buffer.alloc(0);
  let headersSent = false;
  child.stdout.on('data', (chunk: Buffer) => {
    if (headersSent) {
      response.write(chunk);
      return;
    }
    head = Buffer.concat([head, chunk]);
    const end = head.indexOf('\r\n\r\n');
    if (end === -1) return;
    let status = 200;
    for (const line of head.subarray(0, end).toString('latin1').split('\r\n')) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).trim();
      const value = line.slice(colon + 1).trim();
      if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10);
      else response.setHeader(name, value);
    }
    response.writeHead(status);
    headersSent = true;
    response.write(head.subarray(end + 4));
  });
  child.on('close', () => {
    if (!headersSent) response.writeHead(500).end('git http-backend gave no answer');
    else response.end();
  });
}

/**
 * Serves local git repositories over smart HTTP (or HTTPS with `tls`) on 127.0.0.1, a random port, through
 * `git http-backend`, recording every request and counting TCP connections, for tests of git sources over
 * the network (cloning, destination checks, redirects, failing servers, link following).
 *
 * @example
 * const repo = await tempGitRepo({ files: { 'README.md': '# Model' } });
 * const server = await startGitHttpServer({ repos: { model: repo.dir } });
 * const pack = await openGitPack(`${server.url}model.git`);
 * await server.close();
 */
export async function startGitHttpServer(options: GitHttpServerOptions): Promise<GitHttpServer> {
  const requests: GitHttpRequest[] = [];
  let connections = 0;
  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const target = request.url ?? '/';
    requests.push({ method: request.method ?? 'GET', path: target });
    const [pathname = '/', query = ''] = target.split('?');
    const parts = splitPath(pathname);
    const redirect = parts ? options.redirects?.[parts.name] : undefined;
    if (parts && redirect !== undefined) {
      response.writeHead(302, { location: `${redirect}${parts.rest}${query ? `?${query}` : ''}` }).end();
      return;
    }
    const failure = parts ? options.failures?.[parts.name] : undefined;
    if (failure !== undefined) {
      response.writeHead(failure).end('injected failure');
      return;
    }
    const repo = parts ? options.repos[parts.name] : undefined;
    if (!parts || repo === undefined) {
      response.writeHead(404).end('no such repository');
      return;
    }
    serveCgi(request, response, repo, parts.rest, query);
  };
  const server = options.tls ? createHttpsServer(options.tls, handle) : createServer(handle);
  // A TCP connection, counted before any TLS handshake.
  server.on('connection', () => {
    connections += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}/`,
    port,
    requests,
    connections: () => connections,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
