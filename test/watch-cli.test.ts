import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';
import { recordingIo, runCli } from '../src/cli/test-support/recording-io.ts';
import { buildServer } from '../src/server/index.ts';
import { migrateToLatest } from '../src/store/index.ts';
import { forEachDialect } from './support/dialects.ts';
import { type HubReplayServer, startHubReplayServer } from './support/hub-replay-server.ts';
import { parseAtom } from './support/parse-atom.ts';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver.ts';

// `aperture watch …` end to end: the Hub replay server lists two models of aperture-fixtures; three local
// receivers hang, fail with 500 and answer slowly. The run records both releases, answers, and the feed
// shows them, whatever the receivers do.

let hub: HubReplayServer;
let tmp: string;
const receivers: Record<'hanging' | 'failing' | 'slow', WebhookReceiver> = {} as never;
const saved = { ...process.env };

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'aperture-watch-cli-'));
  const listing = (name: string, createdAt: string) => ({
    id: `aperture-fixtures/${name}`,
    author: 'aperture-fixtures',
    createdAt,
    tags: ['license:apache-2.0'],
    cardData: { license: 'apache-2.0' },
  });
  await writeFile(
    path.join(tmp, 'aperture-fixtures.json'),
    JSON.stringify([
      listing('open-model', '2026-01-10T09:00:00.000Z'),
      listing('gated-model', '2026-03-01T09:00:00.000Z'),
    ]),
  );
  // A lab whose one model the Hub does not serve: its check fails, and the release is still reported once.
  await writeFile(
    path.join(tmp, 'ghost-lab.json'),
    JSON.stringify([
      { id: 'ghost-lab/vanished', author: 'ghost-lab', createdAt: '2026-04-01T00:00:00.000Z' },
    ]),
  );
  hub = await startHubReplayServer({ listings: tmp });
  receivers.hanging = await startWebhookReceiver({ kind: 'hang' });
  receivers.failing = await startWebhookReceiver({ kind: 'status', status: 500 });
  receivers.slow = await startWebhookReceiver({ kind: 'slow', delayMs: 200 });
  // The checker reads the Hub through process.env, as `aperture check` does.
  process.env.HF_ENDPOINT = hub.url;
  process.env.APERTURE_CACHE_DIR = path.join(tmp, 'cache');
  delete process.env.HF_TOKEN;
});

afterAll(async () => {
  process.env = saved;
  await Promise.all(Object.values(receivers).map((receiver) => receiver.close()));
  await hub.close();
  await rm(tmp, { recursive: true, force: true });
});

