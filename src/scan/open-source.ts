import { stat } from 'node:fs/promises';
import { ApertureError } from '../errors.ts';
import { openArchivePack } from './archive-pack.ts';
import { openFolderPack } from './folder-pack.ts';
import { type GitOptions, openGitPack } from './git-pack.ts';
import { type HfOptions, openHfPack } from './hf-pack.ts';
import type { Pack } from './pack.ts';

/** What kind of source a target names, judged from its text alone. */
export type SourceKind = 'hf' | 'git' | 'archive' | 'path';

const ARCHIVE = /\.(tar\.gz|tgz|zip)$/i;
// A scheme is case-insensitive (RFC 3986 §3.1): HTTPS://host/repo is a URL, not a folder named HTTPS:.
const GIT_URL = /^(https?|ssh|git|file):\/\/|^[\w.-]+@[\w.-]+:/i;
// Option-like text and git's `transport::address` syntax go to the git source, which refuses them by name.
const GIT_LOOKALIKE = /^-|^[A-Za-z0-9][\w+.-]*::/;

/** Classifies a target: `hf:org/name`, a git URL, an archive file name or a local path. */
export function classifyTarget(target: string): SourceKind {
  if (target.startsWith('hf:')) return 'hf';
  if (GIT_URL.test(target) || GIT_LOOKALIKE.test(target)) return 'git';
  if (ARCHIVE.test(target)) return 'archive';
  return 'path';
}

/** Options of the network sources, for callers that set limits or a destination rule. */
export interface SourceOptions {
  git?: GitOptions;
  hf?: HfOptions;
}

/**
 * Opens any supported source as a pack: a folder (a local git repo is a folder), a .tar.gz or .zip
 * archive, a git URL, or `hf:org/name[@revision]` (`hf:datasets/org/name` for a dataset). Close the
 * pack when done.
 *
 * @example
 * const pack = await openSource('hf:allenai/OLMo-2-1124-7B');
 */
export async function openSource(target: string, options: SourceOptions = {}): Promise<Pack> {
  if (target.trim() === '')
    throw new ApertureError('ERR_USAGE', 'no release given: name a folder, archive, git URL or hf:org/name');
  switch (classifyTarget(target)) {
    case 'hf':
      return openHfPack(target, options.hf);
    case 'git':
      return openGitPack(target, options.git);
    case 'archive':
      return openArchivePack(target);
    case 'path': {
      const info = await stat(target).catch(() => null);
      if (!info) throw new ApertureError('ERR_NOT_FOUND', `no such file or folder: ${target}`);
      if (info.isFile()) {
        throw new ApertureError(
          'ERR_UNREADABLE',
          `${target}: a file; give the release folder, a .tar.gz or .zip archive, a git URL or hf:org/name`,
        );
      }
      return openFolderPack(target);
    }
  }
}
