import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openFolderPack } from './folder-pack.ts';
import { parseGitTarget } from './git-url.ts';
import { withLfsPointers } from './lfs-pointers.ts';
import type { Pack } from './pack.ts';
import { runGit } from './run-git.ts';

/** Options of opening a git source. */
export interface GitOptions {
  /** Milliseconds allowed for each git command; 5 minutes by default. */
  timeoutMs?: number;
  /** The git program; `git` on the PATH by default. */
  gitBinary?: string;
  /** Where to create the clone's folder; the system's temporary folder by default. */
  tempDir?: string;
}

const DEFAULT_TIMEOUT_MS = 5 * 60 * 1000;
const COMMIT_SHA = /^([0-9a-f]{40}|[0-9a-f]{64})$/i;

/**
 * Opens a git URL (`https`, `http`, `ssh`, `git`, `file` or `user@host:path`, optionally `#ref`) as a
 * pack: the URL and ref are validated before any process starts, then git makes a shallow clone into
 * a temporary folder, with no hooks and no prompts. The resolved commit becomes `source.revision`;
 * `close()` deletes the clone.
 *
 * @example
 * const pack = await openGitPack('https://github.com/org/model.git#v1.0');
 * console.log(pack.source.revision);
 */
export async function openGitPack(target: string, options: GitOptions = {}): Promise<Pack> {
  const git = parseGitTarget(target);
  const run = { binary: options.gitBinary, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS };
  const what = `git clone of ${git.display}`;
  const sandbox = await mkdtemp(path.join(options.tempDir ?? os.tmpdir(), 'aperture-git-'));
  const cleanup = () => rm(sandbox, { recursive: true, force: true });
  const dir = path.join(sandbox, 'repo');
  try {
    if (git.ref && COMMIT_SHA.test(git.ref)) {
      // `clone --branch` takes branch and tag names only; a commit is fetched by its id.
      await runGit(['init', '--quiet', '--template=', dir], what, run);
      await runGit(
        ['-C', dir, 'fetch', '--quiet', '--depth', '1', '--no-tags', '--', git.url, git.ref],
        what,
        run,
      );
      await runGit(['-C', dir, 'checkout', '--quiet', '--detach', 'FETCH_HEAD'], what, run);
    } else {
      await runGit(
        [
          'clone',
          '--quiet',
          '--template=',
          '--depth',
          '1',
          '--no-tags',
          '--single-branch',
          ...(git.ref ? ['--branch', git.ref] : []),
          '--',
          git.url,
          dir,
        ],
        what,
        run,
      );
    }
    const revision = (await runGit(['-C', dir, 'rev-parse', 'HEAD'], what, run)).trim();
    const pack = await openFolderPack(
      dir,
      {
        kind: 'git',
        ref: git.ref ? `${git.display}#${git.ref}` : git.display,
        revision,
        ...(git.webUrl ? { url: git.webUrl } : {}),
      },
      undefined,
      cleanup,
    );
    return withLfsPointers(pack);
  } catch (error) {
    await cleanup();
    throw error;
  }
}
