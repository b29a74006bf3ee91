import { describe, expect, it } from 'vitest';
import type { ResolvedComponent } from '../spec/index.ts';
import { evalHarnessRunnable } from './eval-harness-runnable.ts';
import { runChecks } from './run-checks.ts';
import { BINARY_LOOKING_TEXT, buildEvidence, type DocumentInput } from './test-support/evidence-builder.ts';

function harness(
  command: string | undefined,
  documents: Record<string, DocumentInput>,
  patch: Partial<ResolvedComponent> = {},
  extraFiles: Record<string, number> = {},
) {
  const files = [...Object.keys(documents), ...Object.keys(extraFiles)].filter((path) =>
    path.startsWith('eval/'),
  );
  return buildEvidence({
    components: { 'evaluation-code': { locations: ['eval/'], files, command, ...patch } },
    documents,
    extraFiles,
  });
}

const PINNED = 'torch==2.3.1\nnumpy==1.26.4 --hash=sha256:abcdef012345\n';

describe('eval-harness-runnable', () => {
  it('passes code with a resolving command and pinned requirements', () => {
    const result = evalHarnessRunnable.run(
      harness('python eval/run.py --tasks all', {
        'eval/run.py': 'print(1)',
        'eval/requirements.txt': PINNED,
      }),
    );
    expect(result.score).toBe(10);
    expect(result.remediation).toBeNull();
    expect(result.evidence).toContainEqual({ file: 'eval/run.py', note: 'python' });
  });

  it('accepts a lock file at the pack root', () => {
    const result = evalHarnessRunnable.run(
      harness('bash eval/run.sh', {
        'eval/run.sh': 'echo',
        'uv.lock': 'version = 1\n[[package]]\nname = "torch"\n',
      }),
    );
    expect(result.score).toBe(10);
    expect(result.reason).toContain('uv.lock');
  });

  it('resolves python -m modules, cd prefixes, Makefile targets and paths relative to the location', () => {
    const cases: Array<[string, Record<string, DocumentInput>]> = [
      ['python -m evalpkg.main --x 1', { 'eval/evalpkg/main.py': '', 'evalpkg/main.py': '' }],
      ['cd eval && python run.py', { 'eval/run.py': '' }],
      ['python run.py', { 'eval/run.py': '' }],
      ['make eval', { 'eval/x.py': '', Makefile: 'eval: deps\n\tpython eval/x.py\n' }],
      [
        'CUDA_VISIBLE_DEVICES=0 uv run accelerate launch --num_processes 2 eval/run.py',
        { 'eval/run.py': '' },
      ],
      ['lm_eval --model hf --tasks hellaswag', { 'eval/x.py': '', 'requirements.txt': 'lm-eval==0.4.2\n' }],
    ];
    for (const [command, documents] of cases) {
      const result = evalHarnessRunnable.run(
        harness(command, { 'requirements.txt': 'x==1\n', ...documents }),
      );
      expect(result.score, `${command}: ${result.details?.join(' | ')}`).toBe(10);
    }
  });

  it('takes command points away when what the command runs is missing', () => {
    const result = evalHarnessRunnable.run(
      harness('python eval/missing.py', { 'eval/run.py': '', 'requirements.txt': PINNED }),
    );
    expect(result.score).toBe(7);
    expect(result.details).toContain('command: python eval/missing.py: no such file in the pack');
  });

  it('finds a Makefile without the target, and a module that is nowhere', () => {
    const noTarget = evalHarnessRunnable.run(
      harness('make evaluate', {
        'eval/a.py': '',
        Makefile: 'eval:\n\tpython x\n',
        'requirements.txt': PINNED,
      }),
    );
    expect(noTarget.score).toBe(7);
    expect(noTarget.details?.join('\n')).toContain('defines no target "evaluate"');
    const noModule = evalHarnessRunnable.run(
      harness('python -m nowhere.to.be.found', { 'eval/a.py': '', 'requirements.txt': PINNED }),
    );
    expect(noModule.score).toBe(7);
  });

  it('gives one command point when the command cannot be verified', () => {
    const result = evalHarnessRunnable.run(
      harness('./$RUNNER --all', { 'eval/a.py': '', 'requirements.txt': PINNED }),
    );
    expect(result.score).toBe(8);
    const harnessNotDeclared = evalHarnessRunnable.run(
      harness('lm_eval --tasks x', { 'eval/a.py': '', 'requirements.txt': PINNED }),
    );
    expect(harnessNotDeclared.score).toBe(8);
    expect(harnessNotDeclared.details?.join('\n')).toContain('needs lm-eval');
  });

  it('lists each unpinned requirement with its line', () => {
    const result = evalHarnessRunnable.run(
      harness('python eval/run.py', {
        'eval/run.py': '',
        'requirements.txt': '# deps\ntorch>=2.0\nnumpy==1.26.4\ntransformers\nscipy==1.*\n',
      }),
    );
    expect(result.score).toBe(4 + 3 + 0);
    expect(result.details).toEqual(
      expect.arrayContaining([
        'unpinned: requirements.txt:2 torch>=2.0 is a range (">=2.0")',
        'unpinned: requirements.txt:4 transformers has no version',
        'unpinned: requirements.txt:5 scipy==1.* matches many versions ("==1.*")',
      ]),
    );
    expect(result.evidence).toContainEqual({
      file: 'requirements.txt',
      line: 2,
      note: 'torch>=2.0 is not pinned',
    });
  });

  it('rounds pin points down so that one unpinned requirement costs a point', () => {
    const requirements = `${Array.from({ length: 9 }, (_, i) => `pkg${i}==1.0`).join('\n')}\nlast>=1\n`;
    const result = evalHarnessRunnable.run(
      harness('python eval/run.py', { 'eval/run.py': '', 'requirements.txt': requirements }),
    );
    expect(result.score).toBe(9);
  });

  it('follows -r includes and honours -c constraints', () => {
    const result = evalHarnessRunnable.run(
      harness('python eval/run.py', {
        'eval/run.py': '',
        'requirements.txt': '-r eval/base.txt\n-c constraints.txt\ntorch\n',
        'eval/base.txt': 'numpy==1.26.4\n',
        'constraints.txt': 'torch==2.3.1\n',
      }),
    );
    expect(result.score).toBe(10);
  });

  it('reads conda environment files', () => {
    const env =
      'name: eval\ndependencies:\n  - python=3.10.13\n  - numpy=1.26.4=py310h_0\n  - pip:\n    - torch==2.3.1\n';
    expect(
      evalHarnessRunnable.run(harness('python eval/run.py', { 'eval/run.py': '', 'environment.yml': env }))
        .score,
    ).toBe(10);
    const loose = 'dependencies:\n  - python=3.10\n  - numpy\n';
    const result = evalHarnessRunnable.run(
      harness('python eval/run.py', { 'eval/run.py': '', 'environment.yml': loose }),
    );
    expect(result.score).toBe(7);
    expect(result.details?.join('\n')).toContain(
      'unpinned: environment.yml:2 python=3.10 "=3.10" matches every 3.10.x release; give the full version',
    );
    expect(result.details).toContain('unpinned: environment.yml:3 numpy has no version');
  });

  it('does not count pyproject ranges or an empty lock file as pins', () => {
    const ranges = evalHarnessRunnable.run(
      harness('python eval/run.py', {
        'eval/run.py': '',
        'pyproject.toml': '[project]\ndependencies = ["torch>=2"]\n',
      }),
    );
    expect(ranges.score).toBe(7);
    expect(ranges.remediation).toContain('lock file');
    const empty = evalHarnessRunnable.run(
      harness('python eval/run.py', { 'eval/run.py': '', 'poetry.lock': '' }),
    );
    expect(empty.score).toBe(7);
    expect(empty.details).toContain('dependencies: poetry.lock is empty');
  });

  it('scores code without a command or dependency file at 4', () => {
    const result = evalHarnessRunnable.run(harness(undefined, { 'eval/run.py': '' }));
    expect(result.score).toBe(4);
    expect(result.remediation).toMatch(/^Declare the `command`/);
  });

  it('scores code that is only at a URL without checking its command', () => {
    const evidence = buildEvidence({
      components: {
        'evaluation-code': {
          locations: ['https://github.com/org/eval'],
          files: [],
          command: 'python run.py',
        },
      },
    });
    const result = evalHarnessRunnable.run(evidence);
    expect(result.score).toBe(5);
    expect(result.reason).toContain('at a URL');
  });

  it('fails when evaluation code is withheld or missing', () => {
    expect(evalHarnessRunnable.run(buildEvidence()).score).toBe(0);
    const missing = buildEvidence({
      components: {
        'evaluation-code': {
          locations: ['eval/'],
          files: [],
          missing: ['eval/'],
          command: 'python eval/run.py',
        },
      },
    });
    expect(evalHarnessRunnable.run(missing)).toMatchObject({
      score: 0,
      reason: expect.stringContaining('matches no file'),
    });
  });

  it('refuses commands that leave the pack', () => {
    for (const command of ['python ../outside.py', 'python /usr/lib/eval.py', 'cd ../.. && python run.py']) {
      const result = evalHarnessRunnable.run(
        harness(command, { 'eval/run.py': '', 'requirements.txt': PINNED }),
      );
      expect(result.score, command).toBe(7);
    }
  });

  it('survives hostile commands and dependency files', () => {
    const hostile = [
      BINARY_LOOKING_TEXT,
      'x'.repeat(100_000),
      '"unterminated',
      'python -m ../../etc',
      `bash -c "bash -c 'bash -c \\"python eval/run.py\\"'"`,
      '|| && ;',
    ];
    for (const command of hostile) {
      const [outcome] = runChecks(
        harness(command, {
          'eval/run.py': '',
          'requirements.txt': `${BINARY_LOOKING_TEXT}\n${'9'.repeat(5000)}\n`,
        }),
        [evalHarnessRunnable],
      );
      expect(outcome!.reason, command.slice(0, 20)).not.toContain('unexpectedly');
      expect(outcome!.score).toBeGreaterThanOrEqual(4);
      expect(outcome!.score).toBeLessThan(10);
    }
  });

  it('reports an environment.yml that is not YAML', () => {
    const result = evalHarnessRunnable.run(
      harness('python eval/run.py', { 'eval/run.py': '', 'environment.yml': 'dependencies: [unclosed\n' }),
    );
    expect(result.score).toBe(7);
    expect(result.details?.join('\n')).toMatch(/environment\.yml(:\d+)?: not valid YAML/);
  });
});
