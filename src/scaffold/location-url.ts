import { parseHfId } from '../hub/index.ts';
import { parseGitTarget } from '../scan/index.ts';
import type { ReleaseLocationSummary } from '../spec/index.ts';

/** The Hub's public address: drafted URLs name it whatever mirror `HF_ENDPOINT` read from. */
const HUB = 'https://huggingface.co';
const GLOB = /[*?[\]{}]/;

/** What a URL is built from: a location as the evidence lists it. */
export type UrlLocation = Pick<ReleaseLocationSummary, 'ref' | 'kind' | 'url'>;

function hubId(ref: string): ReturnType<typeof parseHfId> | null {
  try {
    return parseHfId(ref);
  } catch {
    return null;
  }
}

function gitWeb(location: UrlLocation): { base: string; ref?: string } | null {
  try {
    const target = parseGitTarget(location.ref);
    const base = target.webUrl ?? location.url;
    return base ? { base: base.replace(/\/+$/, ''), ref: target.ref } : null;
  } catch {
    return null;
  }
}

/**
 * The web page of a location read: `https://huggingface.co/org/name` (or `/datasets/org/name`) for a
 * Hub repository, the web URL of an http(s) git repository; null for a local folder or archive, whose
 * published address Aperture cannot know.
 *
 * @example
 * locationWebUrl({ ref: 'hf:datasets/allenai/dolma', kind: 'hf' }) // 'https://huggingface.co/datasets/allenai/dolma'
 * locationWebUrl({ ref: 'https://github.com/org/code.git', kind: 'git' }) // 'https://github.com/org/code'
 */
export function locationWebUrl(location: UrlLocation): string | null {
  if (location.kind === 'hf') {
    const id = hubId(location.ref);
    return id ? `${HUB}/${id.type === 'dataset' ? 'datasets/' : ''}${id.repo}` : null;
  }
  if (location.kind === 'git') return gitWeb(location)?.base ?? null;
  return null;
}

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** The folder a path stands for: itself, or the part before its first glob segment. */
function folderOf(path: string): string {
  const segments = path.replace(/\/+$/, '').split('/');
  const firstGlob = segments.findIndex((segment) => GLOB.test(segment));
  const kept = firstGlob === -1 ? segments : segments.slice(0, firstGlob);
  return kept.filter((segment) => segment !== '' && segment !== '.').join('/');
}

/**
 * The URL of a file or folder (or glob, as its folder) inside a location: the Hub's and GitHub's or
 * GitLab's `blob`/`tree` pages at the revision the location names (else the default branch), the
 * location's page for its root. Null when the location has no web page, or its host's page layout is
 * not known (the caller then names the location's page and the path beside it).
 *
 * @example
 * pathUrl({ ref: 'hf:org/m', kind: 'hf' }, 'model.safetensors', 'file') // 'https://huggingface.co/org/m/blob/main/model.safetensors'
 * pathUrl({ ref: 'https://github.com/org/code', kind: 'git' }, 'src', 'folder') // 'https://github.com/org/code/tree/HEAD/src'
 */
export function pathUrl(location: UrlLocation, path: string, kind: 'file' | 'folder'): string | null {
  const folder = kind === 'folder' || GLOB.test(path) ? folderOf(path) : null;
  const base = locationWebUrl(location);
  if (!base) return null;
  if (folder === '') return base;
  const page = folder === null ? 'blob' : 'tree';
  const shown = encodePath(folder ?? path);
  if (location.kind === 'hf') {
    const revision = hubId(location.ref)?.revision ?? 'main';
    return `${base}/${page}/${encodePath(revision)}/${shown}`;
  }
  const revision = encodePath(gitWeb(location)?.ref ?? 'HEAD');
  const host = new URL(base).hostname.toLowerCase();
  if (host === 'github.com') return `${base}/${page}/${revision}/${shown}`;
  if (host === 'gitlab.com' || host.startsWith('gitlab.')) return `${base}/-/${page}/${revision}/${shown}`;
  return null;
}
