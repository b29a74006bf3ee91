const HUB_HOSTS = new Set(['huggingface.co', 'hf.co']);
const REPO_PART = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
/** First path parts of Hub pages that are not a model's author. */
const NOT_AUTHORS = new Set(['datasets', 'spaces', 'collections', 'docs', 'blog', 'papers', 'models', 'api']);

/**
 * The Hub model repo id (`author/name`, lower case: the Hub treats ids case-insensitively) a text
 * names: a huggingface.co or hf.co model URL (any page under it: `/tree/main`, `/blob/…`), `hf:author/name`
 * or a bare `author/name`; null for anything else (datasets, spaces, collections, other hosts).
 *
 * @example
 * hubRepoIdOf('https://huggingface.co/meta-llama/Llama-3.1-8B/tree/main'); // 'meta-llama/llama-3.1-8b'
 * hubRepoIdOf('https://huggingface.co/datasets/allenai/dolma'); // null
 */
export function hubRepoIdOf(text: string | null | undefined): string | null {
  if (!text) return null;
  const trimmed = text.trim();
  let parts: string[];
  if (/^https?:\/\//i.test(trimmed)) {
    let url: URL;
    try {
      url = new URL(trimmed);
    } catch {
      return null;
    }
    if (!HUB_HOSTS.has(url.hostname.toLowerCase().replace(/^www\./, ''))) return null;
    parts = url.pathname.split('/').filter((part) => part !== '');
  } else {
    parts = trimmed.replace(/^hf:/i, '').split('@')[0]!.split('/');
    if (parts.length !== 2) return null;
  }
  const [author, name] = parts;
  if (author === undefined || name === undefined || NOT_AUTHORS.has(author.toLowerCase())) return null;
  if (!REPO_PART.test(author) || !REPO_PART.test(name)) return null;
  return `${author}/${name}`.toLowerCase();
}
