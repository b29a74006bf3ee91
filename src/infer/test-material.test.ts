import { describe, expect, it } from 'vitest';
import { inferRelease } from './infer-release.ts';
import type { Inference } from './inference.ts';
import { isTestMaterial } from './test-material.ts';
import { fakeInput } from './test-support/fake-input.ts';

const CARD = `# Star 7B

Star 7B is a decoder-only language model trained by Star Lab on three trillion tokens of public web text, code and papers, for research on small models.
`;

function component(inference: Inference, id: string) {
  return inference.components.find((c) => c.id === id);
}

describe('isTestMaterial', () => {
  it.each([
    'tests/fixtures/model.safetensors',
    'tests/fixtures/tiny/config.json',
    'fixtures/pytorch_model.bin',
    'test_fixtures/checkpoints/step-100/model.safetensors',
    'testing/models/star.gguf',
    'src/star/tests/data/eval.jsonl',
    'tiny-random-LlamaForCausalLM/model.safetensors',
    'hf-internal-testing/tiny-random-gpt2/config.json',
    'models/dummy/config.json',
    'dummy_model.safetensors',
    'tests/test_modeling_star.py',
  ])('takes %s for test material', (path) => {
    expect(isTestMaterial(path)).toBe(true);
  });

  it.each([
    'data/test/part-0.parquet',
    'datasets/glue/test/00000.parquet',
    'src/model.py',
    'model.safetensors',
    'configs/attestation.yml',
    'latest/contest.md',
    'scripts/random_init.py',
  ])('keeps %s as part of the release', (path) => {
    expect(isTestMaterial(path)).toBe(false);
  });
});

describe('inferRelease and test material', () => {
  it('does not take weights, configs or data under test folders for the release', async () => {
    const inference = await inferRelease(
      fakeInput(
        {
          'README.md': CARD,
          'tests/fixtures/model.safetensors': null,
          'tests/fixtures/config.json': JSON.stringify({ architectures: ['LlamaForCausalLM'] }),
          'fixtures/pytorch_model.bin': null,
          'test_fixtures/eval/mmlu.jsonl': '{"question": "?"}\n',
          'testing/evaluation/arc.parquet': null,
          'tiny-random-llama/model.safetensors': null,
          'tiny-random-llama/config.json': JSON.stringify({ architectures: ['LlamaForCausalLM'] }),
          'dummy_model/model.safetensors': null,
          'tests/modeling_tiny.py': 'class TinyModel: pass\n',
        },
        'https://github.com/star-lab/star',
      ),
    );
    expect(component(inference, 'final-parameters')).toBeUndefined();
    expect(component(inference, 'model-architecture')).toBeUndefined();
    expect(component(inference, 'evaluation-data')).toBeUndefined();
    expect(component(inference, 'training-datasets')).toBeUndefined();
    expect(inference.components.map((c) => c.id)).toEqual(['model-card']);
  });

  it('keeps a test split of a data folder as data and src/model.py as the architecture', async () => {
    const inference = await inferRelease(
      fakeInput(
        {
          'README.md': CARD,
          'src/model.py': 'class StarModel(nn.Module):\n    pass\n',
          'data/train/part-0.parquet': null,
          'data/test/part-0.parquet': null,
          'tests/fixtures/model.safetensors': null,
        },
        'https://github.com/star-lab/star',
      ),
    );
    expect(component(inference, 'model-architecture')?.locations).toEqual(['src/model.py']);
    const data = [
      ...(component(inference, 'training-datasets')?.locations ?? []),
      ...(component(inference, 'evaluation-data')?.locations ?? []),
    ];
    expect(data.some((location) => location.startsWith('data/test'))).toBe(true);
    expect(component(inference, 'final-parameters')).toBeUndefined();
  });
});
