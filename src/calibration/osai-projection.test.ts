import { describe, expect, it } from 'vitest';
import { runChecks } from '../checks/index.ts';
import { buildProfile } from '../profile/index.ts';
import { collectEvidence, memoryPack } from '../scan/index.ts';
import { projectOnOsai } from './osai-projection.ts';

const prose = (topic: string) =>
  `This part of the card explains ${topic} in enough plain words for a reader to follow it well.`;

async function projectionOf(readme: string, extra: Record<string, string> = {}, ref = 'memory') {
  const evidence = await collectEvidence(
    memoryPack({ 'README.md': readme, 'model.safetensors': 'bytes', ...extra }, { ref }),
    { asOf: '2026-01-01' },
  );
  const profile = buildProfile(evidence, runChecks(evidence));
  return projectOnOsai(profile, evidence.documents);
}

describe('projectOnOsai', () => {
  it('reads a card laid out with bold labels: its sections and its infrastructure', async () => {
    const projection = await projectionOf(
      [
        '---',
        'license: apache-2.0',
        '---',
        '# Example-4B',
        '**Model Summary:**',
        prose('who built the model and what it is'),
        '**Intended use:**',
        prose('what the model is for'),
        '**Training Data:**',
        prose('the data the model was trained on'),
        '**Evaluation Results:**',
        prose('the benchmarks and the scores'),
        '**Ethical Considerations and Limitations:**',
        prose('the risks of the model'),
        '**Infrastructure:**',
        'We trained the model on an NVIDIA GB200 NVL72 cluster hosted by a cloud provider.',
      ].join('\n'),
    );
    expect(projection.modelcard.rating).toBe('open');
    expect(projection.hardware_architecture).toEqual({
      rating: 'open',
      reason: 'the model card documents the training hardware',
    });
  });

  it('names accelerators only as hardware documentation, not an emphasised word', async () => {
    const card = (line: string) =>
      ['---', 'license: apache-2.0', '---', '# Example-4B', prose('the model'), line].join('\n');
    const bare = await projectionOf(card('**Note:** this model runs well on a laptop GPU.'));
    expect(bare.hardware_architecture.rating).toBe('closed');
    const counted = await projectionOf(card('The model was trained on 512 H100 GPUs for 30 days.'));
    expect(counted.hardware_architecture.rating).toBe('open');
  });
});

describe('projectOnOsai: base-model weights', () => {
  const card = (frontMatter: string[], lines: string[]) =>
    [
      '---',
      'license: apache-2.0',
      ...frontMatter,
      '---',
      '# Example-70B-Instruct',
      prose('the model'),
      ...lines,
    ].join('\n');

  it('rates the base weights closed when the card ships only the post-trained model', async () => {
    const noted = await projectionOf(
      card(
        [],
        [
          '> [!Note]',
          '> This repository contains the weights and configuration files of the post-trained model in the Hugging Face Transformers format.',
        ],
      ),
    );
    expect(noted.weights_basemodel.rating).toBe('closed');
    expect(noted.weights_endmodel.rating).toBe('open');
    const usage = await projectionOf(
      card([], ['This is a post-trained model, so please use the correct chat template.']),
    );
    expect(usage.weights_basemodel.rating).toBe('closed');
  });

  it('keeps the base weights open when the card names its base model', async () => {
    const post = '> This repository contains the weights of the post-trained model.';
    const frontMatter = await projectionOf(card(['base_model: example-org/Example-70B'], [post]));
    expect(frontMatter.weights_basemodel.rating).toBe('open');
    const listed = await projectionOf(card(['base_model:', '- example-org/Example-70B'], [post]));
    expect(listed.weights_basemodel.rating).toBe('open');
    const linked = await projectionOf(
      card(
        [],
        [post, '| Base model | [Example-70B-Base](https://huggingface.co/example-org/Example-70B-Base) |'],
      ),
    );
    expect(linked.weights_basemodel.rating).toBe('open');
  });

  it('does not read post-training in passing as an end model only', async () => {
    const projection = await projectionOf(
      card(
        [],
        [
          'The MoE weights are post-trained in MXFP4, so the model runs on a single 80GB GPU.',
          'The model went through a safety post-training combining SFT and DPO.',
        ],
      ),
    );
    expect(projection.weights_basemodel.rating).toBe('open');
  });
});

