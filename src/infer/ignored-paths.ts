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
 * installed dependencies.
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

/** Folder segments already split, shared by the finders that each walk every file of a release. */
const SEGMENTS = new Map<string, readonly string[]>();
const MAX_CACHED_PATHS = 200_000;

/**
 * The folder segments of a pack path (without the file name). Every finder asks this of every file, so
 * the answers are kept (up to MAX_CACHED_PATHS paths, then the cache starts over); treat them as read-only.
 */
export function folderSegments(path: string): readonly string[] {
  let segments = SEGMENTS.get(path);
  if (!segments) {
    if (SEGMENTS.size >= MAX_CACHED_PATHS) SEGMENTS.clear();
    segments = path.split('/').slice(0, -1);
    SEGMENTS.set(path, segments);
  }
  return segments;
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
