import { describe, expect, it } from 'vitest';
import { splitSegments, stripPrefixes } from './shell-segments.ts';

describe('splitSegments', () => {
  it('splits on ; && || and |, keeping variables and globs, dropping redirections and comments', () => {
    expect(splitSegments('cd eval && python run.py --out $OUT > log.txt | tee x; ls *.json # done')).toEqual([
      { words: ['cd', 'eval'] },
      { words: ['python', 'run.py', '--out', '$OUT'] },
      { words: ['tee', 'x'] },
      { words: ['ls', '*.json'] },
    ]);
  });

  it('keeps quoted arguments whole', () => {
    expect(splitSegments(`bash -c 'python a.py && python b.py'`)).toEqual([
      { words: ['bash', '-c', 'python a.py && python b.py'] },
    ]);
  });
});

describe('stripPrefixes', () => {
  it.each([
    [
      ['CUDA_VISIBLE_DEVICES=0', 'python', 'x.py'],
      ['python', 'x.py'],
    ],
    [
      ['uv', 'run', '--with', 'torch', 'python', 'x.py'],
      ['python', 'x.py'],
    ],
    [['conda', 'run', '-n', 'env', 'lm_eval'], ['lm_eval']],
    [
      ['time', 'env', '-u', 'HOME', 'A=1', 'bash', 'run.sh'],
      ['bash', 'run.sh'],
    ],
    [
      ['srun', '--gres', 'gpu:1', 'torchrun', 'train.py'],
      ['torchrun', 'train.py'],
    ],
    [
      ['make', 'eval'],
      ['make', 'eval'],
    ],
    [['A=1'], []],
  ])('%j runs %j', (words, program) => {
    expect(stripPrefixes(words)).toEqual(program);
  });
});
