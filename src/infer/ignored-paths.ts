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

/** The folder segments of a pack path (without the file name). */
export function folderSegments(path: string): string[] {
  return path.split('/').slice(0, -1);
}
