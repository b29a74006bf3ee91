import { describe, expect, it } from 'vitest';
import { locationWebUrl, pathUrl } from './location-url.ts';

const model = { ref: 'hf:star-lab/star-7b', kind: 'hf' } as const;
const dataset = { ref: 'hf:datasets/star-lab/star-corpus', kind: 'hf' } as const;
const github = { ref: 'https://github.com/star-lab/star.git', kind: 'git' } as const;

describe('locationWebUrl', () => {
  it('names Hub models and datasets on huggingface.co, whatever mirror they were read from', () => {
    expect(locationWebUrl({ ...model, url: 'http://127.0.0.1:4000/star-lab/star-7b' })).toBe(
      'https://huggingface.co/star-lab/star-7b',
    );
    expect(locationWebUrl(dataset)).toBe('https://huggingface.co/datasets/star-lab/star-corpus');
  });

  it('gives the web page of an https git repository, without .git or credentials', () => {
    expect(locationWebUrl(github)).toBe('https://github.com/star-lab/star');
    expect(locationWebUrl({ ref: 'https://bot:secret@gitlab.com/star/code#v1', kind: 'git' })).toBe(
      'https://gitlab.com/star/code',
    );
  });

  it('has no address for local folders and archives', () => {
    expect(locationWebUrl({ ref: '/home/me/star-code', kind: 'folder' })).toBeNull();
    expect(locationWebUrl({ ref: 'star.tar.gz', kind: 'archive' })).toBeNull();
  });
});

describe('pathUrl', () => {
  it('points at blob pages for files and tree pages for folders, at the revision the ref names', () => {
    expect(pathUrl(model, 'model.safetensors', 'file')).toBe(
      'https://huggingface.co/star-lab/star-7b/blob/main/model.safetensors',
    );
    expect(pathUrl({ ...model, ref: 'hf:star-lab/star-7b@v1.0' }, 'original', 'folder')).toBe(
      'https://huggingface.co/star-lab/star-7b/tree/v1.0/original',
    );
    expect(pathUrl(github, 'src/train.py', 'file')).toBe(
      'https://github.com/star-lab/star/blob/HEAD/src/train.py',
    );
    expect(pathUrl({ ref: 'https://gitlab.com/star/code#v2', kind: 'git' }, 'eval', 'folder')).toBe(
      'https://gitlab.com/star/code/-/tree/v2/eval',
    );
  });

  it('gives a glob as its folder, the root as the repository page, and encodes names', () => {
    expect(pathUrl(dataset, 'data/*.parquet', 'file')).toBe(
      'https://huggingface.co/datasets/star-lab/star-corpus/tree/main/data',
    );
    expect(pathUrl(dataset, '*.jsonl', 'file')).toBe('https://huggingface.co/datasets/star-lab/star-corpus');
    expect(pathUrl(github, 'docs/model card.md', 'file')).toBe(
      'https://github.com/star-lab/star/blob/HEAD/docs/model%20card.md',
    );
  });

  it('is null for hosts whose page layout is unknown, and for local copies', () => {
    expect(pathUrl({ ref: 'https://git.example.org/star/code', kind: 'git' }, 'train.py', 'file')).toBeNull();
    expect(pathUrl({ ref: '/tmp/code', kind: 'folder' }, 'train.py', 'file')).toBeNull();
  });
});
