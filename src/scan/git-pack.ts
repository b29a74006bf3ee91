import { mkdtemp, rm } from 'node:fs/promises';
import { isIP } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ApertureError } from '../errors.ts';
import { assertPublicDestination, type DestinationOptions, isAllowedHost } from '../util/index.ts';
import { openFolderPack } from './folder-pack.ts';
import { type GitTarget, parseGitTarget } from './git-url.ts';
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
  /**
   * Check the destination before git starts, for servers that clone what a client names: only https://
   * URLs (http:// for a host on `allowHosts`), the host must pass assertPublicDestination (no loopback,
   * private or link-local address), and git connects only to the addresses that check resolved
   * (`http.curloptResolve`) and follows no redirects, so a DNS change after the check cannot reach an
   * internal address. Refusals are ERR_DESTINATION_REFUSED.
   */
  destination?: DestinationOptions;
}

const DEFAULT_TIMEOUT_MS = 5 * 60 * 1000;
const COMMIT_SHA = /^([0-9a-f]{40}|[0-9a-f]{64})$/i;

/**
 * Checks a git URL's destination and returns the git settings that hold the clone to it: the checked
 * addresses for the host and port (curl's resolve list) and no redirects.
 */
async function pinnedDestination(git: GitTarget, destination: DestinationOptions): Promise<string[]> {
  const url = /^https?:\/\//i.test(git.url) ? new URL(git.url) : undefined;
  const allowed = url !== undefined && isAllowedHost(url, destination.allowHosts ?? []);
  if (url === undefined || (url.protocol === 'http:' && !allowed)) {
    throw new ApertureError(
      'ERR_DESTINATION_REFUSED',
      `${git.display}: refused: only https:// git URLs are cloned here (http:// only for a host in APERTURE_ALLOW_HOSTS)`,
    );
  }
  const { addresses } = await assertPublicDestination(url, destination);
  const settings = ['http.followRedirects=false'];
  const host = url.hostname;
  // An IP literal is not resolved; a name is resolved by curl from this list only.
  if (isIP(host.replace(/^\[(.*)\]$/, '$1')) === 0) {
    const port = url.port || (url.protocol === 'https:' ? '443' : '80');
    const list = addresses.map((address) => (isIP(address) === 6 ? `[${address}]` : address)).join(',');
    settings.push(`http.curloptResolve=${host}:${port}:${list}`);
  }
  return settings;
}

/**
 * Opens a git URL (`https`, `http`, `ssh`, `git`, `file` or `user@host:path`, optionally `#ref`) as a
 * pack: the URL and ref are validated before any process starts (and, with `destination`, the host; see
 * GitOptions), then git makes a shallow clone into a temporary folder, with no hooks and no prompts.
 * The resolved commit becomes `source.revision`; `close()` deletes the clone.
 *
 * @example
 * const pack = await openGitPack('https://github.com/org/model.git#v1.0');
 * console.log(pack.source.revision);
 */
export async function openGitPack(target: string, options: GitOptions = {}): Promise<Pack> {
  const git = parseGitTarget(target);
  const config = options.destination ? await pinnedDestination(git, options.destination) : [];
  const run = { binary: options.gitBinary, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, config };
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
