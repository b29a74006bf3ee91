import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { serveCommand } from '../src/cli/serve-command.ts';
import { recordingIo, runCli } from '../src/cli/test-support/recording-io.ts';
import { type HubReplayServer, startHubReplayServer } from './support/hub-replay-server.ts';
import { parseAtom } from './support/parse-atom.ts';

// `aperture serve --watch-interval`: a person who opens the feed sees a new release of a watched lab,
// with its openness, within one interval (the first run starts with the server).

let dir: string;
let hub: HubReplayServer;
const saved = { ...process.env };

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'aperture-watch-serve-'));
  await writeFile(
    path.join(dir, 'aperture-fixtures.json'),
    JSON.stringify([
      {
        id: 'aperture-fixtures/open-model',
        author: 'aperture-fixtures',
        createdAt: '2026-01-10T09:00:00.000Z',
      },
    ]),
  );
  hub = await startHubReplayServer({ listings: dir });
  process.env.HF_ENDPOINT = hub.url;
  process.env.APERTURE_CACHE_DIR = path.join(dir, 'cache');
});

afterAll(async () => {
  process.env = saved;
  await hub.close();
  await rm(dir, { recursive: true, force: true });
});

it('serves the feed and fills it from the watch while serving', async () => {
  const file = path.join(dir, 'serve.db');
  expect((await runCli(['watch', 'add', 'aperture-fixtures', '--country', 'NL', '--db', file])).code).toBe(0);
  const io = recordingIo({ cwd: dir, env: { ...process.env } });
  let entries: ReturnType<typeof parseAtom>['entries'] = [];
  const command = serveCommand(io, {
    waitForShutdown: async (url) => {
      // Polls the feed as a reader would, until the first run has recorded the release (bounded).
      for (let tries = 0; tries < 200 && entries.length === 0; tries++) {
        entries = parseAtom(await (await fetch(`${url}/feed.atom`)).text()).entries;
        if (entries.length === 0) await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  }).exitOverride();
  await command.parseAsync(['--port', '0', '--db', file, '--log-level', 'silent', '--watch-interval', '1h'], {
    from: 'user',
  });
  expect(entries.map((entry) => entry.id)).toEqual([
    'tag:aperture.dev,2026:release/aperture-fixtures/open-model',
  ]);
  expect(entries[0]!.categories).toContain('country:NL');
  expect(entries[0]!.title).toMatch(/openness \d+\/100/);
  expect(io.out()).toContain('release watch: 1 new release(s) of 1 watched author(s)');
  expect(io.out()).toContain('stopping');
});

it('refuses a bad interval before serving', async () => {
  const result = await runCli(['serve', '--watch-interval', 'hourly', '--db', path.join(dir, 'x.db')], {
    cwd: dir,
  });
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(/^aperture: interval "hourly": /);
});
