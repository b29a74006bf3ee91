import { describe, expect, it } from 'vitest';
import type { CommandContext } from './command-context.ts';
import type { CommandVerdict } from './command-verdict.ts';
import { judgeInstalled, judgeLauncher, judgePython } from './judge-python.ts';

const context: CommandContext = {
  files: new Set(['train.py', 'pkg/src/tool/cli.py', 'req.txt']),
  texts: {},
  dependencies: new Set(['lm-eval']),
  baseDirs: ['pkg'],
};

function fresh(): CommandVerdict {
  return { state: 'unverified', found: [], problems: [], evidence: [] };
}

describe('judgePython', () => {
  it('finds scripts past interpreter options and modules under src/ of the component folders', () => {
    const script = fresh();
    expect(judgePython(['-u', '-X', 'dev', 'train.py'], '', context, script)).toBe('checked');
    expect(script).toMatchObject({ state: 'runnable', found: ['train.py exists'] });
    const module = fresh();
    judgePython(['-m', 'tool.cli'], '', context, module);
    expect(module).toMatchObject({ state: 'runnable', found: ['module tool.cli is pkg/src/tool/cli.py'] });
  });

  it('counts python -m pip as setup and checks its requirement files', () => {
    const verdict = fresh();
    expect(judgePython(['-m', 'pip', 'install', '-rreq.txt'], '', context, verdict)).toBe('setup');
    expect(verdict.problems).toEqual([]);
  });

  it('breaks on a module name that is not one', () => {
    const verdict = fresh();
    judgePython(['-m', 'no-such;rm'], '', context, verdict);
    expect(verdict).toMatchObject({
      state: 'broken',
      problems: [expect.stringMatching(/not a module name/)],
    });
  });
});

describe('judgeLauncher', () => {
  it('judges the script or module a launcher starts', () => {
    const verdict = fresh();
    judgeLauncher('accelerate', ['launch', '--num_processes', '2', 'train.py'], '', context, verdict);
    expect(verdict.state).toBe('runnable');
    const nothing = fresh();
    judgeLauncher('deepspeed', ['--num_gpus', '2'], '', context, nothing);
    expect(nothing.problems).toEqual(['deepspeed: no .py script or -m module found among its arguments']);
  });
});

describe('judgeInstalled', () => {
  it('is runnable when a dependency file declares the distribution', () => {
    const verdict = fresh();
    judgeInstalled('python -m lm_eval', 'lm-eval', context, verdict);
    expect(verdict.found).toEqual(['`python -m lm_eval` comes from the declared dependency lm-eval']);
  });
});
