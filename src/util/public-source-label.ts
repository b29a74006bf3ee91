import os from 'node:os';
import path from 'node:path';

/** The server folders a path may start with: the working folder, the temp folder, the home folder. */
export interface ServerRoots {
  cwd: string;
  tmp: string;
  home: string;
}

/** This process's ServerRoots. */
export function serverRoots(): ServerRoots {
  return { cwd: process.cwd(), tmp: os.tmpdir(), home: os.homedir() };
}

const REMOTE = /^(?:[a-z][a-z0-9+.-]*:\/\/|hf:|git@|[a-z0-9.-]+:[^/\\])/i;

/**
 * How a source the user named (an import's source, a deliverable's release, a check target) is shown to
 * others: a URL, `hf:` id or git address as given; a local path relative to the server's working folder
 * when it lies inside it (`examples/open-science-pack`), otherwise only its last part (`…/notable.csv`),
 * so no page or API answer shows where the server keeps its files.
 *
 * @example
 * publicSourceLabel('/srv/aperture/examples/pack', { cwd: '/srv/aperture', tmp: '/tmp', home: '/root' }) // 'examples/pack'
 * publicSourceLabel('/data/epoch/notable.csv') // '…/notable.csv'
 */
export function publicSourceLabel(source: string, roots: ServerRoots = serverRoots()): string {
  if (REMOTE.test(source) && !path.isAbsolute(source)) return source;
  if (!path.isAbsolute(source)) {
    const normal = path.normalize(source);
    return normal.startsWith('..') ? `…/${path.basename(normal)}` : source;
  }
  const relative = path.relative(roots.cwd, source);
  if (relative === '') return '.';
  if (!relative.startsWith('..') && !path.isAbsolute(relative)) return relative.split(path.sep).join('/');
  return `…/${path.basename(source)}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Free text (an error message, a report) with the server's folders taken out of every path in it: the
 * working folder's paths made relative, the temp folder's shown as `<temp>/…`, the home folder as `~/…`.
 *
 * @example
 * redactServerPaths('cannot read /tmp/aperture-x/a.bin') // 'cannot read <temp>/aperture-x/a.bin'
 */
export function redactServerPaths(text: string, roots: ServerRoots = serverRoots()): string {
  let result = text;
  // Longest root first: the working folder may sit inside the home folder.
  const replacements: Array<[string, string]> = [
    [roots.cwd, ''],
    [roots.tmp, '<temp>'],
    [roots.home, '~'],
  ];
  replacements.sort((a, b) => b[0].length - a[0].length);
  for (const [root, label] of replacements) {
    if (root === '' || root === path.sep) continue;
    // The root itself, or the root and a separator: never the start of a longer name (/srv/app-other).
    const pattern = new RegExp(`${escapeRegExp(root)}(?:[/\\\\]|(?![\\w.-]))`, 'g');
    result = result.replace(pattern, (match) => {
      const slash = match.length > root.length;
      if (label === '') return slash ? '' : '.';
      return slash ? `${label}/` : label;
    });
  }
  return result;
}
