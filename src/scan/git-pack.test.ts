import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openGitPack } from './git-pack.ts';
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