describe('projectOnOsai: datasheet', () => {
  const readme = ['---', 'license: apache-2.0', '---', '# Example-7B', prose('the model')].join('\n');
  const dataCard = (headings: string[]) =>
    [
      '---',
      'license: odc-by',
      'task_categories:',
      '- text-generation',
      '---',
      '# Example Mix',
      prose('what the mix is'),
      ...headings.flatMap((heading) => [heading, prose(heading.replace(/^#+\s*/, '').toLowerCase())]),
    ].join('\n');

  it("rates a dataset card in the Hub's layout (structure, sources, license) an open datasheet", async () => {
    const hubLayout = await projectionOf(readme, {
      'DATASET_CARD.md': dataCard(['## Dataset Structure', '## Sources', '## License', '## Citation']),
    });
    expect(hubLayout.datasheet.rating).toBe('open');
    const template = await projectionOf(readme, {
      'DATASET_CARD.md': dataCard([
        '## Dataset Description',
        '### Dataset Summary',
        '## Dataset Structure',
        '### Data Fields',
        '## Dataset Creation',
        '## Additional Information',
        '### Licensing Information',
      ]),
    });
    expect(template.datasheet.rating).toBe('open');
  });

  it('keeps a data card without that layout partial', async () => {
    const description = await projectionOf(readme, {
      'DATASET_CARD.md': dataCard(['## Data Description', '## DataMix', '## License']),
    });
    expect(description.datasheet.rating).toBe('partial');
    const noSources = await projectionOf(readme, {
      'DATASET_CARD.md': dataCard(['## Dataset Structure', '## License']),
    });
    expect(noSources.datasheet.rating).toBe('partial');
  });
});

describe("projectOnOsai: the publisher's fine-tuning recipes", () => {
  const card = (line: string) =>
    ['---', 'license: other', '---', '# Example-70B-Instruct', prose('the model'), line].join('\n');
  const recipesLine =
    'For more technical information about generation parameters and recipes for how to use the model in applications, please go [here](https://github.com/example-org/example-recipes).';

  it('reads recipes in a repository of the publisher as partial training code', async () => {
    const projection = await projectionOf(card(recipesLine), {}, 'hf:example-org/Example-70B-Instruct');
    expect(projection.trainingcode.rating).toBe('partial');
    expect(projection.code.rating).toBe('partial');
    const cookbook = await projectionOf(
      card(
        'For recipes on how to use the model, see the [cookbook](https://github.com/Example-Org/example-cookbook).',
      ),
      {},
      'hf:example-org/Example-70B-Instruct',
    );
    expect(cookbook.trainingcode.rating).toBe('partial');
  });

  it("does not count another organisation's fine-tuning framework or the publisher's other code", async () => {
    const framework = await projectionOf(
      card(
        'Many frameworks support the model, e.g. [ms-swift](https://github.com/modelscope/swift), [LLaMA-Factory](https://github.com/hiyouga/LLaMA-Factory), etc., to finetune your models with SFT, DPO, GRPO, etc.',
      ),
      {},
      'hf:example-org/Example-70B-Instruct',
    );
    expect(framework.trainingcode.rating).toBe('closed');
    const thirdParty = await projectionOf(
      card(
        'Community [recipes](https://github.com/huggingface/huggingface-example-recipes) show how to use the model.',
      ),
      {},
      'hf:example-org/Example-70B-Instruct',
    );
    expect(thirdParty.trainingcode.rating).toBe('closed');
    const inference = await projectionOf(
      card('Inference code lives in [example-models](https://github.com/example-org/example-models).'),
      {},
      'hf:example-org/Example-70B-Instruct',
    );
    expect(inference.trainingcode.rating).toBe('closed');
  });
});

describe('projectOnOsai: peer-reviewed paper', () => {
  const card = (lines: string[]) =>
    ['---', 'license: apache-2.0', '---', '# Star-2', prose('the model'), ...lines].join('\n');
  const preprint = [
    '## Citation',
    '```bibtex',
    '@article{star2,',
    '  journal={arXiv preprint arXiv:2408.06072},',
    '}',
    '```',
  ];

  it("is open when the release's own paper shows a venue", async () => {
    const projection = await projectionOf(
      card([
        '## Citation',
        '```bibtex',
        '@article{star2,',
        '  journal={Nature},',
        '  doi={10.1038/s41586-025-00001-z},',
        '}',
        '```',
      ]),
    );
    expect(projection.paper.rating).toBe('open');
  });

  it('is partial when only another work it names as a paper shows one, closed when none does', async () => {
    const named = await projectionOf(
      card([
        "- We open-sourced Star-1 last year: check the [ICLR'23 Star-1 Paper](https://arxiv.org/abs/2205.15868) for details.",
        ...preprint,
      ]),
    );
    expect(named.paper.rating).toBe('partial');
    const none = await projectionOf(card(preprint));
    expect(none.paper.rating).toBe('closed');
  });
});
