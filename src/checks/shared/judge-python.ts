import type { CommandContext } from './command-context.ts';
import { expectFile, joinPath, resolvePath, unique } from './command-paths.ts';
import { type CommandVerdict, type SegmentOutcome, setState, verdictUnverified } from './command-verdict.ts';
import { normaliseDependencyName } from './dependency-names.ts';
import { quote } from './release-parts.ts';

/** Evaluation harnesses run as console scripts, with the distribution that installs each. */
export const KNOWN_HARNESSES: ReadonlyMap<string, string> = new Map(
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

/** Launchers whose script is the first `.py` argument (options with values come before it). */
export const LAUNCHERS = new Set(['torchrun', 'deepspeed', 'accelerate', 'python -m torch.distributed.run']);

/** Judges `python [options] script.py` and `python -m module` (pip and torch.distributed.run included). */
export function judgePython(
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

/** Judges a distributed launcher (`torchrun`, `accelerate`…) by the script or module it starts. */
export function judgeLauncher(
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

/** A module in the pack (also under `src/` and the component's folders), or installed by a declared dependency. */
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

/** A program or module installed by `distribution`: runnable when a dependency file declares it. */
export function judgeInstalled(
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

/** Checks the requirement files `pip install -r` names are in the pack. */
export function judgePipInstall(
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
