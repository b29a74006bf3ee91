import path from 'node:path';
import type { CommandContext } from './command-context.ts';
import { type CommandVerdict, setState, verdictUnverified } from './command-verdict.ts';
import { quote } from './release-parts.ts';

/**
 * Records whether a file a command names (a script, `python x.py`) is in the pack: relative to the
 * command's folder, or from the pack root to the component's folders. A path with a variable is
 * unverified; an absolute one, one outside the pack or a missing one breaks the command.
 */
export function expectFile(
  candidate: string,
  cwd: string,
  context: CommandContext,
  verdict: CommandVerdict,
  what: string,
): void {
  if (candidate.includes('$')) {
    verdictUnverified(
      verdict,
      `${what} ${quote(candidate, 60)}: depends on a variable, so it cannot be checked`,
    );
    return;
  }
  if (/^\/|^[A-Za-z]:[\\/]|^~/.test(candidate)) {
    verdict.problems.push(
      `${what} ${quote(candidate, 60)}: an absolute path; use a path relative to the pack`,
    );
    setState(verdict, 'broken');
    return;
  }
  const bases = unique([cwd, ...(cwd === '' ? context.baseDirs : [])]);
  for (const base of bases) {
    const resolved = resolvePath(base, candidate);
    if (resolved !== null && context.files.has(resolved)) {
      verdict.found.push(`${resolved} exists`);
      verdict.evidence.push({ file: resolved, note: what });
      setState(verdict, 'runnable');
      return;
    }
  }
  const resolved = resolvePath(cwd, candidate);
  verdict.problems.push(
    resolved === null
      ? `${what} ${quote(candidate, 60)}: points outside the pack`
      : `${what} ${resolved}: no such file in the pack`,
  );
  setState(verdict, 'broken');
}

/** Joins a relative path to a pack folder, or null when it climbs out of the pack. */
export function resolvePath(base: string, relative: string): string | null {
  if (relative === '' || relative.includes('\0')) return null;
  if (/^\/|^[A-Za-z]:[\\/]/.test(relative)) return null;
  const joined = path.posix.normalize(joinPath(base, relative.replaceAll('\\', '/')));
  if (joined === '..' || joined.startsWith('../')) return null;
  return joined === '.' ? '' : joined.replace(/\/$/, '').replace(/^\.\//, '');
}

/** `base/relative`, or `relative` at the pack root. */
export function joinPath(base: string, relative: string): string {
  return base === '' ? relative : `${base}/${relative}`;
}

/** Whether some file of the pack lies under `dir` (the root always counts). */
export function isFolder(dir: string, context: CommandContext): boolean {
  if (dir === '') return true;
  const prefix = `${dir}/`;
  for (const file of context.files) if (file.startsWith(prefix)) return true;
  return false;
}

/** The items without repeats, first occurrence first. */
export function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
