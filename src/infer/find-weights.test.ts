import { describe, expect, it } from 'vitest';
import { findWeights, isWeightFile } from './find-weights.ts';

const files = (...paths: string[]) => paths.map((path) => ({ path, size: 100 }));

describe('findWeights', () => {
  it('finds sharded safetensors and their index as final parameters', () => {
    const [finding] = findWeights(
      files(
        'model-00001-of-00002.safetensors',
        'model-00002-of-00002.safetensors',
        'model.safetensors.index.json',
      ),
    );
    expect(finding).toMatchObject({
      id: 'final-parameters',
      status: 'released',
      locations: [
        'model-00001-of-00002.safetensors',
        'model-00002-of-00002.safetensors',
        'model.safetensors.index.json',
      ],
    });
    expect(finding!.evidence).toEqual([
      { file: 'model-00001-of-00002.safetensors', note: '2 weight file(s), 200 B' },
      { file: 'model.safetensors.index.json', note: 'sharded checkpoint index' },
    ]);
  });

  it('summarises many shards as a glob', () => {
    const shards = Array.from(
      { length: 30 },
      (_, i) => `model-${String(i + 1).padStart(5, '0')}-of-00030.safetensors`,
    );
    expect(findWeights(files(...shards))[0]!.locations).toEqual(['model-000*.safetensors']);
  });

  it.each([
    ['pytorch_model.bin', true],
    ['pytorch_model-00001-of-00002.bin', true],
    ['model.gguf', true],
    ['flax_model.msgpack', true],
    ['tf_model.h5', true],
    ['onnx/model.onnx', true],
    ['consolidated.00.pth', true],
    ['training_args.bin', false],
    ['optimizer.pt', false],
    ['data/train.bin', false],
    ['data/embeddings.pt', false],
    ['tokenizer.json', false],
  ])('isWeightFile(%s) is %s', (path, expected) => {
    expect(isWeightFile(path)).toBe(expected);
  });

  it('puts checkpoint folders under intermediate checkpoints, not final parameters', () => {
    const findings = findWeights(
      files(
        'model.safetensors',
        'checkpoint-500/model.safetensors',
        'checkpoint-500/optimizer.pt',
        'step1000-tokens4B/model.safetensors',
      ),
    );
    expect(findings.find((f) => f.id === 'final-parameters')!.locations).toEqual(['model.safetensors']);
    expect(findings.find((f) => f.id === 'intermediate-checkpoints')).toMatchObject({
      status: 'released',
      locations: ['checkpoint-500', 'step1000-tokens4B'],
    });
    expect(findings.some((f) => f.id === 'model-metadata')).toBe(false);
  });

  it('finds training state as metadata, and leaves the architecture to findArchitecture', () => {
    const findings = findWeights(
      files(
        'config.json',
        'generation_config.json',
        'modeling_star.py',
        'trainer_state.json',
        'optimizer.pt',
      ),
    );
    expect(findings.some((f) => f.id === 'model-architecture')).toBe(false);
    expect(findings.find((f) => f.id === 'model-metadata')!.locations).toEqual([
      'optimizer.pt',
      'trainer_state.json',
    ]);
    expect(findings.some((f) => f.id === 'final-parameters')).toBe(false);
  });

  it('finds nothing in a pack without parameters', () => {
    expect(findWeights(files('README.md', 'src/app.py'))).toEqual([]);
  });
});
