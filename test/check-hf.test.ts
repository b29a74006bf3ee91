import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckReport } from '../src/checker/index.ts';
import { main } from '../src/cli/main.ts';
import { recordingIo } from '../src/cli/test-support/recording-io.ts';
import { type HubReplayServer, startHubReplayServer } from './support/hub-replay-server.ts';

// `aperture check hf:…` and `aperture init --from hf:…` end to end, against the local Hub replay server.
let server: HubReplayServer;
let tmp: string;
const saved = { ...process.env };

function fakeIo() {
  const io = recordingIo({ env: process.env });
  return { io, out: io.out, err: io.err };
}

beforeAll(async () => {
  server = await startHubReplayServer();
  tmp = await mkdtemp(path.join(os.tmpdir(), 'aperture-check-hf-'));
  process.env.HF_ENDPOINT = server.url;
  process.env.APERTURE_CACHE_DIR = path.join(tmp, 'cache');
  delete process.env.HF_TOKEN;
});

afterAll(async () => {
  process.env = saved;
  await server.close();
  await rm(tmp, { recursive: true, force: true });
});

describe('aperture check hf:org/name', () => {
  it('profiles a Hub model from its card, file list and LFS ids, marking every rating inferred', async () => {
    const { io, out, err } = fakeIo();
    const code = await main(
      ['check', 'hf:aperture-fixtures/open-model', '--json', '--as-of', '2026-06-01'],
      io,
    );
    expect(err()).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(out()) as CheckReport;
    expect(report.profile.source).toMatchObject({ kind: 'hf', ref: 'hf:aperture-fixtures/open-model' });
    expect(report.profile.source.revision).toMatch(/^[0-9a-f]{40}$/);
    expect(report.profile.inferred).toBe(true);
    const weights = report.profile.components.find((component) => component.id === 'final-parameters')!;
    expect(weights).toMatchObject({ rating: 'open', inferred: true });
    expect(weights.license.expression).toBe('Apache-2.0');
    const datasets = report.profile.components.find((component) => component.id === 'training-datasets')!;
    expect(datasets).toMatchObject({ status: 'released', verification: 'linked-unverified' });
    expect(report.checks.find((check) => check.id === 'eval-results-machine-readable')!.score).toBe(10);
    expect(report.profile.score).toBeGreaterThan(20);
    // Weight shards were listed, never downloaded.
    expect(
      server.requests.some((request) => request.path.includes('.safetensors') && request.method === 'GET'),
    ).toBe(false);
  });

  it('gates a Hub model like any other release', async () => {
    const { io, out } = fakeIo();
    const code = await main(['check', 'hf:aperture-fixtures/open-model', '--require-class', 'II'], io);
    expect(code).toBe(1);
    expect(out()).toContain('does not meet class II');
  });

  it('says a missing model is not found, in one line, exit 2', async () => {
    const { io, err } = fakeIo();
    expect(await main(['check', 'hf:aperture-fixtures/no-such-model'], io)).toBe(2);
    expect(err().trim().split('\n')).toHaveLength(1);
    expect(err()).toMatch(/^aperture: /);
  });

  it('pre-fills a manifest from a Hub model with init --from', async () => {
    const { io, err } = fakeIo();
    const dir = path.join(tmp, 'from-hub');
    expect(await main(['init', dir, '--from', 'hf:aperture-fixtures/open-model'], io)).toBe(0);
    expect(err()).toBe('');
    const manifest = await readFile(path.join(dir, 'release-pack.yaml'), 'utf8');
    expect(manifest).toContain('final-parameters:');
    expect(manifest).toContain('# inferred:');
    const validate = fakeIo();
    expect(await main(['validate', dir], validate.io)).toBe(0);
  });
});
