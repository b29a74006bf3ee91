import path from 'node:path';
import { parse as parseShell } from 'shell-quote';
import type { EvidenceRef } from '../../spec/index.ts';
import { quote } from './release-parts.ts';

/** What a declared command was found to run. */
export interface CommandVerdict {
  /** runnable: every program it names is in the pack or a declared dependency; broken: something it names is missing; unverified: it cannot be told. */
  state: 'runnable' | 'broken' | 'unverified';
  /** What was found, one line each (`eval/run.py exists`). */
  found: string[];
  /** What is wrong or could not be told, one line each. */
  problems: string[];
  evidence: EvidenceRef[];
}

/** What a command is checked against. */
export interface CommandContext {
  /** Every file path of the pack. */
  files: ReadonlySet<string>;
  /** Text of files the collector read (for Makefile targets). */
  texts: Readonly<Record<string, { text: string } | undefined>>;
  /** Normalised names of declared dependencies (lowercase, `-` for `_` and `.`). */
  dependencies: ReadonlySet<string>;
  /** Folders, besides the pack root, that relative paths may be relative to (the component's location). */
  baseDirs: readonly string[];
}

/** Longest command checked; anything longer is not a command a person types. */
const MAX_COMMAND_LENGTH = 4096;
/** Nesting of `bash -c '…'` followed. */
const MAX_DEPTH = 2;

/** Evaluation harnesses run as console scripts, with the distribution that installs each. */
const KNOWN_HARNESSES: ReadonlyMap<string, string> = new Map(
  Object.entries({
    lm_eval: 'lm-eval',
    'lm-eval': 'lm-eval',
    lighteval: 'lighteval',
    inspect: 'inspect-ai',
    'helm-run': 'crfm-helm',
    opencompass: 'opencompass',
    evalplus: 'evalplus',
    'evalplus.evaluate': 'evalplus',
    mteb: 'mteb',
    alpaca_eval: 'alpaca-eval',
    'bigcode-eval': 'bigcode-evaluation-harness',
    pytest: 'pytest',
  }),
);

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

/** Wrappers that run the rest of the line: `uv run …`, `poetry run …`, `time …`. */
const RUNNERS = new Set(['time', 'nohup', 'exec', 'env', 'srun']);
const TWO_WORD_RUNNERS = new Set(['uv run', 'poetry run', 'pipenv run', 'pdm run', 'hatch run', 'conda run']);

/** Launchers whose script is the first `.py` argument (options with values come before it). */
const LAUNCHERS = new Set(['torchrun', 'deepspeed', 'accelerate', 'python -m torch.distributed.run']);

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

/** Normalises a Python distribution or module name for comparison (PEP 503). */
export function normaliseDependencyName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

interface Segment {
  words: string[];
}

function splitSegments(command: string): Segment[] | string {
  let entries: ReturnType<typeof parseShell>;
  try {
    // Keep variables as written: they are not ours to expand.
    entries = parseShell(command, (name) => `$${name}`);
  } catch (error) {
    return `cannot be read as a shell command (${error instanceof Error ? error.message : String(error)})`;
  }
  const segments: Segment[] = [{ words: [] }];
  let skipNext = false;
  for (const entry of entries) {
    if (typeof entry === 'string') {
      if (skipNext) skipNext = false;
      else segments[segments.length - 1]!.words.push(entry);
      continue;
    }
    if ('comment' in entry) break;
    if ('op' in entry) {
      if (entry.op === 'glob') {
        segments[segments.length - 1]!.words.push((entry as { pattern: string }).pattern);
      } else if (/^[<>]|^\d?>/.test(entry.op)) {
        // A redirection's target is a file name, not an argument.
        skipNext = true;
      } else {
        segments.push({ words: [] });
      }
    }
  }
  return segments.filter((segment) => segment.words.length > 0);
}

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

const STATE_RANK: Record<CommandVerdict['state'], number> = { unverified: 0, runnable: 1, broken: 2 };

/** Broken outranks runnable, which outranks unverified: one missing file breaks the whole command. */
function setState(verdict: CommandVerdict, state: CommandVerdict['state']): void {
  if (STATE_RANK[state] > STATE_RANK[verdict.state]) verdict.state = state;
}

/** Drops environment assignments and wrappers (`FOO=1`, `uv run`, `time`) in front of the real program. */
function stripPrefixes(input: string[]): string[] {
  let words = input;
  for (let guard = 0; guard < 10; guard++) {
    while (words.length > 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0]!)) words = words.slice(1);
    const first = words[0];
    if (first === undefined) return words;
    const two = `${first} ${words[1] ?? ''}`;
    if (TWO_WORD_RUNNERS.has(two)) {
      // `conda run -n env …`, `uv run --with x …`: skip the runner's options.
      words = skipOptions(
        words.slice(2),
        new Set(['-n', '--name', '-p', '--prefix', '--with', '--env', '-e']),
      );
      continue;
    }
    if (RUNNERS.has(first)) {
      words = skipOptions(
        words.slice(1),
        new Set(['-u', '--unset', '-n', '-N', '-p', '--partition', '--gres']),
      );
      continue;
    }
    return words;
  }
  return words;
}

function skipOptions(words: string[], takesValue: ReadonlySet<string>): string[] {
  let index = 0;
  while (index < words.length && words[index]!.startsWith('-')) {
    index += takesValue.has(words[index]!) ? 2 : 1;
  }
  return words.slice(index);
}

type SegmentOutcome = 'setup' | 'checked';

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

