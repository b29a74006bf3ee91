import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostLookup } from '../util/index.ts';
import { openGitPack } from './git-pack.ts';
import { type GitHttpServer, startGitHttpServer } from './test-support/git-http-server.ts';
import { type TempGitRepo, tempGitRepo } from './test-support/temp-git-repo.ts';

let repo: TempGitRepo;
let work: string;

beforeAll(async () => {
  repo = await tempGitRepo({
    files: { 'README.md': '# Model', 'release-pack.yaml': 'spec: x\n', 'code/train.py': 'print(1)\n' },
    branches: { next: { 'CHANGELOG.md': 'next\n' } },
    tag: 'v1.0',
  });
  work = await mkdtemp(path.join(os.tmpdir(), 'aperture-git-test-'));
});

afterAll(async () => {
  await repo.remove();
  await rm(work, { recursive: true, force: true });
});

async function paths(target: string): Promise<{ files: string[]; revision?: string }> {
  const pack = await openGitPack(target, { tempDir: work });
  try {
    return { files: (await pack.listFiles()).map((file) => file.path), revision: pack.source.revision };
  } finally {
    await pack.close();
  }
}

describe('openGitPack', () => {
  it('clones a repository shallowly and records the commit', async () => {
    const pack = await openGitPack(repo.url, { tempDir: work });
    expect(pack.source).toEqual({ kind: 'git', ref: repo.url, revision: repo.sha });
    expect((await pack.listFiles()).map((file) => file.path)).toEqual([
      'README.md',
      'code/train.py',
      'release-pack.yaml',
    ]);
    expect(Buffer.from((await pack.readFile('README.md')).bytes).toString()).toBe('# Model');
    expect(await readdir(work)).toHaveLength(1);
    await pack.close();
    expect(await readdir(work)).toEqual([]);
  });

  it('checks out a branch, a tag or a commit given after #', async () => {
    expect(await paths(`${repo.url}#next`)).toEqual({
      files: ['CHANGELOG.md', 'README.md', 'code/train.py', 'release-pack.yaml'],
      revision: repo.branches.next,
    });
    expect((await paths(`${repo.url}#v1.0`)).revision).toBe(repo.sha);
    expect((await paths(`${repo.url}#${repo.branches.next}`)).revision).toBe(repo.branches.next);
  });

  it('reports a missing repository or ref with git’s first error line', async () => {
    await expect(openGitPack('file:///nonexistent/aperture/repo', { tempDir: work })).rejects.toMatchObject({
      code: 'ERR_SOURCE_UNAVAILABLE',
      message: expect.stringMatching(
        /^git clone of file:\/\/\/nonexistent\/aperture\/repo failed: fatal: .*repository/,
      ),
    });
    await expect(openGitPack(`${repo.url}#no-such-branch`, { tempDir: work })).rejects.toMatchObject({
      code: 'ERR_SOURCE_UNAVAILABLE',
      message: expect.stringMatching(/no-such-branch not found/),
    });
    expect(await readdir(work)).toEqual([]);
  });

  it('validates the URL before starting any process', async () => {
    // With a git that does not exist, only validation can answer: ERR_GIT_URL, not ERR_TOOL_MISSING.
    for (const target of ['--upload-pack=touch /tmp/x', 'ext::sh -c touch% /tmp/pwned', 'file:///x;rm']) {
      await expect(openGitPack(target, { gitBinary: '/nonexistent/git' })).rejects.toMatchObject({
        code: 'ERR_GIT_URL',
      });
    }
  });

  it('says git is missing when it is', async () => {
    await expect(
      openGitPack(repo.url, { gitBinary: '/nonexistent/git', tempDir: work }),
    ).rejects.toMatchObject({
      code: 'ERR_TOOL_MISSING',
    });
    expect(await readdir(work)).toEqual([]);
  });

  it('stops a git that hangs', async () => {
    const slowGit = path.join(work, '..', `slow-git-${process.pid}.sh`);
    await writeFile(slowGit, '#!/bin/sh\nsleep 30\n');
    await chmod(slowGit, 0o755);
    try {
      await expect(
        openGitPack(repo.url, { gitBinary: slowGit, timeoutMs: 300, tempDir: work }),
      ).rejects.toMatchObject({
        code: 'ERR_SOURCE_UNAVAILABLE',
        message: expect.stringMatching(/timed out/),
      });
    } finally {
      await rm(slowGit, { force: true });
    }
  });

  it('runs no hooks, even ones the user configuration or templates would install', async () => {
    const home = path.join(work, '..', `aperture-home-${process.pid}`);
    const hooks = path.join(home, 'hooks');
    const templates = path.join(home, 'templates', 'hooks');
    const marker = path.join(home, 'hook-ran');
    await mkdir(hooks, { recursive: true });
    await mkdir(templates, { recursive: true });
    const hook = `#!/bin/sh\ntouch '${marker}'\n`;
    for (const dir of [hooks, templates]) {
      await writeFile(path.join(dir, 'post-checkout'), hook);
      await chmod(path.join(dir, 'post-checkout'), 0o755);
    }
    await writeFile(
      path.join(home, '.gitconfig'),
      `[core]\n\thooksPath = ${hooks}\n[init]\n\ttemplateDir = ${path.dirname(templates)}\n`,
    );
    const savedHome = process.env.HOME;
    process.env.HOME = home;
    try {
      // The trap works: a plain clone with this configuration runs the hook.
      execFileSync('git', ['clone', '--quiet', repo.url, path.join(home, 'plain')], {
        env: { ...process.env, HOME: home, GIT_CONFIG_NOSYSTEM: '1' },
      });
      expect(existsSync(marker)).toBe(true);
      await rm(marker);
      expect((await paths(repo.url)).revision).toBe(repo.sha);
      expect((await paths(`${repo.url}#${repo.sha}`)).revision).toBe(repo.sha);
      expect(existsSync(marker)).toBe(false);
    } finally {
      process.env.HOME = savedHome;
      await rm(home, { recursive: true, force: true });
    }
  });
});

