/**
 * A model name (and organisation, for Hub ids) from where a pack came from: `hf:org/name@rev`, a git
 * URL, an archive or a folder path.
 *
 * @example
 * nameFromSource('hf:allenai/OLMo-2-1124-7B@main') // { name: 'OLMo-2-1124-7B', organization: 'allenai' }
 */
export function nameFromSource(ref: string): { name: string; organization?: string } {
  const hub = /^hf:(?:(?:models|datasets|spaces)\/)?([^/@\s]+)\/([^/@\s]+)(?:@.*)?$/.exec(ref);
  if (hub) return { name: hub[2]!, organization: hub[1]! };
  const trimmed = ref
    .replace(/[?#].*$/, '')
    .replace(/[\\/]+$/, '')
    .replace(/\.git$/, '')
    .replace(/\.(tar\.gz|tgz|zip)$/i, '');
  const last = trimmed.split(/[\\/:]/).pop() ?? '';
  return { name: last && last !== '.' && last !== '..' ? last : ref };
}
