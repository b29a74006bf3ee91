import { describe, expect, it } from 'vitest';
import { classifyUrl, findLinks, isSameOwner } from './find-links.ts';
import type { ReleaseLink } from './release-link.ts';

const SHA_1B = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const SHA_7B = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';

/** The README of a GitHub repository that publishes its weights on the Hub, as OLMo's does. */
const OLMO_README = `# OLMo: Open Language Model

OLMo is a repository for training and using AI2's state-of-the-art open language models.

## Models

| Size | Training Tokens | Checkpoint | sha256 |
|------|-----------------|------------|--------|
| 1B | 3 Trillion | [allenai/OLMo-1B](https://huggingface.co/allenai/OLMo-1B) | ${SHA_1B} |
| 7B | 2.5 Trillion | [allenai/OLMo-7B](https://huggingface.co/allenai/OLMo-7B) | ${SHA_7B} |

The pretraining data is [Dolma](https://huggingface.co/datasets/allenai/dolma).

Training logs are on [Weights & Biases](https://wandb.ai/ai2-llm/OLMo-7B/reports/OLMo-7B--Vmlldzo2NzQyMzk5).

Loss curves are also on the Hub: https://huggingface.co/allenai/OLMo-7B/tensorboard

## Inference

\`\`\`python
from transformers import AutoModelForCausalLM
olmo = AutoModelForCausalLM.from_pretrained("allenai/OLMo-7B", revision="step3000-tokens12B")
\`\`\`

## Acknowledgements

We build on [Megatron-LM](https://github.com/NVIDIA/Megatron-LM) and the weights of https://huggingface.co/EleutherAI/pythia-1b for training comparisons.

## Citation

Please cite https://arxiv.org/abs/2402.00838 and the training code at https://github.com/allenai/OLMo-core.
`;

function byUrl(links: readonly ReleaseLink[], url: string): ReleaseLink | undefined {
  return links.find((link) => link.url === url);
}

function markdown(text: string): ReleaseLink[] {
  return findLinks({ file: 'README.md', text, format: 'markdown' });
}

