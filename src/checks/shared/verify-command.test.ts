import { describe, expect, it } from 'vitest';
import type { CommandContext } from './command-context.ts';
import { verifyCommand } from './verify-command.ts';

const context: CommandContext = {
  files: new Set(['eval/run.py', 'src/bench/__main__.py', 'scripts/eval.sh', 'Makefile', 'requirements.txt']),
  texts: { Makefile: { text: 'eval:\n\tpython eval/run.py\n' } },
  dependencies: new Set(['lm-eval', 'vllm']),
  baseDirs: [],
};

const verify = (command: string) => verifyCommand(command, context);

describe('verifyCommand', () => {
  it.each([
    'python eval/run.py --tasks all',
    'python -m bench',
    'cd eval && python run.py',
    'bash scripts/eval.sh',
    './scripts/eval.sh',
    'make eval',
    'lm_eval --model hf',
    'vllm serve org/model',
    'pip install -r requirements.txt && torchrun --nproc_per_node 8 eval/run.py',
    `bash -c 'python eval/run.py'`,
  ])('%s is runnable', (command) => {
    expect(verify(command).state).toBe('runnable');
  });

  it.each([
    ['python eval/missing.py', 'python eval/missing.py: no such file in the pack'],
    ['cd nowhere && python run.py', 'cd nowhere: no such folder in the pack'],
    [
      'python -m absent.module',
      'python -m absent.module: the module is neither in the pack nor a declared dependency',
    ],
    ['make test', 'make test: Makefile defines no target "test"'],
    ['pip install -r reqs.txt && python eval/run.py', 'pip install -r reqs.txt: no such file in the pack'],
  ])('%s is broken: %s', (command, problem) => {
    const verdict = verify(command);
    expect(verdict.state).toBe('broken');
    expect(verdict.problems).toContain(problem);
  });

  it('cannot tell programs it does not know, inline code or harnesses without their dependency', () => {
    expect(verify('mystery-tool --go').problems[0]).toMatch(/cannot tell where `mystery-tool` comes from/);
    expect(verify('python -c "print(1)"').state).toBe('unverified');
    expect(verify('lighteval accelerate').problems).toEqual([
      '`lighteval` needs lighteval, which no dependency file in the pack declares',
    ]);
  });

  it('asks for the evaluation when a command only prepares the environment', () => {
    expect(verify('pip install -r requirements.txt').problems).toEqual([
      'the command only prepares the environment; add the command that runs the evaluation',
    ]);
  });

  it('refuses to check commands that are too long or that cannot be parsed, and never throws', () => {
    expect(verify(`python ${'x'.repeat(5000)}.py`).problems[0]).toMatch(
      /characters long; it was not checked/,
    );
    expect(verify('python "unterminated').state).not.toBe('runnable');
  });
});