forEachDialect('aperture watch', (ctx) => {
  const cli = (args: string[]) => {
    const { args: dbArgs, env } = ctx.cli();
    return runCli([...args, ...dbArgs], {
      env: { ...process.env, ...env, APERTURE_ALLOW_HOSTS: '127.0.0.1', APERTURE_NO_FOLLOW: '1' },
    });
  };

  it('adds, lists and refuses bad authors, countries and hook URLs in one line each', async () => {
    expect(await cli(['watch', 'add', 'aperture-fixtures', '--country', 'fr'])).toMatchObject({
      code: 0,
      stdout: 'watching aperture-fixtures (country FR)\n',
    });
    expect(await cli(['watch', 'add', 'Aperture-Fixtures', '--organization', 'Fixture Lab'])).toMatchObject({
      code: 0,
      stdout: 'updated aperture-fixtures (organization Fixture Lab, country FR)\n',
    });
    const listed = await cli(['watch', 'list', '--json']);
    expect(JSON.parse(listed.stdout).items).toEqual([
      expect.objectContaining({
        author: 'aperture-fixtures',
        organization: 'Fixture Lab',
        country: 'FR',
        lastRunAt: null,
      }),
    ]);
    for (const args of [
      ['watch', 'add', 'org/name'],
      ['watch', 'add', 'ok-org', '--country', 'XX'],
      ['watch', 'add', 'ok-org', '--since', '2026-02-30'],
      ['watch', 'hooks', 'add', 'http://10.0.0.1/hook'],
      ['watch', 'hooks', 'add', 'ftp://example.org/hook'],
      ['watch', 'hooks', 'add', `${receivers.slow.url}/x`, '--secret', 'short'],
      ['watch', 'hooks', 'add', `${receivers.slow.url}/x`, '--min-score', '101'],
      ['watch', 'run', '--every', '5x'],
      ['watch', 'run', '--hook-timeout', '0'],
      ['watch', 'hooks', 'replay'],
      ['watch', 'remove', 'never-watched'],
    ]) {
      const { code, stderr } = await cli(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(stderr, args.join(' ')).toMatch(/^aperture: /);
    }
  });

  it('finishes a run and updates the feed while receivers hang, fail and dawdle; retries are scheduled', async () => {
    for (const [name, receiver] of Object.entries(receivers)) {
      const added = await cli(['watch', 'hooks', 'add', `${receiver.url}/${name}`, '--json']);
      expect(added.code).toBe(0);
      expect(JSON.parse(added.stdout).secret).toMatch(/^[\w-]{40,}$/);
    }
    const run = await cli(['watch', 'run', '--json', '--hook-timeout', '2']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const { run: result, deliveries } = JSON.parse(run.stdout);
    expect(result.releases.map((release: { repoId: string }) => release.repoId)).toEqual([
      'aperture-fixtures/gated-model',
      'aperture-fixtures/open-model',
    ]);
    expect(result.releases[0].country).toBe('FR');
    expect(result.deliveriesQueued).toBe(6);
    expect(deliveries).toMatchObject({ attempted: 6, delivered: 2, retrying: 4, dead: 0 });
    const failures = deliveries.attempts.filter(
      (attempt: { outcome: { ok: boolean } }) => !attempt.outcome.ok,
    );
    expect(failures.map((attempt: { outcome: { error: string } }) => attempt.outcome.error).sort()).toEqual([
      'no answer within 2000 ms',
      'no answer within 2000 ms',
      'the receiver answered 500',
      'the receiver answered 500',
    ]);

    const store = await ctx.open();
    await migrateToLatest(store);
    const app = await buildServer({
      db: store.db,
      dialect: store.dialect,
      webRoot: path.join(tmp, 'no-web'),
    });
    const feed = parseAtom((await app.inject({ url: '/feed.atom?country=FR' })).body);
    expect(feed.entries.map((entry) => entry.id)).toEqual([
      'tag:aperture.dev,2026:release/aperture-fixtures/gated-model',
      'tag:aperture.dev,2026:release/aperture-fixtures/open-model',
    ]);
    await app.close();

    // The second run reports nothing; the failed deliveries wait for their backoff, so none is due.
    const second = await cli(['watch', 'run']);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('aperture-fixtures: 2 listed, 0 new');
    expect(second.stdout).toContain(
      'no new release; 0 webhook deliveries queued; sent: 0 delivered, 0 to retry, 0 dead',
    );
    const hooks = JSON.parse((await cli(['watch', 'hooks', 'list', '--json'])).stdout).items;
    expect(hooks.map((hook: { deliveries: unknown }) => hook.deliveries)).toEqual([
      { pending: 2, delivered: 0, dead: 0 },
      { pending: 2, delivered: 0, dead: 0 },
      { pending: 0, delivered: 2, dead: 0 },
    ]);
    expect(JSON.stringify(hooks)).not.toContain('secret');
    expect((await cli(['watch', 'hooks', 'dead-letters'])).stdout).toBe('no dead letter\n');
  });
  it('shows progress on a terminal, stays quiet with --json, and reports a release whose check failed once', async () => {
    expect((await cli(['watch', 'add', 'ghost-lab'])).code).toBe(0);
    const { args, env } = ctx.cli();
    const tty = () => {
      const io = recordingIo({ env: { ...process.env, ...env, APERTURE_NO_FOLLOW: '1' } });
      io.stderr.isTTY = true;
      return io;
    };
    const quiet = tty();
    expect(
      await main(['watch', 'run', '--json', '--author', 'ghost-lab', '--no-deliver', ...args], quiet),
    ).toBe(0);
    expect(quiet.err()).toBe('');
    const { run: result } = JSON.parse(quiet.out());
    expect(result.releases).toEqual([
      expect.objectContaining({ repoId: 'ghost-lab/vanished', status: 'check-failed', opennessScore: null }),
    ]);
    expect(result.releases[0].checkError).toMatch(/ghost-lab\/vanished/);

    await (await ctx.open()).db
      .deleteFrom('watch_releases')
      .where('repo_id', '=', 'ghost-lab/vanished')
      .execute();
    const loud = tty();
    expect(await main(['watch', 'run', '--author', 'ghost-lab', '--no-deliver', ...args], loud)).toBe(0);
    expect(loud.err()).toContain('listing the models of ghost-lab');
    expect(loud.err()).toContain('[1/1] checking ghost-lab/vanished');
    expect(loud.out()).toContain('ghost-lab/vanished  not checked:');
    expect(loud.out()).toContain('1 new release');

    const again = await cli(['watch', 'run', '--author', 'ghost-lab', '--hook-timeout', '0.5']);
    expect(again.stdout).toContain('no new release');
    expect((await cli(['watch', 'run', '--author', 'nobody-watched'])).code).toBe(2);
  });
  it('fails one author whose listing is HTML, in one line with exit 3, and still runs the others', async () => {
    hub.faults.push({
      match: /author=ghost-lab/,
      status: 200,
      headers: { 'Content-Type': 'text/html' },
      body: '<html><body>Sign in</body></html>',
      times: 1,
    });
    const run = await cli(['watch', 'run', '--no-deliver']);
    expect(run.code).toBe(3);
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^aperture: ghost-lab: .*not JSON/),
    ]);
    expect(run.stdout).toContain('aperture-fixtures: 2 listed, 0 new');
    const watched = JSON.parse((await cli(['watch', 'list', '--json'])).stdout).items;
    expect(watched.find((item: { author: string }) => item.author === 'ghost-lab').lastError).toMatch(
      /not JSON/,
    );
    // The next run, the Hub answering again, clears the error.
    expect((await cli(['watch', 'run', '--no-deliver'])).code).toBe(0);
  });
});