describe('classifyUrl', () => {
  it.each([
    ['https://huggingface.co/allenai/OLMo-7B', 'hub-model', 'hf:allenai/OLMo-7B', ['final-parameters']],
    ['https://hf.co/allenai/OLMo-7B', 'hub-model', 'hf:allenai/OLMo-7B', ['final-parameters']],
    [
      'https://huggingface.co/allenai/OLMo-7B/tree/main',
      'hub-model',
      'hf:allenai/OLMo-7B',
      ['final-parameters'],
    ],
    [
      'https://huggingface.co/allenai/OLMo-7B/tree/step1000-tokens4B',
      'hub-model',
      'hf:allenai/OLMo-7B@step1000-tokens4B',
      ['intermediate-checkpoints'],
    ],
    [
      'https://huggingface.co/datasets/allenai/dolma',
      'hub-dataset',
      'hf:datasets/allenai/dolma',
      ['training-datasets'],
    ],
    [
      'https://huggingface.co/datasets/allenai/dolma/tree/v1_7',
      'hub-dataset',
      'hf:datasets/allenai/dolma@v1_7',
      ['training-datasets'],
    ],
    ['https://github.com/allenai/OLMo', 'git-repo', 'https://github.com/allenai/OLMo', []],
    ['https://github.com/allenai/OLMo.git', 'git-repo', 'https://github.com/allenai/OLMo', []],
    ['https://github.com/allenai/OLMo/tree/main/scripts', 'git-repo', 'https://github.com/allenai/OLMo', []],
    ['https://arxiv.org/abs/2402.00838', 'paper', undefined, ['research-paper']],
    ['https://huggingface.co/papers/2402.00838', 'paper', undefined, ['research-paper']],
    ['https://doi.org/10.5281/zenodo.1234', 'paper', undefined, ['research-paper']],
    ['https://openreview.net/forum?id=abc', 'paper', undefined, ['research-paper']],
    [
      'https://github.com/deepseek-ai/DeepSeek-R1/blob/main/DeepSeek_R1.pdf',
      'paper',
      undefined,
      ['research-paper'],
    ],
    ['https://wandb.ai/ai2-llm/OLMo-7B/reports/x', 'training-logs', undefined, ['training-logs']],
    ['https://tensorboard.dev/experiment/abc', 'training-logs', undefined, ['training-logs']],
    ['https://huggingface.co/allenai/OLMo-7B/tensorboard', 'training-logs', undefined, ['training-logs']],
    [
      'https://github.com/openai/gpt-2/releases/download/v1/model.ckpt',
      'download',
      undefined,
      ['final-parameters'],
    ],
    [
      'https://openaipublic.azureedge.net/main/whisper/models/abc/base.pt',
      'download',
      undefined,
      ['final-parameters'],
    ],
    ['https://example.org/data/train-00000-of-00010.parquet', 'download', undefined, ['training-datasets']],
    ['https://example.org/release/star.tar.gz', 'download', undefined, []],
    ['magnet:?xt=urn:btih:5d3c2a', 'download', undefined, ['final-parameters']],
    ['https://ai.google.dev/gemma/terms', 'license-terms', undefined, []],
    ['https://www.llama.com/llama3_1/license/', 'license-terms', undefined, []],
    ['https://huggingface.co/meta-llama/Llama-3.1-8B/blob/main/LICENSE', 'license-terms', undefined, []],
    [
      'https://huggingface.co/meta-llama/Llama-3.1-8B/blob/main/USE_POLICY.md',
      'license-terms',
      undefined,
      [],
    ],
    ['https://github.com/allenai/OLMo/blob/main/LICENSE', 'license-terms', undefined, []],
    ['https://example.com/legal/model-terms', 'license-terms', undefined, []],
    // Documents and pictures inside a repository are pages, not the repository.
    ['https://github.com/deepseek-ai/DeepSeek-V3/blob/main/figures/benchmark.png', 'web', undefined, []],
    ['https://github.com/openai/simple-evals/blob/main/eval_details.md', 'web', undefined, []],
    [
      'https://huggingface.co/deepseek-ai/DeepSeek-V3/resolve/main/figures/benchmark.png',
      'web',
      undefined,
      [],
    ],
    ['https://huggingface.co/allenai/OLMo-7B/blob/main/README.md', 'web', undefined, []],
    ['https://huggingface.co/spaces/allenai/demo', 'web', undefined, []],
    ['https://huggingface.co/docs/transformers', 'web', undefined, []],
    ['https://huggingface.co/allenai/OLMo-7B/discussions/3', 'web', undefined, []],
    ['https://github.com/orgs/allenai', 'web', undefined, []],
    ['https://allenai.org/olmo', 'web', undefined, []],
    ['not a url', 'web', undefined, []],
  ])('%s is %s', (url, kind, target, base) => {
    const classified = classifyUrl(url);
    expect(classified.kind).toBe(kind);
    expect(classified.target).toBe(target);
    expect(classified.base).toEqual(base);
  });

  it('names the owner of Hub and git repositories in lower case', () => {
    expect(classifyUrl('https://huggingface.co/datasets/allenai/dolma').owner).toBe('allenai');
    expect(classifyUrl('https://github.com/QwenLM/Qwen2.5').owner).toBe('qwenlm');
    // A Hub model's organisation is kept as written too, for names shown to people.
    expect(classifyUrl('https://huggingface.co/Qwen/Qwen2.5-7B')).toMatchObject({
      owner: 'qwen',
      account: 'Qwen',
    });
    expect(isSameOwner('qwenlm', ['Qwen'])).toBe(true);
    expect(isSameOwner('google-deepmind', ['google'])).toBe(true);
    expect(isSameOwner('mistralai', ['allenai'])).toBe(false);
  });

  it('takes a GitHub issue page for a page, not the repository', () => {
    expect(classifyUrl('https://github.com/huggingface/transformers/issues/12345').kind).toBe('web');
  });

  it('takes an image on raw.githubusercontent.com for a page', () => {
    expect(
      classifyUrl('https://raw.githubusercontent.com/deepseek-ai/DeepSeek-V3/main/figures/logo.svg').kind,
    ).toBe('web');
  });
});

