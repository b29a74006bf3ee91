import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/test-support/recording-io.ts';
import { buildTarGz, type TarEntrySpec } from '../src/scan/test-support/build-tar.ts';
import { buildZip, type ZipEntrySpec } from '../src/scan/test-support/build-zip.ts';

/** End to end through `main`: every hostile input ends in a documented exit code and one line on stderr. */

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

let work: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'aperture-hostile-'));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

function run(...args: string[]): Promise<Run> {
  return runCli(args, { cwd: work, env: { NO_COLOR: '1' } });
}

/** Exit code 2 (unless said otherwise), exactly one `aperture: …` line on stderr, no stack trace. */
function expectRefusal(result: Run, pattern: RegExp, code = 2): void {
  expect(result.code, result.stderr).toBe(code);
  const lines = result.stderr.split('\n').filter(Boolean);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^aperture: /);
  expect(lines[0]).toMatch(pattern);
  expect(result.stderr).not.toMatch(/^\s+at /m);
}

async function packWith(name: string, files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = path.join(work, name);
  await mkdir(dir, { recursive: true });
  for (const [file, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), content);
  }
  return dir;
}

async function tarArchive(name: string, entries: TarEntrySpec[]): Promise<string> {
  const file = path.join(work, name);
  await writeFile(file, buildTarGz(entries));
  return file;
}

async function zipArchive(name: string, entries: ZipEntrySpec[]): Promise<string> {
  const file = path.join(work, name);
  await writeFile(file, buildZip(entries));
  return file;
}

const MANIFEST_HEAD =
  'spec: aperture.dev/release-pack/v1\nmodel:\n  name: hostile\n  organization: Test Lab\n';

describe('hostile manifests', () => {
  it('refuses a YAML alias bomb', async () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const previous = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const dir = await packWith('alias-bomb', { 'release-pack.yaml': `${levels.join('\n')}\n` });
    expectRefusal(await run('check', dir, '--json'), /release-pack\.yaml: .*alias/i);
  });

  it('refuses a manifest over 1 MiB', async () => {
    const dir = await packWith('huge', {
      'release-pack.yaml': `${MANIFEST_HEAD}note: "${'a'.repeat(1024 * 1024 + 10)}"\n`,
    });
    expectRefusal(await run('check', dir, '--json'), /release-pack\.yaml: larger than 1 MiB/);
  });

  it('refuses a manifest nested 10,000 levels deep', async () => {
    const dir = await packWith('deep', {
      'release-pack.yaml': `x: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`,
    });
    expectRefusal(await run('check', dir, '--json'), /release-pack\.yaml:1: nesting deeper than \d+ levels/);
  });

  it('refuses a manifest that is not UTF-8', async () => {
    const latin1 = Buffer.from(`${MANIFEST_HEAD}  note: caf\xe9 cr\xe8me\n`, 'latin1');
    const dir = await packWith('latin1', { 'release-pack.yaml': latin1 });
    expectRefusal(await run('check', dir, '--json'), /release-pack\.yaml: not valid UTF-8/);
  });

  it('flags component locations outside the pack and never reads them', async () => {
    const secret = `secret-${randomBytes(8).toString('hex')}`;
    const outside = path.join(work, 'outside-secret.txt');
    await writeFile(outside, secret);
    const dir = await packWith('escaping-locations', {
      'release-pack.yaml': `${MANIFEST_HEAD}components:\n  model-card:\n    status: released\n    location: ../outside-secret.txt\n  training-code:\n    status: released\n    location: ${outside}\n  safety-notes:\n    status: released\n    location: ../../etc/passwd\n  data-card:\n    status: released\n    location: /etc/passwd\n`,
      'README.md': '# Hostile\n',
    });
    const result = await run('check', dir, '--json');
    expect(result.code, result.stderr).toBe(0);
    for (const location of ['../outside-secret.txt', outside, '../../etc/passwd', '/etc/passwd']) {
      expect(result.stdout).toContain(`${JSON.stringify(location).slice(1, -1)}\\" points outside the pack`);
    }
    expect(result.stdout).not.toContain(secret);
    expect(result.stdout).not.toMatch(/root:x?:0:0/);
  });
});

