/** Folders that hold tooling, caches or third-party installs rather than the release itself. */
const IGNORED_SEGMENTS = new Set([
  '.git',
  'node_modules',
  '__pycache__',
  '.venv',
  'venv',
  'site-packages',
  '.ipynb_checkpoints',
  '.mypy_cache',
  '.pytest_cache',
  '.tox',
  '.idea',
  '.vscode',
]);

/**
 * True for pack paths inference should not look at: version-control internals, caches and
 * installed dependencies. inferRelease drops them once; the finders it calls see only the rest.
 *
 * @example
 * isIgnoredPath('node_modules/x/train.py') // true
 */
export function isIgnoredPath(path: string): boolean {
  return IGNORED_PATTERN.test(path);
}

// One pattern instead of splitting every path: inference asks this of every file, several times.
const IGNORED_PATTERN = new RegExp(
  `(^|/)(${[...IGNORED_SEGMENTS].map((segment) => segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(/|$)`,
);

/** The last segment of a pack path. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * The folder of a pack path: all before its last `/`, '' for a path at the root.
 *
 * @example
 * folderPath('llama3_1/LICENSE') // 'llama3_1'
 */
export function folderPath(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

/**
 * The folder segments of a pack path (without the file name). Finders ask this only of paths that
 * `hasFolder` or a name test already picked out, so it is split each time rather than kept.
 */
export function folderSegments(path: string): string[] {
  return path.split('/').slice(0, -1);
}

/** Path patterns made from folder-name patterns, once each. */
const FOLDER_IN_PATH = new WeakMap<RegExp, RegExp>();

/**
 * Whether any folder of a pack path matches a folder-name pattern written `^(a|b)$`: one scan of the path
 * instead of a test per folder (the finders ask this of every file of a release).
 *
 * @example
 * hasFolder('data/test/part-0.parquet', /^(data|datasets?)$/i) // true
 */
export function hasFolder(path: string, folderName: RegExp): boolean {
  let inPath = FOLDER_IN_PATH.get(folderName);
  if (!inPath) {
    const body = folderName.source.replace(/^\^/, '').replace(/\$$/, '');
    inPath = new RegExp(`(?:^|/)(?:${body})/`, folderName.flags.replace('g', ''));
    FOLDER_IN_PATH.set(folderName, inPath);
  }
  return inPath.test(path);
}

function slashes(path: string): number {
  let count = 0;
  for (let index = path.indexOf('/'); index >= 0; index = path.indexOf('/', index + 1)) count++;
  return count;
}

/**
 * The `max` paths nearest the top of the pack, shallow ones first and then by path: the files a finder
 * reads when it cannot read them all. Each path's depth is counted once, not at every comparison.
 *
 * @example
 * shallowestFirst(['a/b/c.py', 'z.py', 'a/d.py'], 2) // ['z.py', 'a/d.py']
 */
export function shallowestFirst(paths: readonly string[], max: number): string[] {
  if (!(max > 0 && max < paths.length)) {
    return paths
      .map((path) => ({ path, depth: slashes(path) }))
      .sort(byDepthThenPath)
      .slice(0, max)
      .map((entry) => entry.path);
  }
  // The `max` first of the sorted list, kept while passing once: thousands of candidates, a few dozen read.
  const kept: Array<{ path: string; depth: number }> = [];
  for (const path of paths) {
    const entry = { path, depth: slashes(path) };
    if (kept.length === max && byDepthThenPath(entry, kept[max - 1]!) >= 0) continue;
    // After the entries that sort with it, as the stable sort would place it.
    let low = 0;
    let high = kept.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (byDepthThenPath(kept[middle]!, entry) <= 0) low = middle + 1;
      else high = middle;
    }
    kept.splice(low, 0, entry);
    if (kept.length > max) kept.pop();
  }
  return kept.map((entry) => entry.path);
}

function byDepthThenPath(a: { path: string; depth: number }, b: { path: string; depth: number }): number {
  return a.depth - b.depth || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}
