import type { CommandContext } from './command-context.ts';
import { resolvePath } from './command-paths.ts';
import { type CommandVerdict, type SegmentOutcome, setState } from './command-verdict.ts';

/**
 * Judges `make [-C dir] [-f file] [targets]`: the Makefile must be in the pack and, when the collector
 * read it, define every target named.
 */
export function judgeMake(
  args: string[],
  cwd: string,
  context: CommandContext,
  verdict: CommandVerdict,
): SegmentOutcome {
  let dir = cwd;
  let makefile: string | null = null;
  const targets: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg === '-C' || arg === '--directory') {
      const resolved = resolvePath(dir, args[++index] ?? '');
      if (resolved === null) return brokenMake(verdict, `make -C ${args[index]}: outside the pack`);
      dir = resolved;
    } else if (arg.startsWith('--directory=')) {
      const resolved = resolvePath(dir, arg.slice('--directory='.length));
      if (resolved === null) return brokenMake(verdict, `make ${arg}: outside the pack`);
      dir = resolved;
    } else if (arg === '-f' || arg === '--file' || arg === '--makefile') {
      makefile = args[++index] ?? null;
    } else if (arg === '-j' || arg === '-l') {
      if (/^\d+$/.test(args[index + 1] ?? '')) index++;
    } else if (!arg.startsWith('-') && !arg.includes('=')) {
      targets.push(arg);
    }
  }
  const candidates = makefile ? [makefile] : ['GNUmakefile', 'makefile', 'Makefile'];
  const found = candidates
    .map((name) => resolvePath(dir, name))
    .find((file): file is string => file !== null && context.files.has(file));
  if (!found) {
    return brokenMake(verdict, `make: no ${makefile ?? 'Makefile'} in ${dir === '' ? 'the pack root' : dir}`);
  }
  verdict.evidence.push({ file: found, note: `make ${targets.join(' ')}`.trim() });
  const text = context.texts[found]?.text;
  if (text !== undefined) {
    for (const target of targets) {
      const line = findMakeTarget(text, target);
      if (line === null) return brokenMake(verdict, `make ${target}: ${found} defines no target "${target}"`);
      verdict.evidence.push({ file: found, line, note: `target ${target}` });
    }
    verdict.found.push(`${found}${targets.length > 0 ? ` defines ${targets.join(', ')}` : ' exists'}`);
  } else {
    verdict.found.push(
      `${found} exists${targets.length > 0 ? ` (target ${targets.join(', ')} not read)` : ''}`,
    );
  }
  setState(verdict, 'runnable');
  return 'checked';
}

function brokenMake(verdict: CommandVerdict, problem: string): SegmentOutcome {
  verdict.problems.push(problem);
  setState(verdict, 'broken');
  return 'checked';
}

/** The line of a rule that defines `target` in a Makefile, or null. */
export function findMakeTarget(text: string, target: string): number | null {
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (/^\s/.test(line) || line.startsWith('#')) continue;
    // `a b: deps` defines a and b; `x := 1`, `x ::= 1` and `x = a:b` are assignments.
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const head = line.slice(0, colon);
    if (head.includes('=') || line[colon + 1] === '=' || line.startsWith('::=', colon)) continue;
    if (head.trim().split(/\s+/).includes(target)) return index + 1;
  }
  return null;
}
