import path from 'node:path';
import type { CommandContext } from './command-context.ts';
import { expectFile, isFolder, resolvePath } from './command-paths.ts';
import { type CommandVerdict, type SegmentOutcome, setState, verdictUnverified } from './command-verdict.ts';
import { normaliseDependencyName } from './dependency-names.ts';
import { judgeMake } from './judge-make.ts';
import {
  judgeInstalled,
  judgeLauncher,
  judgePipInstall,
  judgePython,
  KNOWN_HARNESSES,
  LAUNCHERS,
} from './judge-python.ts';
import { quote } from './release-parts.ts';
import { splitSegments, stripPrefixes } from './shell-segments.ts';

export type { CommandVerdict } from './command-verdict.ts';

/** Longest command checked; anything longer is not a command a person types. */
const MAX_COMMAND_LENGTH = 4096;
/** Nesting of `bash -c '…'` followed. */
const MAX_DEPTH = 2;

/** Programs that only prepare the environment; a command of nothing but these runs no evaluation. */
const SETUP_PROGRAMS = new Set([
  'pip',
  'pip3',
  'uv',
  'conda',
  'mamba',
  'micromamba',
  'poetry',
  'pipenv',
  'npm',
  'pnpm',
  'yarn',
  'export',
  'set',
  'mkdir',
  'echo',
  'cat',
  'tee',
  'true',
  'wget',
  'curl',
  'git',
  'huggingface-cli',
  'ls',
  'cp',
  'mv',
  'rm',
]);

const SCRIPT_INTERPRETERS = new Set([
  'bash',
  'sh',
  'zsh',
  'source',
  '.',
  'node',
  'Rscript',
  'julia',
  'ruby',
  'perl',
]);

/**
 * Checks that a declared command (an eval harness or reproduction command) names programs that are in
 * the pack or come from declared dependencies: `python path.py`, `python -m pkg.mod`, `bash x.sh`,
 * `make target` with a Makefile, known harnesses such as `lm_eval`. Never throws.
 *
 * @example
 * verifyCommand('python eval/run.py --tasks all', context).state // 'runnable' when eval/run.py is in the pack
 */
export function verifyCommand(command: string, context: CommandContext): CommandVerdict {
  const verdict: CommandVerdict = { state: 'unverified', found: [], problems: [], evidence: [] };
  if (command.length > MAX_COMMAND_LENGTH) {
    verdict.problems.push(`the command is ${command.length} characters long; it was not checked`);
    return verdict;
  }
  walk(command, context, verdict, 0);
  return verdict;
}

function walk(command: string, context: CommandContext, verdict: CommandVerdict, depth: number): void {
  const segments = splitSegments(command);
  if (typeof segments === 'string') {
    verdict.problems.push(`the command ${segments}`);
    return;
  }
  let cwd = '';
  let ranSomething = false;
  for (const segment of segments) {
    const words = stripPrefixes(segment.words);
    if (words.length === 0) continue;
    const program = path.posix.basename(words[0]!);
    if (program === 'cd') {
      const target = words[1];
      if (!target) continue;
      const resolved = resolvePath(cwd, target);
      if (resolved === null || !isFolder(resolved, context)) {
        verdict.problems.push(`cd ${target}: no such folder in the pack`);
        setState(verdict, 'broken');
      } else {
        cwd = resolved;
      }
      continue;
    }
    const outcome = judgeSegment(words, cwd, context, verdict, depth);
    if (outcome !== 'setup') ranSomething = true;
  }
  if (!ranSomething && depth === 0 && verdict.state !== 'broken') {
    verdict.problems.push(
      'the command only prepares the environment; add the command that runs the evaluation',
    );
  }
}

function judgeSegment(
  words: string[],
  cwd: string,
  context: CommandContext,
  verdict: CommandVerdict,
  depth: number,
): SegmentOutcome {
  const first = words[0]!;
  const program = path.posix.basename(first);
  if (/^python(\d+(\.\d+)?)?$|^py$/.test(program)) return judgePython(words.slice(1), cwd, context, verdict);
  if (LAUNCHERS.has(program)) return judgeLauncher(program, words.slice(1), cwd, context, verdict);
  if (program === 'make' || program === 'gmake') return judgeMake(words.slice(1), cwd, context, verdict);
  if (SCRIPT_INTERPRETERS.has(program)) {
    const rest = words.slice(1);
    const inline = rest.indexOf('-c');
    if (inline >= 0 && (program === 'bash' || program === 'sh' || program === 'zsh')) {
      const inner = rest[inline + 1];
      if (inner !== undefined && depth < MAX_DEPTH) walk(inner, context, verdict, depth + 1);
      else verdictUnverified(verdict, `${program} -c: the inline script was not checked`);
      return 'checked';
    }
    const script = rest.find((word) => !word.startsWith('-'));
    if (!script) {
      verdictUnverified(verdict, `${program}: no script named`);
      return 'checked';
    }
    expectFile(script, cwd, context, verdict, program);
    return 'checked';
  }
  if (first.includes('/') || /\.(sh|py|bash)$/.test(first)) {
    expectFile(first, cwd, context, verdict, 'script');
    return 'checked';
  }
  const harness = KNOWN_HARNESSES.get(program);
  if (harness) {
    judgeInstalled(program, harness, context, verdict);
    return 'checked';
  }
  if (program === 'pip' || program === 'pip3') {
    judgePipInstall(words.slice(1), cwd, context, verdict);
    return 'setup';
  }
  if (SETUP_PROGRAMS.has(program)) return 'setup';
  if (context.dependencies.has(normaliseDependencyName(program))) {
    verdict.found.push(`\`${program}\` comes from a declared dependency`);
    setState(verdict, 'runnable');
    return 'checked';
  }
  verdictUnverified(
    verdict,
    `cannot tell where \`${quote(program, 40).slice(1, -1)}\` comes from: it is neither a file in the pack nor a declared dependency`,
  );
  return 'checked';
}
