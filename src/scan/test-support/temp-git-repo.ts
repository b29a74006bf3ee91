import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A git repository made for a test. */
export interface TempGitRepo {
  /** The working tree. */
  dir: string;
  /** A `file://` URL to clone it through the transport a remote would use. */
  url: string;
  /** The commit of the default branch (`main`). */
  sha: string;
  /** The tip commit of each extra branch. */
  branches: Record<string, string>;
  remove(): Promise<void>;
}

/** What to commit: files on `main`, and optional branches that add files on top of it. */
export interface TempGitRepoSpec {
  files: Record<string, string | Uint8Array>;
  branches?: Record<string, Record<string, string | Uint8Array>>;
  /** A lightweight tag on the `main` commit. */
  tag?: string;
}

async function git(dir: string, ...args: string[]): Promise<string> {
  const { stdout } = await run(
    'git',
    [
      '-c',
      'user.name=Aperture Test',
      '-c',
      'user.email=test@aperture.invalid',
      '-c',
      'commit.gpgsign=false',
      '-c',
      'init.defaultBranch=main',
      '-C',
      dir,
      ...args,
    ],
    { env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' } },
  );
  return stdout.trim();
}

async function writeFiles(dir: string, files: Record<string, string | Uint8Array>): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    const full = path.join(dir, name);
    await mkdir(path.dirname(full), { recursive: true });
    await writeFile(full, content);
  }
}

/**
 * Creates a git repository with the given files committed on `main`, for tests of git sources.
 *
 * @example
 * const repo = await tempGitRepo({ files: { 'README.md': '# Model' } });
 * const pack = await openGitPack(repo.url);
 */
export async function tempGitRepo(spec: TempGitRepoSpec): Promise<TempGitRepo> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'aperture-repo-'));
  await git(dir, 'init', '--quiet');
  await writeFiles(dir, spec.files);
  await git(dir, 'add', '--all');
  await git(dir, 'commit', '--quiet', '--message', 'initial');
  const sha = await git(dir, 'rev-parse', 'HEAD');
  if (spec.tag) await git(dir, 'tag', spec.tag);
  const branches: Record<string, string> = {};
  for (const [branch, files] of Object.entries(spec.branches ?? {})) {
    await git(dir, 'checkout', '--quiet', '-b', branch, 'main');
    await writeFiles(dir, files);
    await git(dir, 'add', '--all');
    await git(dir, 'commit', '--quiet', '--message', `on ${branch}`);
    branches[branch] = await git(dir, 'rev-parse', 'HEAD');
  }
  await git(dir, 'checkout', '--quiet', 'main');
  return {
    dir,
    url: pathToFileURL(dir).href,
    sha,
    branches,
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
