import { describe, expect, it } from 'vitest';
import type { CommandContext } from './command-context.ts';
import { expectFile, isFolder, resolvePath } from './command-paths.ts';
import type { CommandVerdict } from './command-verdict.ts';

const context: CommandContext = {
  files: new Set(['eval/run.py', 'scripts/go.sh']),
  texts: {},
  dependencies: new Set(),
  baseDirs: ['eval'],
};

function verdictFor(candidate: string, cwd = ''): CommandVerdict {
  const verdict: CommandVerdict = { state: 'unverified', found: [], problems: [], evidence: [] };
  expectFile(candidate, cwd, context, verdict, 'python');
  return verdict;
}

describe('resolvePath', () => {
  it.each([
    ['', 'a/b.py', 'a/b.py'],
    ['eval', './run.py', 'eval/run.py'],
    ['eval', '../scripts/go.sh', 'scripts/go.sh'],
    ['eval', 'sub\\x.py', 'eval/sub/x.py'],
    ['a', '..', ''],
    ['', '../x', null],
    ['', '/etc/passwd', null],
    ['', 'C:\\x', null],
    ['', '', null],
    ['', 'a\0b', null],
  ])('%j + %j is %j', (base, relative, resolved) => {
    expect(resolvePath(base, relative)).toBe(resolved);
  });
});

describe('isFolder', () => {
  it('knows the root and folders that hold files', () => {
    expect(isFolder('', context)).toBe(true);
    expect(isFolder('eval', context)).toBe(true);
    expect(isFolder('ev', context)).toBe(false);
  });
});

describe('expectFile', () => {
  it('finds a file from the command folder or, at the root, in the component folders', () => {
    expect(verdictFor('run.py')).toMatchObject({ state: 'runnable', found: ['eval/run.py exists'] });
    expect(verdictFor('../scripts/go.sh', 'eval')).toMatchObject({ state: 'runnable' });
  });

  it('breaks on missing, absolute and escaping paths; a variable leaves it unverified', () => {
    expect(verdictFor('missing.py')).toMatchObject({
      state: 'broken',
      problems: ['python missing.py: no such file in the pack'],
    });
    expect(verdictFor('/opt/run.py').problems[0]).toMatch(/an absolute path/);
    expect(verdictFor('../../x.py').problems[0]).toMatch(/points outside the pack/);
    expect(verdictFor('$SCRIPT')).toMatchObject({
      state: 'unverified',
      problems: [expect.stringMatching(/variable/)],
    });
  });
});
