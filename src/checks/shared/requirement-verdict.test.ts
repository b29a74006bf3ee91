import { describe, expect, it } from 'vitest';
import { judgeCondaSpec, judgeRequirement } from './requirement-verdict.ts';

describe('judgeRequirement', () => {
  it.each([
    ['numpy==1.26.4', 'pinned'],
    ['numpy === 1.26.4', 'pinned'],
    ['torch==2.1.0+cu118', 'pinned'],
    ['Foo_Bar[extra1,extra2]==1.0 ; python_version < "3.9"', 'pinned'],
    ['numpy>=1.0 --hash=sha256:0123abcd', 'pinned'],
    ['pkg @ https://example.org/pkg-1.0.tar.gz#sha256=0123abcd', 'pinned'],
    [`pkg @ git+https://github.com/o/r.git@${'a'.repeat(40)}`, 'pinned'],
    [`git+https://github.com/o/r.git@${'0'.repeat(40)}#egg=r`, 'pinned'],
    ['numpy', 'unpinned'],
    ['numpy>=1.0,<2', 'unpinned'],
    ['numpy~=1.26', 'unpinned'],
    ['numpy==1.*', 'unpinned'],
    ['pkg @ https://example.org/pkg.tar.gz', 'unpinned'],
    ['git+https://github.com/o/r.git@main', 'unpinned'],
    ['numpy=1.0', 'unpinned'],
    ['./local/pkg', 'local'],
    ['.', 'local'],
    ['file:///opt/wheels/x.whl', 'local'],
  ])('%s is %s', (line, kind) => {
    expect(judgeRequirement(line).kind).toBe(kind);
  });

  it('says why a requirement is not pinned', () => {
    expect(judgeRequirement('torch>=2')).toMatchObject({ name: 'torch', why: 'is a range (">=2")' });
    expect(judgeRequirement('%%% garbage')).toMatchObject({
      kind: 'unpinned',
      why: 'cannot be read as a requirement',
    });
  });
});

describe('judgeCondaSpec', () => {
  it.each([
    ['numpy==1.26.4', 'pinned'],
    ['numpy=1.26.4=py310h_0', 'pinned'],
    ['conda-forge::numpy=1.26.4', 'pinned'],
    ['numpy 1.26.4 py310h_0', 'pinned'],
    ['python=3.10', 'unpinned'],
    ['numpy', 'unpinned'],
    ['numpy>=1.26', 'unpinned'],
    ['numpy=1.26.*', 'unpinned'],
  ])('%s is %s', (spec, kind) => {
    expect(judgeCondaSpec(spec).kind).toBe(kind);
  });
});