function verdictUnverified(verdict: CommandVerdict, problem: string): void {
  verdict.problems.push(problem);
  setState(verdict, 'unverified');
}

function judgePython(
  args: string[],
  cwd: string,
  context: CommandContext,
  verdict: CommandVerdict,
): SegmentOutcome {
  let index = 0;
  while (index < args.length) {
    const arg = args[index]!;
    if (arg === '-m') {
      const module = args[index + 1];
      if (!module) {
        verdictUnverified(verdict, 'python -m: no module named');
        return 'checked';
      }
      if (module === 'pip') {
        judgePipInstall(args.slice(index + 2), cwd, context, verdict);
        return 'setup';
      }
      if (module === 'torch.distributed.run' || module === 'torch.distributed.launch') {
        return judgeLauncher('python -m torch.distributed.run', args.slice(index + 2), cwd, context, verdict);
      }
      judgeModule(module, cwd, context, verdict);
      return 'checked';
    }
    if (arg === '-c') {
      verdictUnverified(verdict, 'python -c: inline code was not checked; put it in a script in the pack');
      return 'checked';
    }
    if (arg === '-X' || arg === '-W') {
      index += 2;
      continue;
    }
    if (arg.startsWith('-')) {
      index++;
      continue;
    }
    expectFile(arg, cwd, context, verdict, 'python');
    return 'checked';
  }
  verdictUnverified(verdict, 'python: no script or module named');
  return 'checked';
}

function judgeLauncher(
  launcher: string,
  args: string[],
  cwd: string,
  context: CommandContext,
  verdict: CommandVerdict,
): SegmentOutcome {
  const moduleFlag = args.indexOf('-m');
  const script = args.find((arg) => /\.py$/.test(arg) && !arg.startsWith('-'));
  if (script) {
    expectFile(script, cwd, context, verdict, launcher);
  } else if (moduleFlag >= 0 && args[moduleFlag + 1]) {
    judgeModule(args[moduleFlag + 1]!, cwd, context, verdict);
  } else {
    verdictUnverified(verdict, `${launcher}: no .py script or -m module found among its arguments`);
  }
  return 'checked';
}

function judgeModule(module: string, cwd: string, context: CommandContext, verdict: CommandVerdict): void {
  if (!/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/.test(module)) {
    verdict.problems.push(`python -m ${quote(module, 60)}: not a module name`);
    setState(verdict, 'broken');
    return;
  }
  const relative = module.replaceAll('.', '/');
  const roots = unique([
    cwd,
    joinPath(cwd, 'src'),
    ...context.baseDirs,
    ...context.baseDirs.map((dir) => joinPath(dir, 'src')),
  ]);
  for (const root of roots) {
    for (const candidate of [`${relative}.py`, `${relative}/__main__.py`, `${relative}/__init__.py`]) {
      const file = joinPath(root, candidate);
      if (context.files.has(file)) {
        verdict.found.push(`module ${module} is ${file}`);
        verdict.evidence.push({ file, note: `python -m ${module}` });
        setState(verdict, 'runnable');
        return;
      }
    }
  }
  const top = module.split('.')[0]!;
  const harness = KNOWN_HARNESSES.get(top) ?? KNOWN_HARNESSES.get(module);
  if (harness || context.dependencies.has(normaliseDependencyName(top))) {
    judgeInstalled(`python -m ${module}`, harness ?? top, context, verdict);
    return;
  }
  verdict.problems.push(`python -m ${module}: the module is neither in the pack nor a declared dependency`);
  setState(verdict, 'broken');
}

function judgeInstalled(
  what: string,
  distribution: string,
  context: CommandContext,
  verdict: CommandVerdict,
): void {
  const names = [distribution, what.replace(/^python -m /, '').split('.')[0]!].map(normaliseDependencyName);
  if (names.some((name) => context.dependencies.has(name))) {
    verdict.found.push(`\`${what}\` comes from the declared dependency ${distribution}`);
    setState(verdict, 'runnable');
    return;
  }
  verdictUnverified(
    verdict,
    `\`${what}\` needs ${distribution}, which no dependency file in the pack declares`,
  );
}

function judgeMake(
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

function judgePipInstall(
  args: string[],
  cwd: string,
  context: CommandContext,
  verdict: CommandVerdict,
): void {
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    const file =
      arg === '-r' || arg === '--requirement'
        ? args[index + 1]
        : arg.startsWith('-r') && arg.length > 2
          ? arg.slice(2)
          : undefined;
    if (file === undefined) continue;
    const resolved = resolvePath(cwd, file);
    if (resolved === null || !context.files.has(resolved)) {
      verdict.problems.push(`pip install -r ${file}: no such file in the pack`);
      setState(verdict, 'broken');
    }
  }
}

function expectFile(
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
function resolvePath(base: string, relative: string): string | null {
  if (relative === '' || relative.includes('\0')) return null;
  if (/^\/|^[A-Za-z]:[\\/]/.test(relative)) return null;
  const joined = path.posix.normalize(joinPath(base, relative.replaceAll('\\', '/')));
  if (joined === '..' || joined.startsWith('../')) return null;
  return joined === '.' ? '' : joined.replace(/\/$/, '').replace(/^\.\//, '');
}

function joinPath(base: string, relative: string): string {
  return base === '' ? relative : `${base}/${relative}`;
}

function isFolder(dir: string, context: CommandContext): boolean {
  if (dir === '') return true;
  const prefix = `${dir}/`;
  for (const file of context.files) if (file.startsWith(prefix)) return true;
  return false;
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
