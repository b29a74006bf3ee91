import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type HubReplayServer, startHubReplayServer } from '../../test/support/hub-replay-server.ts';
import { ApertureError } from '../errors.ts';
import { collectEvidence } from './collect-evidence.ts';
import { type HfOptions, openHfPack } from './hf-pack.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../test/fixtures/hub/models/aperture-fixtures');
const OPEN = 'hf:aperture-fixtures/open-model';
const GATED = 'hf:aperture-fixtures/gated-model';
const OPEN_SHA = JSON.parse(readFileSync(path.join(FIXTURES, 'open-model/model-info.json'), 'utf8'))
  .sha as string;
const GRANTED = 'hf_granted_test_token';

let hub: HubReplayServer;
let cacheDir: string;
let waits: number[];

beforeAll(async () => {
  hub = await startHubReplayServer({ grantedToken: GRANTED, treePageSize: 3 });
});

afterAll(async () => {
  await hub.close();
});

beforeEach(async () => {
  cacheDir = await mkdtemp(path.join(os.tmpdir(), 'aperture-hf-cache-'));
  waits = [];
  hub.requests.length = 0;
  hub.faults.length = 0;
});

afterEach(async () => {
  await rm(cacheDir, { recursive: true, force: true });
});

/** Options pointing at the replay server, with waits recorded instead of slept. */
function options(extra: HfOptions = {}): HfOptions {
  return {
    endpoint: hub.url,
    cacheDir,
    env: {},
    baseDelayMs: 10,
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...extra,
  };
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function failure(promise: Promise<unknown>): Promise<ApertureError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ApertureError);
  expect((error as ApertureError).message).not.toContain('\n');
  return error as ApertureError;
}

