import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/*
 * The installable package: `npm pack` of a copy of this checkout (its prepack builds the CLI and the
 * dashboard), installed into an empty folder with npm, then run from there as a user would: `npx aperture
 * check`, and `npx aperture serve --demo` serving the API and the dashboard. The copy keeps the checkout's
 * own dist/ untouched while other tests read it. Dependencies come from npm's cache where CI's `npm ci`
 * left them, else from the registry.
 */

const REPO = path.resolve(import.meta.dirname, '..');
const MINUTES = 60_000;

let work: string;
let installed: string;
let server: ChildProcess | undefined;

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'aperture-npm-pack-'));
  const copy = path.join(work, 'checkout');
  mkdirSync(copy);
  const tracked = run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], REPO)
    .split('\0')
    .filter((file) => file !== '' && existsSync(path.join(REPO, file)));
  for (const file of tracked) {
    mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
    cpSync(path.join(REPO, file), path.join(copy, file));
  }
  symlinkSync(path.join(REPO, 'node_modules'), path.join(copy, 'node_modules'));
  const tarball = run('npm', ['pack', '--silent', '--pack-destination', work], copy)
    .trim()
    .split('\n')
    .at(-1)!;

  installed = path.join(work, 'user');
  mkdirSync(installed);
  run('npm', ['init', '-y'], installed);
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', path.join(work, tarball)], installed);
}, 20 * MINUTES);

afterAll(() => {
  // npx starts the CLI as a child of its own: stop the whole process group.
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
  if (work) rmSync(work, { recursive: true, force: true });
}, 5 * MINUTES);

describe('the npm package', () => {
  it('runs `npx aperture check` on an example from the installed package', () => {
    const example = path.join(installed, 'node_modules', 'aperture', 'examples', 'open-science-pack');
    const report = JSON.parse(
      run('npx', ['--no-install', 'aperture', 'check', example, '--json', '--no-follow'], installed),
    );
    expect(report.reportVersion).toBeDefined();
    expect(report.profile.score).toBeGreaterThan(0);
  });

  it(
    'serves the demo and the dashboard from the installed package',
    async () => {
      const port = await freePort();
      server = spawn(
        'npx',
        [
          '--no-install',
          'aperture',
          'serve',
          '--demo',
          '--port',
          String(port),
          '--db',
          path.join(work, 'demo.db'),
          '--log-level',
          'silent',
        ],
        { cwd: installed, stdio: 'ignore', detached: true },
      );
      const base = `http://127.0.0.1:${port}`;
      let health: Response | undefined;
      for (let attempt = 0; attempt < 600 && !health?.ok; attempt++) {
        health = await fetch(`${base}/api/health`).catch(() => undefined);
        if (!health?.ok) await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(health?.ok).toBe(true);
      const page = await fetch(`${base}/`);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(await page.text()).toMatch(/<script[^>]+type="module"/);
      const models = (await (await fetch(`${base}/api/models?pageSize=1`)).json()) as { total?: number };
      expect(models.total).toBeGreaterThan(0);
    },
    5 * MINUTES,
  );
});
