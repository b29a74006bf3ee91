import { parseJson } from './parse-helpers.ts';
import { baseName } from './release-parts.ts';

/**
 * Normalises a Python distribution or module name for comparison (PEP 503).
 *
 * @example
 * normaliseDependencyName('Foo_Bar.baz') // 'foo-bar-baz'
 */
export function normaliseDependencyName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** The names of the packages a lock file records (Pipfile.lock, poetry/uv/pdm/Cargo/conda locks). */
export function namesInLockFile(path: string, text: string): string[] {
  const file = baseName(path);
  if (file === 'Pipfile.lock') {
    const parsed = parseJson(text);
    if (!parsed.ok || !parsed.value || typeof parsed.value !== 'object') return [];
    const value = parsed.value as Record<string, unknown>;
    return ['default', 'develop']
      .flatMap((group) =>
        value[group] && typeof value[group] === 'object' ? Object.keys(value[group] as object) : [],
      )
      .map(normaliseDependencyName);
  }
  if (/\.lock$/.test(file) || /conda-lock/.test(file)) {
    return [
      ...text.matchAll(/^[ \t]*(?:-[ \t]*)?name[ \t]*[:=][ \t]*"?([A-Za-z0-9][A-Za-z0-9._-]*)"?[ \t]*\r?$/gm),
    ].map((match) => normaliseDependencyName(match[1]!));
  }
  return [];
}

/** The names of the dependencies pyproject.toml (or setup.cfg-like text) declares, ranges or not. */
export function namesInPyproject(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(
    /^[ \t]*["']([A-Za-z0-9][A-Za-z0-9._-]*)[ \t]*(?:\[[^\]\n]*\][ \t]*)?(?:[<>=!~;@(]|["'])/gm,
  )) {
    names.push(normaliseDependencyName(match[1]!));
  }
  let inDependencies = false;
  for (const line of text.split('\n')) {
    if (/^\s*\[/.test(line)) inDependencies = /dependencies\]\s*$/.test(line.trim());
    else if (inDependencies) {
      const key = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*=/.exec(line);
      if (key && key[1] !== 'python') names.push(normaliseDependencyName(key[1]!));
    }
  }
  return names;
}
