import { hubRepoIdOf } from './hub-repo-id.ts';

/** Hosts whose first two path parts name a repository (`github.com/org/repo`). */
const REPOSITORY_HOSTS = new Set(['github.com', 'gitlab.com', 'codeberg.org']);

/**
 * A link folded so two spellings of one place meet: `hf:author/name` for a Hub model page, `github.com/org/repo`
 * (lower case, no `.git`, no `/tree/main`) for a repository, otherwise host without `www.` plus path,
 * without query, fragment or trailing slash. Null for text that is not an http(s) URL.
 *
 * @example
 * normalizeLink('https://github.com/EleutherAI/pythia.git'); // 'github.com/eleutherai/pythia'
 * normalizeLink('https://huggingface.co/microsoft/phi-2'); // 'hf:microsoft/phi-2'
 */
export function normalizeLink(text: string | null | undefined): string | null {
  if (!text) return null;
  const trimmed = text.trim();
  if (!/^https?:\/\//i.test(trimmed)) return null;
  const hub = hubRepoIdOf(trimmed);
  if (hub !== null) return `hf:${hub}`;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const parts = url.pathname.split('/').filter((part) => part !== '');
  if (REPOSITORY_HOSTS.has(host)) {
    if (parts.length < 2) return null;
    return `${host}/${parts[0]!.toLowerCase()}/${parts[1]!.toLowerCase().replace(/\.git$/, '')}`;
  }
  // A bare home page names an organisation, not a model.
  if (parts.length === 0) return null;
  return `${host}/${parts.join('/')}`.replace(/\.html?$/, '');
}