describe('findLinks', () => {
  const links = markdown(OLMO_README);

  it('reads a weights table per size: Hub links of the same org with their sha256 column', () => {
    expect(byUrl(links, 'https://huggingface.co/allenai/OLMo-1B')).toMatchObject({
      kind: 'hub-model',
      target: 'hf:allenai/OLMo-1B',
      owner: 'allenai',
      components: ['final-parameters'],
      via: 'table',
      checksum: SHA_1B,
      evidence: { file: 'README.md', line: 9 },
    });
    expect(byUrl(links, 'https://huggingface.co/allenai/OLMo-7B')).toMatchObject({
      via: 'table',
      checksum: SHA_7B,
      evidence: { line: 10 },
    });
  });

  it('reads dataset links, checkpoint revisions in code blocks, trackers and TensorBoard', () => {
    expect(byUrl(links, 'https://huggingface.co/datasets/allenai/dolma')).toMatchObject({
      kind: 'hub-dataset',
      target: 'hf:datasets/allenai/dolma',
      components: ['training-datasets'],
      via: 'text',
    });
    expect(byUrl(links, 'https://huggingface.co/allenai/OLMo-7B/tree/step3000-tokens12B')).toMatchObject({
      kind: 'hub-model',
      target: 'hf:allenai/OLMo-7B@step3000-tokens12B',
      components: ['intermediate-checkpoints'],
      via: 'code',
    });
    expect(byUrl(links, 'https://wandb.ai/ai2-llm/OLMo-7B/reports/OLMo-7B--Vmlldzo2NzQyMzk5')).toMatchObject({
      kind: 'training-logs',
      components: ['training-logs'],
    });
    expect(byUrl(links, 'https://huggingface.co/allenai/OLMo-7B/tensorboard')).toMatchObject({
      kind: 'training-logs',
      components: ['training-logs'],
    });
  });

  it('leaves out links of acknowledgement and citation sections', () => {
    const urls = links.map((link) => link.url);
    expect(urls).not.toContain('https://github.com/NVIDIA/Megatron-LM');
    expect(urls).not.toContain('https://huggingface.co/EleutherAI/pythia-1b');
    expect(urls).not.toContain('https://arxiv.org/abs/2402.00838');
    expect(urls).not.toContain('https://github.com/allenai/OLMo-core');
  });

  it('leaves out links of references, related work, comparison and baseline sections', () => {
    const found = markdown(`# Star

Star is a small model.

## References

- Training code of [Pythia](https://github.com/EleutherAI/gpt-neox)

## Comparison

| Model | Weights | MMLU |
|---|---|---|
| Mistral | [weights](https://huggingface.co/mistralai/Mistral-7B-v0.1) | 62.5 |

## Baselines

We compare with the weights of https://huggingface.co/tiiuae/falcon-7b.
`);
    expect(found).toEqual([]);
  });

  it('reads the download URLs of a dict in code, as openai/whisper lays them out', () => {
    const found = findLinks({
      file: 'whisper/__init__.py',
      format: 'code',
      text: `import hashlib

_MODELS = {
    "tiny.en": "https://openaipublic.azureedge.net/main/whisper/models/d3dd57d32accea0b295c96e26691aa14d8822fac7d9d27d5dc00b4ca2826dd03/tiny.en.pt",
    "base": "https://openaipublic.azureedge.net/main/whisper/models/ed3a0b6b1c0edf879ad9b11b1af5a0e6ab5db9205f891f668f8b0e6c6326e34e/base.pt",
}

def _download(url: str, root: str, in_memory: bool):
    """Downloads a model; see https://docs.python.org/3/library/urllib.html"""
`,
    });
    const downloads = found.filter((link) => link.kind === 'download');
    expect(
      downloads.map((link) => [link.url.split('/').at(-1), link.components, link.via, link.evidence.line]),
    ).toEqual([
      ['tiny.en.pt', ['final-parameters'], 'code', 4],
      ['base.pt', ['final-parameters'], 'code', 5],
    ]);
    // Code names many web pages (docs, APIs): they say nothing about the release.
    expect(found.some((link) => link.kind === 'web')).toBe(false);
  });

  it('marks links under the title and in a "Model sources" section as presented, whatever their account', () => {
    const card = findLinks({
      file: 'README.md',
      format: 'markdown',
      text: `---
license: apache-2.0
---
# DCLM-7B

DCLM-Baseline-7B is a 7 billion parameter language model trained on the DCLM-Baseline dataset.

### Model Sources

- **Repository:** https://github.com/mlfoundations/dclm
- **Dataset:** https://huggingface.co/datasets/mlfoundations/dclm-baseline-1.0

## Evaluation

We evaluate against https://huggingface.co/mistralai/Mistral-7B-v0.1 on MMLU.
`,
    });
    expect(byUrl(card, 'https://github.com/mlfoundations/dclm')?.presented).toBe(true);
    expect(byUrl(card, 'https://huggingface.co/datasets/mlfoundations/dclm-baseline-1.0')?.presented).toBe(
      true,
    );
    expect(byUrl(card, 'https://huggingface.co/mistralai/Mistral-7B-v0.1')?.presented).toBeUndefined();

    const readme = markdown(`# DataComp-LM (DCLM)

[DCLM-7B](https://huggingface.co/apple/DCLM-7B) | [Paper](https://arxiv.org/abs/2406.11794)

DCLM is a testbed for controlled dataset experiments.

## Getting started

Compare with https://huggingface.co/tiiuae/falcon-7b if you like.
`);
    expect(byUrl(readme, 'https://huggingface.co/apple/DCLM-7B')).toMatchObject({
      owner: 'apple',
      presented: true,
      components: ['final-parameters'],
    });
    expect(byUrl(readme, 'https://huggingface.co/tiiuae/falcon-7b')?.presented).toBeUndefined();
  });

  it('reads a link by the words of its own sentence, not those of the sentence before', () => {
    const found = markdown(`# Star

## Overview

Star-7B was pre-trained on 4T tokens with a two-stage training schedule and a cosine learning-rate decay. Its evaluation suite is [OLMES](https://github.com/allenai/olmes).
Star-7B was trained for three weeks on 512 H100 GPUs; inference runs with [vLLM](https://github.com/vllm-project/vllm).
`);
    expect(byUrl(found, 'https://github.com/allenai/olmes')?.components).toEqual(['evaluation-code']);
    expect(byUrl(found, 'https://github.com/vllm-project/vllm')?.components).toEqual(['inference-code']);
  });

  it('does not let an earlier clause about training make a link training code', () => {
    const found = markdown(`# Star

## Overview

Star-7B was pre-trained on 4T tokens with a two-stage training schedule and a cosine decay, and its evaluation suite, built on [OLMES](https://github.com/allenai/olmes), reports twelve benchmarks.
`);
    expect(byUrl(found, 'https://github.com/allenai/olmes')?.components).toEqual(['evaluation-code']);
  });

  it('takes images and documents inside repositories for pages, with no component', () => {
    const found = markdown(`# Star

## Model Downloads

![sizes](https://github.com/star-lab/star/blob/main/figures/sizes.png)
<img src="https://huggingface.co/star-lab/Star-7B/resolve/main/assets/logo.png" width="200">
See the [evaluation details](https://github.com/star-lab/star/blob/main/docs/eval_details.md) for the training recipe.
`);
    expect(found.map((link) => [link.kind, link.components])).toEqual([
      ['web', []],
      ['web', []],
      ['web', []],
    ]);
  });

  it('takes an image on raw.githubusercontent.com in a downloads section for a page', () => {
    const found = markdown(`# Star

## Model Downloads

<img src="https://raw.githubusercontent.com/star-lab/star/main/figures/download-sizes.png" width="600">
`);
    expect(found[0]).toMatchObject({ kind: 'web', components: [] });
  });

  it('does not take a GitHub issue for training code', () => {
    const found = markdown(`# Star

## Notes

If training diverges, see https://github.com/huggingface/transformers/issues/12345 for a fix.
`);
    expect(found[0]?.components ?? []).toEqual([]);
  });

  it('reads a from_pretrained call spread over several lines', () => {
    const found = markdown(`# Pythia

\`\`\`python
model = GPTNeoXForCausalLM.from_pretrained(
  "EleutherAI/pythia-70m-deduped",
  revision="step3000",
)
\`\`\`
`);
    expect(byUrl(found, 'https://huggingface.co/EleutherAI/pythia-70m-deduped/tree/step3000')).toMatchObject({
      components: ['intermediate-checkpoints'],
    });
  });

  it('reads load_dataset and huggingface-cli download in code', () => {
    const found = findLinks({
      file: 'scripts/prepare.py',
      format: 'code',
      text: `ds = load_dataset("allenai/dolma", split="train")\n# huggingface-cli download allenai/OLMo-7B --revision step1000-tokens4B\n`,
    });
    expect(found.map((link) => [link.kind, link.target, link.components])).toEqual([
      ['hub-dataset', 'hf:datasets/allenai/dolma', ['training-datasets']],
      ['hub-model', 'hf:allenai/OLMo-7B@step1000-tokens4B', ['intermediate-checkpoints']],
    ]);
  });

  it('states the license written beside a link', () => {
    const [link] = markdown(
      '# Star\n\n## Weights\n\nThe weights (https://huggingface.co/star-lab/Star-7B) are under the Llama 3.1 Community License.\n',
    );
    expect(link).toMatchObject({ kind: 'hub-model', license: 'llama3.1' });
  });
});
