import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveCommand } from '../src/cli/serve-command.ts';
import { recordingIo, runCli } from '../src/cli/test-support/recording-io.ts';
import { openDatabase } from '../src/store/index.ts';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'aperture-serve-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('aperture serve', () => {
  it('migrates, loads the public data snapshot, prints the URL, serves, and closes on shutdown', async () => {
    const io = recordingIo({ cwd: dir });
    const file = path.join(dir, 'serve.db');
    const seen: { health?: unknown; total?: number } = {};
    const command = serveCommand(io, {
      waitForShutdown: async (url) => {
        seen.health = await (await fetch(`${url}/api/health`)).json();
        seen.total = (
          (await (await fetch(`${url}/api/models?source=epoch`)).json()) as { total: number }
        ).total;
      },
    }).exitOverride();
    await command.parseAsync(['--port', '0', '--db', file, '--demo', '--log-level', 'silent'], {
      from: 'user',
    });
    expect(io.out()).toMatch(/Aperture is serving http:\/\/127\.0\.0\.1:\d+ /);
    expect(io.out()).toMatch(/loaded the public data snapshot: epoch \d+ records/);
    expect(io.out()).toContain('stopping');
    expect(seen.health).toMatchObject({ status: 'ok', dialect: 'sqlite' });
    expect(seen.total).toBeGreaterThan(0);
    // The database was closed and is usable by another handle.
    const store = await openDatabase({ file, env: {} });
    try {
      const row = await store.db
        .selectFrom('models')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('source', '=', 'epoch')
        .executeTakeFirstOrThrow();
      expect(Number(row.count)).toBe(seen.total);
    } finally {
      await store.close();
    }
    // A second start finds the same snapshot loaded and skips it: no new import run.
    const again = recordingIo({ cwd: dir });
    await serveCommand(again, { waitForShutdown: async () => undefined })
      .exitOverride()
      .parseAsync(['--port', '0', '--db', file, '--demo', '--log-level', 'silent'], { from: 'user' });
    expect(again.out()).toContain('the public data snapshot is loaded already');
    const reopened = await openDatabase({ file, env: {} });
    try {
      const runs = await reopened.db.selectFrom('import_runs').select(['kind', 'status']).execute();
      expect(runs.map((run) => run.kind).sort()).toEqual(['epoch', 'fmti', 'mot', 'osai']);
      expect(runs.every((run) => run.status === 'finished')).toBe(true);
    } finally {
      await reopened.close();
    }
  });

  it('fails with one line and exit 2 when the port is in use', async () => {
    const busy: Server = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const { port } = busy.address() as { port: number };
    try {
      const result = await runCli(
        ['serve', '--port', String(port), '--db', path.join(dir, 'busy.db'), '--log-level', 'silent'],
        { cwd: dir },
      );
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        `aperture: port ${port} on 127.0.0.1 is in use (EADDRINUSE); pick another with --port\n`,
      );
    } finally {
      await new Promise((resolve) => busy.close(resolve));
    }
  });

  it('refuses a port that is not a number', async () => {
    const result = await runCli(['serve', '--port', 'http', '--db', path.join(dir, 'x.db')], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--port takes a number from 0 to 65535');
  });

  it('documents itself in --help, with its exit codes', async () => {
    const result = await runCli(['serve', '--help'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--demo');
    expect(result.stdout).toContain('port is in use');
    expect(result.stdout).toContain('APERTURE_ADMIN_TOKEN under 32 characters');
  });

  it('refuses to start with an admin token under 32 characters, before it opens the database', async () => {
    const file = path.join(dir, 'short-token.db');
    for (const [token, length] of [
      ['x', '1 character'],
      ['a'.repeat(31), '31 characters'],
      ['é'.repeat(31), '31 characters'],
    ] as const) {
      const result = await runCli(['serve', '--port', '0', '--db', file, '--log-level', 'silent'], {
        cwd: dir,
        env: { APERTURE_ADMIN_TOKEN: token },
      });
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        `aperture: APERTURE_ADMIN_TOKEN is too short (${length}); an admin token needs at least 32 so that it cannot be guessed (make one with: openssl rand -hex 32), or unset it to turn the admin routes off\n`,
      );
    }
    expect(existsSync(file)).toBe(false);
  });

  it('refuses an admin token that holds a space, which no Authorization header could carry', async () => {
    const result = await runCli(['serve', '--port', '0', '--db', path.join(dir, 'x.db')], {
      cwd: dir,
      env: { APERTURE_ADMIN_TOKEN: `${'a'.repeat(20)} ${'b'.repeat(20)}` },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'aperture: APERTURE_ADMIN_TOKEN holds a space or a control character, which no Authorization header can carry; make one with: openssl rand -hex 32\n',
    );
  });

  it('serves the admin routes with a token of 32 characters', async () => {
    const io = recordingIo({ cwd: dir, env: { APERTURE_ADMIN_TOKEN: 't'.repeat(32) } });
    let status: number | undefined;
    const command = serveCommand(io, {
      waitForShutdown: async (url) => {
        status = (
          await fetch(`${url}/api/arena/teams`, {
            method: 'POST',
            headers: { authorization: `Bearer ${'t'.repeat(32)}`, 'content-type': 'application/json' },
            body: JSON.stringify({ slug: 'crows' }),
          })
        ).status;
      },
    }).exitOverride();
    await command.parseAsync(
      ['--port', '0', '--db', path.join(dir, 'long-token.db'), '--log-level', 'silent'],
      {
        from: 'user',
      },
    );
    expect(status).toBe(201);
  });
});
