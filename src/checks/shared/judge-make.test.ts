import { describe, expect, it } from 'vitest';
import type { CommandContext } from './command-context.ts';
import type { CommandVerdict } from './command-verdict.ts';
import { findMakeTarget, judgeMake } from './judge-make.ts';

function context(files: Record<string, string | undefined>): CommandContext {
  const texts: Record<string, { text: string }> = {};
  for (const [path, text] of Object.entries(files)) if (text !== undefined) texts[path] = { text };
  return { files: new Set(Object.keys(files)), texts, dependencies: new Set(), baseDirs: [] };
}

function make(args: string[], files: Record<string, string | undefined>, cwd = ''): CommandVerdict {
  const verdict: CommandVerdict = { state: 'unverified', found: [], problems: [], evidence: [] };
  expect(judgeMake(args, cwd, context(files), verdict)).toBe('checked');
  return verdict;
}

describe('judgeMake', () => {
  it('finds the targets named in a Makefile the collector read', () => {
    const verdict = make(['-j', '4', 'eval'], { Makefile: 'eval:\n\tpython run.py\n' });
    expect(verdict).toMatchObject({ state: 'runnable', found: ['Makefile defines eval'] });
    expect(verdict.evidence).toEqual([
      { file: 'Makefile', note: 'make eval' },
      { file: 'Makefile', line: 1, note: 'target eval' },
    ]);
  });

  it('follows -C and -f, and trusts a Makefile it did not read', () => {
    expect(make(['-C', 'bench', '-f', 'rules.mk', 'all'], { 'bench/rules.mk': undefined })).toMatchObject({
      state: 'runnable',
      found: ['bench/rules.mk exists (target all not read)'],
    });
    expect(make(['--directory=bench'], { 'bench/GNUmakefile': 'x:\n' })).toMatchObject({ state: 'runnable' });
  });

  it('breaks on a missing Makefile, a missing target or a folder outside the pack', () => {
    expect(make(['eval'], {}).problems).toEqual(['make: no Makefile in the pack root']);
    expect(make(['eval'], { 'sub/Makefile': 'all:\n' }, 'sub').problems).toEqual([
      'make eval: sub/Makefile defines no target "eval"',
    ]);
    expect(make(['-C', '../..'], { Makefile: 'all:\n' })).toMatchObject({
      state: 'broken',
      problems: ['make -C ../..: outside the pack'],
    });
  });
});

describe('findMakeTarget', () => {
  const makefile = 'VAR := x\nall: build\n\n# eval: comment\neval test : deps\n\t@echo hi\nURL = http://x\n';
  it('finds rules, not assignments, comments or recipes', () => {
    expect(findMakeTarget(makefile, 'eval')).toBe(5);
    expect(findMakeTarget(makefile, 'test')).toBe(5);
    expect(findMakeTarget(makefile, 'VAR')).toBeNull();
    expect(findMakeTarget(makefile, 'URL')).toBeNull();
    expect(findMakeTarget(makefile, '@echo')).toBeNull();
  });

  it('stays fast on a hostile line', () => {
    expect(findMakeTarget(`${' '.repeat(1_000_000)}x`, 'x')).toBeNull();
    expect(findMakeTarget(`a${' '.repeat(1_000_000)}:`, 'a')).toBe(1);
  });
});
