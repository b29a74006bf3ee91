import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CheckReport, checkPack } from '../src/checker/index.ts';
import { memoryPack } from '../src/scan/index.ts';
import { type GitHttpServer, startGitHttpServer } from '../src/scan/test-support/git-http-server.ts';
import { type TempGitRepo, tempGitRepo } from '../src/scan/test-support/temp-git-repo.ts';
import { buildServer, type ZodApp } from '../src/server/index.ts';
import { type DatabaseHandle, migrateToLatest, openDatabase } from '../src/store/index.ts';
import type { HostLookup } from '../src/util/index.ts';
import { seedArena } from './support/arena-fixture.ts';

const ADMIN = 'test-admin-token-0123456789abcdef';
const UNIFORM =
  ': refused: Aperture does not connect to loopback, private, link-local, unique-local or multicast addresses (APERTURE_ALLOW_HOSTS allows an internal mirror)';

/** A TCP listener on loopback (IPv6 and IPv4 when the host has both) that only counts connections. */
async function connectionCounter(): Promise<{
  port: number;
  count: () => number;
  close: () => Promise<void>;
}> {
  let count = 0;
  const listen = (host: string) =>
    new Promise<Server>((resolve, reject) => {
      const server = createServer((socket) => {
        count += 1;
        socket.destroy();
      });
      server.once('error', reject);
      server.listen(0, host, () => resolve(server));
    });
  // '::' takes IPv4 too on a dual-stack host; without IPv6, IPv4 alone.
  const server = await listen('::').catch(() => listen('127.0.0.1'));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    count: () => count,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Made-up names: real DNS knows none of them, so a connection that works was pinned to our answer. */
function scriptedLookup(answers: Record<string, string[]>): HostLookup {
  const calls = new Map<string, number>();
  return async (host) => {
    const script = answers[host];
    if (!script) throw new Error(`getaddrinfo ENOTFOUND ${host}`);
    const call = calls.get(host) ?? 0;
    calls.set(host, call + 1);
    const address = script[Math.min(call, script.length - 1)]!;
    return [{ address, family: address.includes(':') ? 6 : 4 }];
  };
}

let store: DatabaseHandle;
let listener: Awaited<ReturnType<typeof connectionCounter>>;
let app: ZodApp;
let adminTeamToken: string;
const checked: string[] = [];

let report: CheckReport;

beforeAll(async () => {
  report = await checkPack(memoryPack({ 'README.md': '# A model\n' }), 'https://github.com/org/model.git');
  store = await openDatabase({ file: ':memory:', env: {} });
  await migrateToLatest(store);
  ({
    tokens: { owls: adminTeamToken },
  } = await seedArena(store.db));
  listener = await connectionCounter();
  app = await buildServer({
    db: store.db,
    dialect: store.dialect,
    adminToken: ADMIN,
    checkRateLimit: 1_000,
    destination: { lookup: scriptedLookup({ 'github.com': ['140.82.121.3'] }) },
    checkRelease: async (target) => {
      checked.push(target);
      return { ...report, target };
    },
  });
});

afterAll(async () => {
  await app?.close();
  await listener?.close();
  await store?.close();
});

/** The refused sources, each with the URL the uniform message shows. */
function refusedSources(): Array<[string, string]> {
  const port = listener.port;
  return [
    [`https://127.0.0.1:${port}/x.git`, `https://127.0.0.1:${port}/x.git`],
    [`https://[::1]:${port}/x.git`, `https://[::1]:${port}/x.git`],
    [`https://2130706433:${port}/x.git`, `https://127.0.0.1:${port}/x.git`],
    [`https://localhost:${port}/x`, `https://localhost:${port}/x`],
    ['https://localhost:5432/x', 'https://localhost:5432/x'],
  ];
}

describe('the server refuses internal network destinations', () => {
  it('POST /api/check answers the uniform 400 and connects to nothing', async () => {
    for (const [source, shown] of refusedSources()) {
      const response = await app.inject({ method: 'POST', url: '/api/check', payload: { source } });
      expect(response.statusCode, source).toBe(400);
      expect(response.json()).toEqual({
        error: { code: 'ERR_DESTINATION_REFUSED', message: `${shown}${UNIFORM}` },
      });
    }
    expect(checked).toEqual([]);
    expect(listener.count()).toBe(0);
    // A public host still goes through to the checker.
    const ok = await app.inject({
      method: 'POST',
      url: '/api/check',
      payload: { source: 'https://github.com/org/model.git' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(checked).toEqual(['https://github.com/org/model.git']);
  });

  it('prize claims answer the same 400 (after the token is confirmed) and connect to nothing', async () => {
    checked.length = 0;
    const url = '/api/arena/benchmarks/fixture-qa/prize-claims';
    for (const [source, shown] of refusedSources()) {
      const response = await app.inject({
        method: 'POST',
        url,
        headers: { authorization: `Bearer ${adminTeamToken}` },
        payload: { track: 'open-weights', source },
      });
      expect(response.statusCode, source).toBe(400);
      expect(response.json()).toEqual({
        error: { code: 'ERR_DESTINATION_REFUSED', message: `${shown}${UNIFORM}` },
      });
    }
    // Without a valid token the source is not looked at.
    const anonymous = await app.inject({
      method: 'POST',
      url,
      payload: { track: 'open-weights', source: refusedSources()[0]![0] },
    });
    expect(anonymous.statusCode).toBe(401);
    expect(checked).toEqual([]);
    expect(listener.count()).toBe(0);
  });

  it('award and deliverable sources answer the same 400, naming the field, and connect to nothing', async () => {
    const auth = { authorization: `Bearer ${ADMIN}` };
    const program = {
      spec: 'aperture.dev/program/v1',
      id: 'ssrf-residency',
      name: 'SSRF residency (test)',
      kind: 'residency',
      funder: 'Demo Funder',
      currency: 'USD',
      totalBudget: 1000,
      requirements: [{ id: 'kt', kind: 'knowledge-transfer', goals: { talks: 1 } }],
    };
    const created = await app.inject({
      method: 'POST',
      url: '/api/programs',
      headers: auth,
      payload: program,
    });
    expect(created.statusCode, created.body).toBe(201);
    const award = {
      id: 'ssrf-award',
      recipient: 'R',
      recipientType: 'person',
      money: 400,
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      deliverables: [{ requirement: 'kt' }],
    };
    for (const [source, shown] of refusedSources()) {
      const expected = { code: 'ERR_DESTINATION_REFUSED', message: `${shown}${UNIFORM}` };
      const asAward = await app.inject({
        method: 'POST',
        url: '/api/programs/ssrf-residency/awards',
        headers: auth,
        payload: { ...award, source },
      });
      expect(asAward.statusCode, source).toBe(400);
      expect(asAward.json()).toEqual({ error: { ...expected, field: 'body.source' } });
      const asDeliverable = await app.inject({
        method: 'PUT',
        url: '/api/programs/ssrf-residency',
        headers: auth,
        payload: { ...program, awards: [{ ...award, deliverables: [{ requirement: 'kt', source }] }] },
      });
      expect(asDeliverable.statusCode, source).toBe(400);
      expect(asDeliverable.json()).toEqual({
        error: { ...expected, field: 'awards.0.deliverables.0.source' },
      });
    }
    expect(listener.count()).toBe(0);
  });
});

/** A self-signed certificate for `name`, which git trusts through GIT_SSL_CAINFO. */
async function selfSignedCertificate(
  dir: string,
  name: string,
): Promise<{ key: string; cert: string; file: string }> {
  const key = path.join(dir, 'key.pem');
  const file = path.join(dir, 'cert.pem');
  await promisify(execFile)('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '1',
    '-subj',
    `/CN=${name}`,
    '-addext',
    `subjectAltName=DNS:${name}`,
    '-keyout',
    key,
    '-out',
    file,
  ]);
  return { key: await readFile(key, 'utf8'), cert: await readFile(file, 'utf8'), file };
}

describe('the server clones git sources pinned to the checked address', () => {
  const MIRROR = 'git.mirror.example';
  let repo: TempGitRepo;
  let git: GitHttpServer;
  let certDir: string;
  const savedCaInfo = process.env.GIT_SSL_CAINFO;

  beforeAll(async () => {
    repo = await tempGitRepo({ files: { 'README.md': '# A model\n' } });
    certDir = await mkdtemp(path.join(tmpdir(), 'aperture-tls-'));
    const { key, cert, file } = await selfSignedCertificate(certDir, MIRROR);
    process.env.GIT_SSL_CAINFO = file;
    git = await startGitHttpServer({ repos: { model: repo.dir }, tls: { key, cert } });
  });
  afterAll(async () => {
    if (savedCaInfo === undefined) delete process.env.GIT_SSL_CAINFO;
    else process.env.GIT_SSL_CAINFO = savedCaInfo;
    await git?.close();
    await repo?.remove();
    await rm(certDir, { recursive: true, force: true });
  });

  async function post(lookup: HostLookup, allowHosts: string[], source: string) {
    // The default checkRelease (checkReleasePinned); only the resolver and the allowlist are the test's.
    const server = await buildServer({
      db: store.db,
      dialect: store.dialect,
      destination: { lookup, allowHosts },
    });
    try {
      return await server.inject({ method: 'POST', url: '/api/check', payload: { source } });
    } finally {
      await server.close();
    }
  }

  it('checks an allowlisted internal mirror, connecting to the address it resolved', async () => {
    const source = `https://${MIRROR}:${git.port}/model.git`;
    // No DNS knows the name: the clone reached 127.0.0.1 only through the checked address.
    const response = await post(scriptedLookup({ [MIRROR]: ['127.0.0.1'] }), [MIRROR], source);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ target: source });
    expect(git.requests.map((request) => request.path)).toContain(
      '/model.git/info/refs?service=git-upload-pack',
    );
  });

  it('refuses the mirror when it is not allowlisted, before connecting', async () => {
    const before = git.connections();
    const response = await post(
      scriptedLookup({ [MIRROR]: ['127.0.0.1'] }),
      [],
      `https://${MIRROR}:${git.port}/model.git`,
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('ERR_DESTINATION_REFUSED');
    expect(git.connections()).toBe(before);
  });

  it('refuses a name that resolves publicly when accepted and privately when cloned (DNS rebinding)', async () => {
    const before = git.connections();
    const source = `https://rebind.example:${git.port}/model.git`;
    const response = await post(
      scriptedLookup({ 'rebind.example': ['93.184.215.14', '127.0.0.1'] }),
      [],
      source,
    );
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json()).toEqual({
      error: { code: 'ERR_DESTINATION_REFUSED', message: `${source}${UNIFORM}` },
    });
    expect(git.connections()).toBe(before);
  });
});
