import { describe, expect, it } from 'vitest';
import { findLinks } from './find-links.ts';
import { linkFindings } from './link-findings.ts';

function linksOf(text: string) {
  return findLinks({ file: 'README.md', text, format: 'markdown' });
}

function summary(findings: ReturnType<typeof linkFindings>) {
  return findings.map((finding) => [finding.id, finding.locations[0], finding.license]);
}

describe('linkFindings', () => {
  it('makes the weights table of the release’s own org linked weights, with the checksum noted', () => {
    const sha = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
    const findings = linkFindings(
      linksOf(`# OLMo

## Models

| Size | Checkpoint | sha256 |
|------|------------|--------|
| 1B | [allenai/OLMo-1B](https://huggingface.co/allenai/OLMo-1B) | ${sha} |
| 7B | [allenai/OLMo-7B](https://huggingface.co/allenai/OLMo-7B) | ${sha} |
| 7B (Mistral base) | [mistralai/Mistral-7B-v0.1](https://huggingface.co/mistralai/Mistral-7B-v0.1) | ${sha} |
`),
      ['allenai'],
      'https://github.com/allenai/OLMo',
    );
    // Weights of the release's own account carry the release's license (undefined: not "not stated").
    expect(summary(findings)).toEqual([
      ['final-parameters', 'https://huggingface.co/allenai/OLMo-1B', undefined],
      ['final-parameters', 'https://huggingface.co/allenai/OLMo-7B', undefined],
    ]);
    expect(findings[0]!.status).toBe('released');
    expect(findings[0]!.evidence[0]).toMatchObject({
      file: 'README.md',
      line: 7,
      url: 'https://huggingface.co/allenai/OLMo-1B',
      note: 'linked: weights on the Hub; sha256 given; not verified',
    });
  });

  it('counts datasets, trackers, downloads and code repositories named by their words', () => {
    const findings = linkFindings(
      linksOf(`# Star

## Data and logs

The pretraining data is [Dolma](https://huggingface.co/datasets/allenai/dolma).

Training logs are on [Weights & Biases](https://wandb.ai/star-lab/star-7b).

Download the weights: https://example.org/star/star-7b.safetensors

Training code: https://github.com/star-lab/star-train
`),
      ['star-lab'],
    );
    expect(summary(findings)).toEqual([
      ['training-datasets', 'https://huggingface.co/datasets/allenai/dolma', 'NOASSERTION'],
      ['training-logs', 'https://wandb.ai/star-lab/star-7b', 'NOASSERTION'],
      // Files the release's texts give to download are its weights: the release's license.
      ['final-parameters', 'https://example.org/star/star-7b.safetensors', undefined],
      ['training-code', 'https://github.com/star-lab/star-train', 'NOASSERTION'],
    ]);
  });

  it('takes a Hub model of another account only when the text presents it as the release’s own', () => {
    const links = linksOf(`# DataComp-LM (DCLM)

[DCLM-7B](https://huggingface.co/apple/DCLM-7B) | [Paper](https://arxiv.org/abs/2406.11794)

DCLM is a testbed for controlled dataset experiments.

## Getting started

Our weights are evaluated like https://huggingface.co/tiiuae/falcon-7b weights.
`);
    const findings = linkFindings(links, ['mlfoundations'], 'https://github.com/mlfoundations/dclm');
    expect(summary(findings)).toEqual([
      ['final-parameters', 'https://huggingface.co/apple/DCLM-7B', undefined],
    ]);
  });

  it('leaves papers, license pages and web pages to other rules', () => {
    const findings = linkFindings(
      linksOf(`# Star

Paper: https://arxiv.org/abs/2402.00838
License: https://ai.google.dev/gemma/terms
Blog: https://star-lab.org/blog/star-7b
`),
      ['star-lab'],
    );
    expect(findings).toEqual([]);
  });

  it('does not count a card’s link to its own repository as a separate part, but counts its revisions', () => {
    const links = linksOf(`---
license: apache-2.0
---
# OLMo 7B

[![Model](https://img.shields.io/badge/HF-OLMo-yellow)](https://huggingface.co/allenai/OLMo-7B)

OLMo 7B is a transformer language model trained on Dolma.

\`\`\`python
model = AutoModelForCausalLM.from_pretrained("allenai/OLMo-7B", revision="step1000-tokens4B")
\`\`\`
`);
    expect(links.some((link) => link.url === 'https://huggingface.co/allenai/OLMo-7B')).toBe(true);
    const findings = linkFindings(links, ['allenai'], 'hf:allenai/OLMo-7B');
    expect(summary(findings)).toEqual([
      [
        'intermediate-checkpoints',
        'https://huggingface.co/allenai/OLMo-7B/tree/step1000-tokens4B',
        undefined,
      ],
    ]);
    expect(findings[0]!.evidence[0]!.note).toBe('linked: checkpoints on the Hub; not verified');
    // The same link from the code repository of the release is its weights.
    expect(summary(linkFindings(links, ['allenai'], 'https://github.com/allenai/OLMo'))[0]).toEqual([
      'final-parameters',
      'https://huggingface.co/allenai/OLMo-7B',
      undefined,
    ]);
  });

  it('does not take a base model for the release’s weights', () => {
    const findings = linkFindings(
      linksOf(
        '# Star\n\n## Details\n\nStar-7B is fine-tuned from https://huggingface.co/star-lab/base-7b on chat data.\n',
      ),
      ['star-lab'],
    );
    expect(findings).toEqual([]);
  });

  it('keeps the license stated beside a link, and notes it', () => {
    const [finding] = linkFindings(
      linksOf(
        '# Star\n\n## Weights\n\nThe weights (https://huggingface.co/star-lab/Star-7B) are under the Llama 3.1 Community License.\n',
      ),
      ['star-lab'],
    );
    expect(finding).toMatchObject({ id: 'final-parameters', license: 'llama3.1' });
    expect(finding!.evidence[0]!.note).toBe(
      'linked: weights on the Hub; license stated as llama3.1 beside the link; not verified',
    );
  });
});
