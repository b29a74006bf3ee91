import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, type ZodApp } from '../src/server/index.ts';
import { type DatabaseHandle, migrateToLatest, openDatabase } from '../src/store/index.ts';

/*
 * Headers and error bodies (issue 12, item 11): every response carries a Content-Security-Policy that
 * forbids framing, X-Content-Type-Options, X-Frame-Options and Referrer-Policy, and every error body has
 * the one shape `{ error: { code, message } }`, including the answers Node's HTTP parser makes Fastify
 * give before any route runs (431 for oversized headers, 400 for malformed requests and URLs).
 */

const ADMIN = 'security-headers-test-token-5b8e0c2a7d';

let store: DatabaseHandle;
let webRoot: string;
let app: ZodApp;

beforeAll(async () => {
  store = await openDatabase({ file: ':memory:', env: {} });
  await migrateToLatest(store);
  webRoot = await mkdtemp(path.join(tmpdir(), 'aperture-web-headers-'));
  await writeFile(
    path.join(webRoot, 'index.html'),
    '<!doctype html><title>dashboard</title><div id="root"></div><script type="module" src="/app.js"></script>',
  );
  await writeFile(path.join(webRoot, 'app.js'), 'console.log(1);');
  app = await buildServer({ db: store.db, dialect: store.dialect, webRoot, adminToken: ADMIN });
});

afterAll(async () => {
  await app?.close();
  await store?.close();
  await rm(webRoot, { recursive: true, force: true });
});

/** The directives of a Content-Security-Policy header, by name. */
function directives(header: unknown): Map<string, string[]> {
  expect(typeof header, 'a Content-Security-Policy header').toBe('string');
  return new Map(
    (header as string)
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

/** Asserts the security headers every response of the server carries. */
function expectSecurityHeaders(headers: Record<string, unknown>, what: string): void {
  const csp = directives(headers['content-security-policy']);
  expect(csp.get('default-src'), what).toEqual(["'self'"]);
  expect(csp.get('script-src'), what).toEqual(["'self'"]);
  expect(csp.get('object-src'), what).toEqual(["'none'"]);
  expect(csp.get('frame-ancestors'), what).toEqual(["'none'"]);
  expect(csp.get('base-uri'), what).toEqual(["'self'"]);
  expect(csp.get('form-action'), what).toEqual(["'self'"]);
  // The server speaks plain HTTP: upgrading the dashboard's requests to https would break it.
  expect(csp.has('upgrade-insecure-requests'), what).toBe(false);
  expect(headers['x-content-type-options'], what).toBe('nosniff');
  expect(headers['x-frame-options'], what).toBe('DENY');
  expect(headers['referrer-policy'], what).toBe('no-referrer');
}

describe('security headers', () => {
  it('are on API answers, successful or not', async () => {
    const answers = {
      health: await app.inject({ url: '/api/health' }),
      'a list as CSV': await app.inject({ url: '/api/models?format=csv' }),
      'an unknown API route': await app.inject({ url: '/api/nope' }),
      'a bad query': await app.inject({ url: '/api/models?pageSize=abc' }),
      'an admin route without a token': await app.inject({
        method: 'POST',
        url: '/api/programs',
        payload: {},
      }),
      'the OpenAPI document': await app.inject({ url: '/openapi.json' }),
    };
    expect(answers.health.statusCode).toBe(200);
    expect(answers['an unknown API route'].statusCode).toBe(404);
    expect(answers['a bad query'].statusCode).toBe(400);
    expect(answers['an admin route without a token'].statusCode).toBe(401);
    for (const [what, answer] of Object.entries(answers)) expectSecurityHeaders(answer.headers, what);
  });

  it('are on the dashboard, its assets, its client routes and the docs page', async () => {
    const html = { accept: 'text/html' };
    const answers = {
      'the dashboard': await app.inject({ url: '/', headers: html }),
      'a client route': await app.inject({ url: '/models/42', headers: html }),
      'an asset': await app.inject({ url: '/app.js' }),
      'a missing asset': await app.inject({ url: '/missing.js' }),
      'the docs page': await app.inject({ url: '/docs/', headers: html }),
    };
    expect(answers['the dashboard'].body).toContain('<div id="root">');
    expect(answers['a client route'].body).toContain('<div id="root">');
    expect(answers['the docs page'].statusCode).toBe(200);
    for (const [what, answer] of Object.entries(answers)) expectSecurityHeaders(answer.headers, what);
    // Swagger UI adds <style> elements as it renders: its page alone allows inline styles.
    expect(directives(answers['the dashboard'].headers['content-security-policy']).get('style-src')).toEqual([
      "'self'",
    ]);
    expect(directives(answers['the docs page'].headers['content-security-policy']).get('style-src')).toEqual([
      "'self'",
      "'unsafe-inline'",
    ]);
  });
});

/** Sends raw bytes to the listening server and returns what it answers before closing. */
function rawRequest(
  port: number,
  request: string,
): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const split = text.indexOf('\r\n\r\n');
      resolve({
        status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1]),
        headers: text.slice(0, split),
        body: text.slice(split + 4),
      });
    });
    socket.end(request);
  });
}

describe('error bodies before any route runs', () => {
  let port: number;
  let listening: ZodApp;

  beforeAll(async () => {
    listening = await buildServer({ db: store.db, dialect: store.dialect, webRoot });
    await listening.listen({ host: '127.0.0.1', port: 0 });
    port = (listening.server.address() as { port: number }).port;
  });
  afterAll(async () => {
    await listening?.close();
  });

  it('answers oversized headers with 431 and the shared error body', async () => {
    const answer = await rawRequest(
      port,
      `GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: ${'a'.repeat(64 * 1024)}\r\n\r\n`,
    );
    expect(answer.status).toBe(431);
    expect(answer.headers).toMatch(/^content-type: application\/json; charset=utf-8$/im);
    expect(JSON.parse(answer.body)).toEqual({
      error: {
        code: 'ERR_HEADERS_TOO_LARGE',
        message:
          'the request headers are larger than the server accepts (16 KiB); send fewer or shorter headers',
      },
    });
  });

  it('answers a request that is not HTTP with 400 and the shared error body', async () => {
    const answer = await rawRequest(port, 'NOT HTTP AT ALL\r\n\r\n');
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toEqual({
      error: { code: 'ERR_USAGE', message: 'the request is not valid HTTP/1.1' },
    });
  });

  it('answers a URL with a broken %-escape with 400 and the shared error body', async () => {
    const answer = await app.inject({ url: '/api/models/%E0%A4%A' });
    expect(answer.statusCode).toBe(400);
    expect(answer.json()).toEqual({
      error: { code: 'ERR_USAGE', message: expect.stringContaining('not a valid url component') },
    });
  });

  it('a fetch over the network gets the headers too', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(response.status).toBe(200);
    expectSecurityHeaders(Object.fromEntries(response.headers), 'fetch /api/health');
  });
});
