import { describe, expect, it } from 'vitest';
import type { ReleaseEvidence } from '../../spec/index.ts';
import { assessPins } from './dependency-pins.ts';

function evidence(texts: Record<string, string>): ReleaseEvidence {
  return {
    files: Object.entries(texts).map(([path, text]) => ({ path, size: text.length })),
    documents: Object.fromEntries(
      Object.entries(texts).map(([path, text]) => [path, { path, text, truncated: false }]),
    ),
  } as ReleaseEvidence;
}

describe('assessPins', () => {
  it('counts pinned and unpinned requirements, following includes and constraints', () => {
    const pack = evidence({
      'requirements.txt':
        '-r base/requirements-core.txt\n-c constraints.txt\ntorch>=2\nnumpy==1.26.4\n./local\n',
      'base/requirements-core.txt': 'transformers==4.40.0 \\\n  --hash=sha256:0123\n',
      'constraints.txt': 'torch==2.3.0\n',
    });
    const assessment = assessPins(pack, ['requirements.txt']);
    expect(assessment).toMatchObject({
      listFiles: ['requirements.txt', 'base/requirements-core.txt', 'constraints.txt'],
      total: 3,
      pinned: 3,
      unpinned: [],
      problems: [],
    });
    expect([...assessment.names].sort()).toEqual(['numpy', 'torch', 'transformers']);
  });

  it('names what is not pinned and what is wrong, and takes lock files and range-only files', () => {
    const pack = evidence({
      'requirements.txt': 'torch>=2\n-r ../outside.txt\n',
      'environment.yml': 'dependencies:\n  - python=3.10\n  - pip:\n      - vllm==0.5.0\n',
      'uv.lock': '[[package]]\nname = "httpx"\n',
      'pyproject.toml': '[project]\ndependencies = ["httpx"]\n',
      'poetry.lock': '',
    });
    const assessment = assessPins(pack, Object.keys(pack.documents));
    expect(assessment.lockFiles).toEqual(['uv.lock']);
    expect(assessment.rangeOnly).toEqual(['pyproject.toml']);
    expect(assessment.unpinned.map((item) => [item.file, item.line, item.why])).toEqual([
      ['environment.yml', 2, '"=3.10" matches every 3.10.x release; give the full version'],
      ['requirements.txt', 1, 'is a range (">=2")'],
    ]);
    expect(assessment.problems).toEqual([
      'poetry.lock is empty',
      'requirements.txt:2: ../outside.txt points outside the pack',
    ]);
    expect(assessment.names.has('httpx')).toBe(true);
  });
});