describe('hostile folders', () => {
  it('checks a folder whose links point outside without ever reading their targets', async () => {
    const secret = `secret-${randomBytes(8).toString('hex')}`;
    const outside = path.join(work, 'link-target-secret.md');
    await writeFile(outside, `# Card\n\n${secret}\n`);
    const dir = await packWith('linked', { LICENSE: 'MIT License\n' });
    await symlink(outside, path.join(dir, 'README.md'));
    await mkdir(path.join(dir, 'docs'));
    await symlink('../../link-target-secret.md', path.join(dir, 'docs', 'model-card.md'));
    const result = await run('check', dir, '--json');
    expect(result.code, result.stderr).toBe(0);
    // One target: the JSON report is a single object.
    const report = JSON.parse(result.stdout) as { warnings: string[]; files: { count: number } };
    expect(report.warnings).toEqual(
      expect.arrayContaining([
        'README.md: symbolic link points outside the pack; skipped',
        'docs/model-card.md: symbolic link points outside the pack; skipped',
      ]),
    );
    expect(report.files.count).toBe(1);
    expect(result.stdout).not.toContain(secret);
    expect(result.stderr).not.toContain(secret);
  });
});

describe('hostile archives', () => {
  const escaped = () => path.join(work, 'escaped.txt');

  it.each([
    [
      'tar.gz with ..',
      () => tarArchive('dotdot.tar.gz', [{ path: '../escaped.txt', content: 'x' }]),
      /"\.\.\/escaped\.txt" climbs out/,
    ],
    [
      'zip with ..',
      () => zipArchive('dotdot.zip', [{ name: '../escaped.txt', content: 'x' }]),
      /"\.\.\/escaped\.txt" climbs out/,
    ],
    [
      'tar.gz with an absolute path',
      () => tarArchive('absolute.tar.gz', [{ path: path.join(work, 'escaped.txt'), content: 'x' }]),
      /is an absolute path; refused/,
    ],
    [
      'zip with an absolute path',
      () => zipArchive('absolute.zip', [{ name: path.join(work, 'escaped.txt'), content: 'x' }]),
      /is an absolute path; refused/,
    ],
    [
      'tar.gz with a link escaping the sandbox',
      () =>
        tarArchive('link.tar.gz', [
          { path: 'README.md', type: 'SymbolicLink', linkpath: '../../../etc/passwd' },
        ]),
      /"README\.md" is a link to .*outside the archive/,
    ],
    [
      'tar.gz with an absolute link',
      () =>
        tarArchive('abslink.tar.gz', [{ path: 'README.md', type: 'SymbolicLink', linkpath: '/etc/passwd' }]),
      /"README\.md" is a link to the absolute path "\/etc\/passwd"/,
    ],
    [
      'zip with a link escaping the sandbox',
      () => zipArchive('link.zip', [{ name: 'README.md', content: '../../etc/passwd', mode: 0o120777 }]),
      /"README\.md" is a link to .*outside the archive/,
    ],
  ])('refuses a %s', async (_name, build, pattern) => {
    const file = await build();
    expectRefusal(await run('check', file, '--json'), pattern);
    expect(existsSync(escaped())).toBe(false);
  });
});

describe('hostile git URLs and ids', () => {
  it.each([
    (marker: string) => `--upload-pack=touch ${marker}`,
    (marker: string) => `ext::sh -c touch% ${marker}`,
    (marker: string) => `-oProxyCommand=touch ${marker}`,
    (marker: string) => `ssh://-oProxyCommand=touch%20${marker}/repo`,
    () => 'file:///x;rm',
    () => 'file:///x%0aecho',
  ])('refuses %s without running anything', async (target) => {
    const marker = path.join(work, `pwned-${randomBytes(4).toString('hex')}`);
    // `--` so that commander hands the text over as a target instead of reading it as an option.
    const result = await run('check', '--json', '--', target(marker));
    expectRefusal(result, /./);
    expect(existsSync(marker)).toBe(false);
  });

  it('refuses a Hub id that tries to climb out', async () => {
    expectRefusal(await run('check', 'hf:../../etc/passwd', '--json'), /refused/);
  });
});
