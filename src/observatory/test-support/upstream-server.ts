import { createHash } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';

/** How the local upstream answers one path. */
export interface UpstreamRoute {
  body?: string | Buffer;
  contentType?: string;
  /** Answer 304 to a matching If-None-Match (an ETag derived from the body). */
  etag?: boolean;
  lastModified?: string;
  /** Redirect there instead of answering. */
  redirect?: string;
  /** `hang`: accept and never answer; `truncate`: announce the full length and close after half. */
  behaviour?: 'hang' | 'truncate';
}

/** A local HTTP server standing in for the public sources (127.0.0.1 only). */
export interface UpstreamServer {
  url: string;
  /** `127.0.0.1:port`, for APERTURE_ALLOW_HOSTS. */
  host: string;
  routes: Map<string, UpstreamRoute>;
  /** Requests seen, as `METHOD path if-none-match`. */
  requests: string[];
  close(): Promise<void>;
}

function etagOf(body: string | Buffer): string {
  return `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
}

function answer(route: UpstreamRoute, ifNoneMatch: string | undefined, response: ServerResponse): void {
  if (route.behaviour === 'hang') return;
  if (route.redirect) {
    response.writeHead(302, { location: route.redirect }).end();
    return;
  }
  const body = route.body ?? '';
  const headers: Record<string, string | number> = {
    'content-type': route.contentType ?? 'application/octet-stream',
    'content-length': Buffer.byteLength(body),
  };
  if (route.etag) headers.etag = etagOf(body);
  if (route.lastModified) headers['last-modified'] = route.lastModified;
  if (route.etag && ifNoneMatch === headers.etag) {
    response.writeHead(304, { etag: headers.etag }).end();
    return;
  }
  response.writeHead(200, headers);
  if (route.behaviour === 'truncate') {
    const data = Buffer.from(body);
    response.write(data.subarray(0, Math.floor(data.length / 2)));
    // Close the connection with the body half sent: the announced length is never reached.
    setTimeout(() => response.socket?.destroy(), 20);
    return;
  }
  response.end(body);
}

/**
 * Starts a local upstream on 127.0.0.1 whose answers tests set per path (`routes`): data with an ETag,
 * a redirect, a hanging answer, a truncated body.
 *
 * @example
 * const upstream = await startUpstreamServer();
 * upstream.routes.set('/epoch.csv', { body: csv, etag: true });
 */
export async function startUpstreamServer(): Promise<UpstreamServer> {
  const routes = new Map<string, UpstreamRoute>();
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0]!;
    const ifNoneMatch = request.headers['if-none-match'];
    requests.push(`${request.method} ${path} ${ifNoneMatch ?? ''}`.trim());
    const route = routes.get(path);
    if (!route) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    answer(route, typeof ifNoneMatch === 'string' ? ifNoneMatch : undefined, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    routes,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