const downloads = () => hub.requests.filter((request) => /\/(resolve|cdn)\//.test(request.path));

describe('openHfPack against the replay server', () => {
  it('lists the files over several pages, with sizes and LFS digests', async () => {
    const pack = await openHfPack(OPEN, options());
    expect(pack.source).toEqual({
      kind: 'hf',
      ref: OPEN,
      revision: OPEN_SHA,
      url: `${hub.url}/aperture-fixtures/open-model`,
    });
    const files = await pack.listFiles();
    expect(files.map((file) => file.path)).toEqual([
      '.gitattributes',
      'README.md',
      'config.json',
      'model-00001-of-00002.safetensors',
      'model-00002-of-00002.safetensors',
      'model.safetensors.index.json',
      'original/params.json',
    ]);
    const shard = readFileSync(path.join(FIXTURES, 'open-model/files/model-00001-of-00002.safetensors'));
    expect(files.find((file) => file.path === 'model-00001-of-00002.safetensors')).toEqual({
      path: 'model-00001-of-00002.safetensors',
      size: shard.length,
      sourceSha256: sha256(shard),
    });
    expect(files.find((file) => file.path === 'config.json')?.sourceSha256).toBeUndefined();
    expect(pack.localPath('config.json')).toBeUndefined();
    // Seven files and a directory at three per page: the Link header was followed twice.
    expect(hub.requests.filter((request) => request.path.includes('/tree/'))).toHaveLength(3);
    await pack.close();
  });

  it('downloads the model card, with its front matter', async () => {
    const pack = await openHfPack(OPEN, options());
    const { bytes, truncated } = await pack.readFile('README.md');
    const text = Buffer.from(bytes).toString('utf8');
    expect(truncated).toBe(false);
    expect(text).toContain('license: apache-2.0');
    expect(text).toContain('base_model: aperture-fixtures/base-model');
    expect(text).toContain('model-index:');
  });

  it('reads LFS files through the Hub’s redirect and gets the bytes the digest names', async () => {
    const pack = await openHfPack(OPEN, options());
    const file = (await pack.listFiles()).find((entry) => entry.path === 'model-00002-of-00002.safetensors')!;
    const { bytes } = await pack.readFile(file.path, 1024);
    expect(sha256(bytes)).toBe(file.sourceSha256);
    expect(hub.requests.some((request) => request.path.startsWith('/cdn/'))).toBe(true);
  });

  it('feeds evidence collection end to end', async () => {
    const pack = await openHfPack(OPEN, options());
    const evidence = await collectEvidence(pack, { asOf: '2024-09-01', hashWorkers: 1 });
    expect(evidence.source).toMatchObject({ kind: 'hf', revision: OPEN_SHA });
    expect(evidence.files).toHaveLength(7);
    expect(evidence.documents['README.md']?.text).toContain('model-index:');
  });

  it('caps a read at maxBytes with a range request', async () => {
    const pack = await openHfPack(OPEN, options({ cacheDir: false }));
    const { bytes, truncated } = await pack.readFile('config.json', 10);
    expect(bytes.byteLength).toBe(10);
    expect(truncated).toBe(true);
    expect(downloads().at(-1)?.range).toBe('bytes=0-9');
  });

  it('caches per commit: a second check of the same revision downloads nothing', async () => {
    const first = await openHfPack(OPEN, options());
    await first.readFile('README.md');
    await first.readFile('config.json');
    expect(downloads().length).toBeGreaterThan(0);

    hub.requests.length = 0;
    const second = await openHfPack(`${OPEN}@${OPEN_SHA}`, options());
    expect(second.source.revision).toBe(OPEN_SHA);
    expect((await second.listFiles()).length).toBe(7);
    expect(Buffer.from((await second.readFile('README.md')).bytes).toString()).toContain('# Open Model');
    expect((await second.readFile('config.json')).bytes.byteLength).toBeGreaterThan(0);
    expect(downloads()).toEqual([]);
    expect(hub.requests.filter((request) => request.path.includes('/tree/'))).toEqual([]);
    // Only the revision is resolved again.
    expect(hub.requests.map((request) => request.path.split('?')[0])).toEqual([
      `/api/models/aperture-fixtures/open-model/revision/${OPEN_SHA}`,
    ]);
  });

  it('reports a missing model or revision as not found', async () => {
    const missing = await failure(openHfPack('hf:aperture-fixtures/missing-model', options()));
    expect(missing.code).toBe('ERR_NOT_FOUND');
    expect(missing.message).toMatch(/^hf:aperture-fixtures\/missing-model: no such model or revision/);
    const revision = await failure(openHfPack(`${OPEN}@no-such-branch`, options()));
    expect(revision.code).toBe('ERR_NOT_FOUND');
  });

  it('refuses a bad id before any request', async () => {
    const error = await failure(openHfPack('hf:../etc/passwd', options()));
    expect(error.code).toBe('ERR_HF_ID');
    expect(hub.requests).toEqual([]);
  });

  it('opens a gated model without a token (list and card only), and reads it all with a token that has access', async () => {
    const noToken = await openHfPack(GATED, options());
    expect(noToken.source.gated).toBe(true);
    expect(noToken.warnings.join('\n')).toMatch(
      /access is gated .*request access on .*gated-model and set HF_TOKEN/,
    );
    expect((await noToken.listFiles()).map((file) => file.path)).toContain('config.json');
    expect(Buffer.from((await noToken.readFile('README.md')).bytes).toString()).toContain('# Gated Model');
    const locked = await failure(noToken.readFile('config.json'));
    expect(locked.code).toBe('ERR_SOURCE_UNAVAILABLE');
    expect(locked.message).toMatch(/access denied \(401\): the model is gated or private.*HF_TOKEN/);

    const denied = await openHfPack(GATED, options({ env: { HF_TOKEN: 'hf_without_access' } }));
    const deniedRead = await failure(denied.readFile('config.json'));
    expect(deniedRead.code).toBe('ERR_SOURCE_UNAVAILABLE');
    expect(deniedRead.message).toMatch(/access denied \(403\): the model is gated or private.*HF_TOKEN/);

    const granted = await openHfPack(GATED, options({ env: { HF_TOKEN: GRANTED } }));
    expect(Buffer.from((await granted.readFile('config.json')).bytes).toString()).toContain('{');
    expect(
      downloads()
        .filter((request) => request.path.includes('config.json') && request.authorization)
        .every((request) => request.authorization?.startsWith('Bearer hf_')),
    ).toBe(true);
  });

  it('takes the endpoint from HF_ENDPOINT', async () => {
    const pack = await openHfPack(OPEN, { ...options(), endpoint: undefined, env: { HF_ENDPOINT: hub.url } });
    expect(pack.source.url).toBe(`${hub.url}/aperture-fixtures/open-model`);
  });

  it('waits as Retry-After asks on 429, then succeeds', async () => {
    hub.faults.push({
      match: /\/revision\//,
      status: 429,
      headers: { 'Retry-After': '2' },
      body: JSON.stringify({ error: 'rate limited' }),
      times: 1,
    });
    const pack = await openHfPack(OPEN, options());
    expect(pack.source.revision).toBe(OPEN_SHA);
    expect(waits).toEqual([2000]);
    expect(hub.requests.filter((request) => request.path.includes('/revision/'))).toHaveLength(2);
  });

  it('backs off exponentially on 5xx and gives up with ERR_SOURCE_UNAVAILABLE', async () => {
    hub.faults.push({ match: /\/revision\//, status: 500 });
    const error = await failure(openHfPack(OPEN, options({ maxAttempts: 3 })));
    expect(error.code).toBe('ERR_SOURCE_UNAVAILABLE');
    expect(error.message).toMatch(/answered 500 after 3 attempts; try again later/);
    expect(waits).toEqual([10, 20]);
    expect(hub.requests).toHaveLength(3);
  });

  it('gives up at once when Retry-After asks for more than it will wait', async () => {
    hub.faults.push({ match: /\/revision\//, status: 503, headers: { 'Retry-After': '3600' } });
    const error = await failure(openHfPack(OPEN, options()));
    expect(error.message).toMatch(/answered 503 and asks to wait 3600 s after 1 attempt/);
    expect(waits).toEqual([]);
  });

  it('retries network errors and then says the endpoint is unreachable', async () => {
    const closed = await startHubReplayServer();
    const endpoint = closed.url;
    await closed.close();
    const error = await failure(openHfPack(OPEN, options({ endpoint, maxAttempts: 2 })));
    expect(error.code).toBe('ERR_SOURCE_UNAVAILABLE');
    expect(error.message).toMatch(
      /^cannot reach http:\/\/127\.0\.0\.1:\d+ after 2 attempts \(ECONNREFUSED\)/,
    );
    expect(waits).toEqual([10]);
  });

  it('times out a request that gets no answer', async () => {
    hub.faults.push({ match: /\/revision\//, hang: true });
    const error = await failure(openHfPack(OPEN, options({ timeoutMs: 200, maxAttempts: 1 })));
    expect(error.code).toBe('ERR_SOURCE_UNAVAILABLE');
    expect(error.message).toMatch(/after 1 attempt \(no answer within 0\.2 s\)/);
  });

  it('refuses to follow the Hub to any other origin', async () => {
    const elsewhere = await startHubReplayServer();
    try {
      hub.faults.push({
        match: /\/resolve\/.*README\.md/,
        status: 302,
        headers: { Location: `${elsewhere.url}/steal` },
      });
      const pack = await openHfPack(OPEN, options());
      const error = await failure(pack.readFile('README.md'));
      expect(error.code).toBe('ERR_SOURCE_UNAVAILABLE');
      expect(error.message).toContain(`refused a request to ${elsewhere.url}`);
      expect(elsewhere.requests).toEqual([]);
    } finally {
      await elsewhere.close();
    }
  });
});
