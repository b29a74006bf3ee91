import { describe, expect, it } from 'vitest';
import {
  CODE_READ_BYTES,
  classifyCodeContent,
  classifyCodeFiles,
  classifyCodePath,
  MAX_CODE_FILES_READ,
} from './classify-code-files.ts';
import { fakeInput } from './test-support/fake-input.ts';

describe('classifyCodePath', () => {
  it.each([
    ['train.py', 'training-code'],
    ['scripts/finetune_lora.py', 'training-code'],
    ['pretrain_gpt.sh', 'training-code'],
    ['training/loop.py', 'training-code'],
    ['inference.py', 'inference-code'],
    ['generate.py', 'inference-code'],
    ['serve/app.py', 'inference-code'],
    ['eval.py', 'evaluation-code'],
    ['scripts/evaluate_mmlu.py', 'evaluation-code'],
    ['benchmarks/run.py', 'evaluation-code'],
    ['preprocess.py', 'data-preprocessing-code'],
    ['data/tokenize_corpus.py', 'data-preprocessing-code'],
    ['dedup_minhash.py', 'data-preprocessing-code'],
    ['eval/train_probe.py', 'training-code'],
  ])('%s is %s', (path, kind) => {
    expect(classifyCodePath(path)?.kind).toBe(kind);
  });

  it.each([
    'tests/test_train.py',
    'test_eval.py',
    'training/notes.md',
    'trainer_state.json',
    'utils.py',
    'strain.py',
  ])('%s is not classified by path', (path) => {
    expect(classifyCodePath(path)).toBeNull();
  });
});

describe('classifyCodeContent', () => {
  it('recognises a training loop, a harness, preprocessing and generation', () => {
    expect(classifyCodeContent('import torch\n\nloss.backward()\noptimizer.step()')).toMatchObject({
      kind: 'training-code',
      line: 3,
    });
    expect(classifyCodeContent('import lm_eval\nlm_eval.simple_evaluate()')?.kind).toBe('evaluation-code');
    expect(classifyCodeContent('task: my_task\ndataset_path: cais/mmlu\n')?.kind).toBe('evaluation-code');
    expect(classifyCodeContent('from datasketch import MinHash')?.kind).toBe('data-preprocessing-code');
    expect(classifyCodeContent('out = model.generate(ids, max_new_tokens=20)')?.kind).toBe('inference-code');
    expect(classifyCodeContent('def add(a, b):\n    return a + b\n')).toBeNull();
  });
});

describe('classifyCodeFiles', () => {
  it('classifies by path without reading, and reads the rest with a byte limit', async () => {
    const input = fakeInput({
      'train.py': 'print(1)',
      'tools/run.py': 'from accelerate import Accelerator\n',
      'tools/util.py': 'x = 1\n',
      'README.md': '# hi',
    });
    const findings = await classifyCodeFiles(input.files, input.readText);
    expect(findings).toEqual([
      expect.objectContaining({
        id: 'training-code',
        status: 'released',
        locations: ['tools/run.py', 'train.py'],
      }),
    ]);
    expect(findings[0]!.evidence[1]).toMatchObject({ file: 'tools/run.py', line: 1 });
    expect(input.reads.map((read) => read.path).sort()).toEqual(['tools/run.py', 'tools/util.py']);
    expect(input.reads.every((read) => read.maxBytes === CODE_READ_BYTES)).toBe(true);
  });

  it(`reads at most ${MAX_CODE_FILES_READ} files, shallow ones first`, async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 500; i++) files[`pkg/deep/mod${i}.py`] = 'x = 1';
    files['top.py'] = 'import deepspeed\n';
    const input = fakeInput(files);
    const findings = await classifyCodeFiles(input.files, input.readText);
    expect(input.reads).toHaveLength(MAX_CODE_FILES_READ);
    expect(input.reads[0]!.path).toBe('top.py');
    expect(findings.map((f) => f.id)).toEqual(['training-code']);
  });
});