describe('openGitPack with destination checks', () => {
  let server: GitHttpServer;
  // Made-up names: real DNS cannot answer them, so a clone that works was pinned to the checked address.
  const lookup: HostLookup = async (host) => {
    if (host === 'git.mirror.example') return [{ address: '127.0.0.1', family: 4 }];
    if (host === 'git.public.example') return [{ address: '93.184.215.14', family: 4 }];
    throw new Error(`getaddrinfo ENOTFOUND ${host}`);
  };

  beforeAll(async () => {
    server = await startGitHttpServer({
      repos: { model: repo.dir },
      redirects: { moved: '/model' },
    });
  });
  afterAll(() => server.close());

  const port = () => server.port;

  it('clones from a host on the allowlist, over http too', async () => {
    const pack = await openGitPack(`${server.url}model.git`, {
      tempDir: work,
      destination: { allowHosts: ['127.0.0.1'], lookup },
    });
    try {
      expect(pack.source.revision).toBe(repo.sha);
      expect((await pack.listFiles()).map((file) => file.path)).toContain('release-pack.yaml');
    } finally {
      await pack.close();
    }
    expect(server.requests.some((request) => request.path.startsWith('/model.git/info/refs'))).toBe(true);
  });

  it('pins git to the address the check resolved (http.curloptResolve)', async () => {
    const pack = await openGitPack(`http://git.mirror.example:${port()}/model.git#${repo.sha}`, {
      tempDir: work,
      destination: { allowHosts: ['git.mirror.example'], lookup },
    });
    try {
      expect(pack.source.revision).toBe(repo.sha);
    } finally {
      await pack.close();
    }
  });

  it.each([
    ['https://127.0.0.1:PORT/model.git'],
    ['https://[::1]:PORT/model.git'],
    ['https://2130706433:PORT/model.git'],
    ['https://0x7f.1:PORT/model.git'],
    ['https://localhost:PORT/model.git'],
    ['https://git.mirror.example:PORT/model.git'],
  ])('refuses %s with the uniform message, before git connects', async (template) => {
    const before = server.connections();
    const target = template.replace('PORT', String(port()));
    const error = await openGitPack(target, { tempDir: work, destination: { lookup } }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({
      code: 'ERR_DESTINATION_REFUSED',
      message: expect.stringMatching(
        /^https:\/\/\S+\/model\.git: refused: Aperture does not connect to loopback, private, link-local, unique-local or multicast addresses \(APERTURE_ALLOW_HOSTS allows an internal mirror\)$/,
      ),
    });
    expect(server.connections()).toBe(before);
    expect(await readdir(work)).toEqual([]);
  });

  it('refuses http:// for a host that is not allowlisted, and ssh, git and file URLs, before any process', async () => {
    const before = server.connections();
    for (const target of [
      `${server.url}model.git`,
      'http://git.public.example/model.git',
      'ssh://git@git.public.example/org/model.git',
      'git@git.public.example:org/model.git',
      'git://git.public.example/model.git',
      repo.url,
    ]) {
      await expect(
        openGitPack(target, { gitBinary: '/nonexistent/git', destination: { lookup } }),
      ).rejects.toMatchObject({
        code: 'ERR_DESTINATION_REFUSED',
        message: expect.stringContaining('only https://'),
      });
    }
    expect(server.connections()).toBe(before);
  });

  it('does not follow a redirect, even to an allowed host', async () => {
    const before = server.requests.length;
    await expect(
      openGitPack(`${server.url}moved.git`, {
        tempDir: work,
        destination: { allowHosts: ['127.0.0.1'], lookup },
      }),
    ).rejects.toMatchObject({ code: 'ERR_SOURCE_UNAVAILABLE' });
    // The server answered 302 to /model/info/refs…; git did not go there.
    expect(server.requests.slice(before).map((request) => request.path)).toEqual([
      '/moved.git/info/refs?service=git-upload-pack',
    ]);
  });

  it('hides the password of a refused URL', async () => {
    const error = await openGitPack('https://user:s3cret@10.0.0.1/model.git', {
      destination: { lookup },
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ERR_DESTINATION_REFUSED' });
    expect((error as Error).message).not.toContain('s3cret');
  });
});
