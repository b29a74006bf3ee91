import { describe, expect, it } from 'vitest';
import { namesInLockFile, namesInPyproject, normaliseDependencyName } from './dependency-names.ts';

describe('normaliseDependencyName', () => {
  it('compares names as PEP 503 does', () => {
    expect(normaliseDependencyName('Foo_Bar.baz')).toBe('foo-bar-baz');
    expect(normaliseDependencyName('lm__eval')).toBe('lm-eval');
  });
});

describe('namesInLockFile', () => {
  it('reads Pipfile.lock groups and name lines of other locks', () => {
    expect(
      namesInLockFile('Pipfile.lock', JSON.stringify({ default: { Torch: {} }, develop: { py_test: {} } })),
    ).toEqual(['torch', 'py-test']);
    expect(namesInLockFile('sub/poetry.lock', '[[package]]\nname = "lm_eval"\nversion = "0.4.0"\n')).toEqual([
      'lm-eval',
    ]);
    expect(namesInLockFile('conda-lock.yml', 'package:\n  - name: numpy\n')).toEqual(['numpy']);
    expect(namesInLockFile('Pipfile.lock', 'not json')).toEqual([]);
    expect(namesInLockFile('package.json', '{"name": "x"}')).toEqual([]);
  });
});

describe('namesInPyproject', () => {
  it('reads quoted requirements and dependency tables, leaving python out', () => {
    const text = `[project]
dependencies = [
  "torch>=2",
  "Lm_Eval[vllm]==0.4",
]

[tool.poetry.dependencies]
python = "^3.10"
transformers = "^4.40"
`;
    expect(namesInPyproject(text)).toEqual(['torch', 'lm-eval', 'transformers']);
  });
});
