import { describe, expect, it } from 'vitest';
import { findArchitecture, isArchitectureFile } from './find-architecture.ts';
import { inferRelease } from './infer-release.ts';
import { fakeInput } from './test-support/fake-input.ts';

/** configs/pythia-160m.yml of EleutherAI/pythia (GPT-NeoX's YAML with comments, as the repository has it). */
const PYTHIA_160M = `{
  # parallelism settings
  "pipe_parallel_size": 1,
  "model_parallel_size": 1,

  # model settings
  "num_layers": 12,
  "hidden_size": 768,
  "num_attention_heads": 12,
  "seq_length": 2048,
  "max_position_embeddings": 2048,
  "pos_emb": "rotary",
  "rotary_pct": 0.25,
  "no_weight_tying": true,
}
`;

describe('isArchitectureFile', () => {
  it.each([
    'modeling_olmo.py',
    'configuration_olmo.py',
    'config.json',
    'original/params.json',
    'src/model.py',
    'olmo/modeling_olmo.py',
  ])('takes %s for the architecture', (path) => {
    expect(isArchitectureFile(path)).toBe(true);
  });

  it.each([
    'lm_eval/tasks/arc/config.json',
    'eval/tasks/mmlu.json',
    'analysis/plot_model.py',
    'scripts/analyze_model.py',
    'eval_model.py',
    'export_model.py',
    'evaluation/model.py',
    'notebooks/config.json',
  ])('does not take %s for the architecture', (path) => {
    expect(isArchitectureFile(path)).toBe(false);
  });
});

describe('findArchitecture', () => {
  it('finds a GPT-NeoX config by its dimensions, not a config without them', async () => {
    const input = fakeInput({
      'configs/pythia-160m.yml': PYTHIA_160M,
      'configs/local_setup.yml':
        '{\n  "data_path": "data/pile_text_document",\n  "save": "checkpoints",\n}\n',
      'lm_eval/tasks/arc/config.json': '{"num_layers": 2, "hidden_size": 8}',
      'eval/tasks/mmlu.json': '{"hidden_size": 8, "num_layers": 2}',
      'analysis/plot_model.py': 'import matplotlib\n',
      'scripts/analyze_model.py': 'import torch\n',
    });
    expect(await findArchitecture(input.files, input.readText)).toEqual([
      {
        id: 'model-architecture',
        status: 'released',
        locations: ['configs/pythia-160m.yml'],
        evidence: [{ file: 'configs/pythia-160m.yml', note: 'architecture configuration' }],
      },
    ]);
    // Only configs under a config folder are read, and each at most 16 KiB.
    expect(input.reads.map((read) => [read.path, read.maxBytes])).toEqual([
      ['configs/local_setup.yml', 16 * 1024],
      ['configs/pythia-160m.yml', 16 * 1024],
    ]);
  });

  it('finds modelling code, the root config.json and original/params.json, and says what config.json defines', async () => {
    const input = fakeInput({
      'config.json': JSON.stringify({
        architectures: ['LlamaForCausalLM'],
        model_type: 'llama',
        hidden_size: 4096,
      }),
      'modeling_star.py': 'class StarForCausalLM(PreTrainedModel):\n    pass\n',
      'original/params.json': '{"dim": 4096, "n_layers": 32, "n_heads": 32}',
      'original/consolidated.00.pth': null,
    });
    const [finding] = await findArchitecture(input.files, input.readText);
    expect(finding!.locations).toEqual(['config.json', 'modeling_star.py', 'original/params.json']);
    expect(finding!.evidence).toEqual([
      { file: 'modeling_star.py', note: 'model architecture code' },
      { file: 'config.json', note: 'defines LlamaForCausalLM, model_type llama' },
      { file: 'original/params.json', note: 'architecture configuration' },
    ]);
  });

  it('describes a diffusers config by its class name and survives a broken config.json', async () => {
    const diffusers = fakeInput({ 'config.json': JSON.stringify({ _class_name: 'UNet2DConditionModel' }) });
    expect((await findArchitecture(diffusers.files, diffusers.readText))[0]!.evidence).toEqual([
      { file: 'config.json', note: 'defines UNet2DConditionModel' },
    ]);
    const broken = fakeInput({ 'config.json': '{"architectures": [' });
    expect((await findArchitecture(broken.files, broken.readText))[0]!.evidence).toEqual([
      { file: 'config.json', note: 'architecture configuration' },
    ]);
  });

  it('finds nothing in evaluation tasks, analysis scripts and test configs of a release', async () => {
    const inference = await inferRelease(
      fakeInput({
        'lm_eval/tasks/star/config.json': '{"num_layers": 2, "hidden_size": 8}',
        'eval/tasks/arc.json': '{"num_layers": 2, "hidden_size": 8}',
        'analysis/plot_model.py': 'import matplotlib\n',
        'scripts/analyze_model.py': 'import torch\n',
        'tests/models/star/config.json': JSON.stringify({ architectures: ['StarForCausalLM'] }),
        'tests/models/star/modeling_star.py': 'class StarForCausalLM: pass\n',
      }),
    );
    expect(inference.components.find((c) => c.id === 'model-architecture')).toBeUndefined();
  });
});
