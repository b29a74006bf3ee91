import spdxFull from 'spdx-license-list/full.js';
import { describe, expect, it } from 'vitest';
import { inferRelease } from './infer-release.ts';
import type { Inference } from './inference.ts';
import { fakeInput } from './test-support/fake-input.ts';

const PROSE =
  'Star is a small open language model for astronomy questions. It was trained on public data and evaluated on standard benchmarks; see the paper for details.';
const README = `---
license: apache-2.0
datasets:
  - allenai/dolma
base_model: allenai/OLMo-1B
pipeline_tag: text-generation
model-index:
  - name: star-1b
    results:
      - task: { type: text-generation }
        dataset: { name: MMLU, type: cais/mmlu }
        metrics: [{ type: acc, value: 0.4 }]
---
# Star 1B

${PROSE}

Paper: https://arxiv.org/abs/2402.00838
`;

function component(inference: Inference, id: string) {
  return inference.components.find((c) => c.id === id);
}

describe('inferRelease', () => {
  it('infers a typical Hub model repo with evidence for every component', async () => {
    const inference = await inferRelease(
      fakeInput(
        {
          'README.md': README,
          LICENSE: spdxFull['Apache-2.0']!.licenseText,
          'config.json': JSON.stringify({ architectures: ['OlmoForCausalLM'], model_type: 'olmo' }),
          'model-00001-of-00002.safetensors': null,
          'model-00002-of-00002.safetensors': null,
          'model.safetensors.index.json': '{}',
        },
        'hf:star-lab/star-1b',
      ),
    );
    expect(inference.model).toEqual({
      name: 'star-1b',
      organization: 'star-lab',
      baseModel: 'hf:allenai/OLMo-1B',
      modality: 'language',
    });
    expect(inference.packLicense).toEqual({
      license: 'Apache-2.0',
      evidence: { file: 'README.md', line: 2, note: 'license: apache-2.0 in model card front matter' },
    });
    const summary = Object.fromEntries(inference.components.map((c) => [c.id, [c.status, c.locations]]));
    expect(summary).toEqual({
      'model-card': ['released', ['README.md']],
      'evaluation-results': ['released', ['README.md']],
      'final-parameters': [
        'released',
        [
          'model-00001-of-00002.safetensors',
          'model-00002-of-00002.safetensors',
          'model.safetensors.index.json',
        ],
      ],
      'model-architecture': ['released', ['config.json']],
      // Named in front matter, not in the pack: linked (released at their Hub page, not verified).
      'training-datasets': ['released', ['https://huggingface.co/datasets/allenai/dolma']],
      'evaluation-data': ['released', ['https://huggingface.co/datasets/cais/mmlu']],
      'research-paper': ['released', ['https://arxiv.org/abs/2402.00838']],
    });
    for (const c of inference.components) expect(c.evidence.length, c.id).toBeGreaterThan(0);
    expect(component(inference, 'model-architecture')!.evidence[0]!.note).toBe(
      'defines OlmoForCausalLM, model_type olmo',
    );
    // A paper's license is unknown unless stated: it must not inherit the weights' license.
    expect(component(inference, 'research-paper')!.license).toBe('NOASSERTION');
    expect(inference.paperLinks[0]).toMatchObject({ url: 'https://arxiv.org/abs/2402.00838', line: 18 });
  });

  it('identifies the LICENSE file when the card states no license', async () => {
    const mit = spdxFull.MIT!.licenseText.replace('<year> <copyright holders>', '2024 Star Lab');
    const inference = await inferRelease(fakeInput({ LICENSE: mit, 'train.py': '' }));
    expect(inference.packLicense).toEqual({
      license: 'MIT',
      evidence: { file: 'LICENSE', note: 'identified as MIT (100% match)' },
    });
  });

  it('licenses code and weights separately from LICENSE-CODE and LICENSE-MODEL', async () => {
    const inference = await inferRelease(
      fakeInput({
        'LICENSE-CODE': spdxFull.MIT!.licenseText,
        'LICENSE-MODEL': `DEEPSEEK LICENSE AGREEMENT\n\nVersion 1.0\n${'Terms. '.repeat(40)}`,
        'inference.py': '',
        'model.safetensors': null,
      }),
    );
    expect(component(inference, 'inference-code')!.license).toBe('MIT');
    expect(component(inference, 'final-parameters')!.license).toBe('deepseek-model');
    expect(inference.packLicense?.license).toBe('deepseek-model');
  });

  it('follows license_link for license: other', async () => {
    const inference = await inferRelease(
      fakeInput({
        'README.md': '---\nlicense: other\nlicense_link: LICENSE.txt\n---\n',
        'LICENSE.txt': `LLAMA 3.1 COMMUNITY LICENSE AGREEMENT\n${'Terms. '.repeat(40)}`,
      }),
    );
    expect(inference.packLicense).toEqual({
      license: 'llama3.1',
      evidence: { file: 'LICENSE.txt', note: 'identified as llama3.1 (by its title)' },
    });
  });

  it('marks files of a gated repo restricted, but not its card or external links', async () => {
    const inference = await inferRelease(
      fakeInput({
        'README.md': `---\nextra_gated_prompt: Agree to share your contact information\ndatasets: [org/data]\n---\n# Gated\n${PROSE}\n`,
        'model.safetensors': null,
      }),
    );
    expect(component(inference, 'final-parameters')!.status).toBe('restricted');
    expect(component(inference, 'final-parameters')!.evidence.at(-1)!.note).toContain('gated');
    expect(component(inference, 'model-card')!.status).toBe('released');
    // A dataset on its own Hub page is not behind this repository's gate: still linked, released.
    expect(component(inference, 'training-datasets')).toMatchObject({
      status: 'released',
      locations: ['https://huggingface.co/datasets/org/data'],
    });
  });

  it('reads CITATION.cff for the citation and the paper', async () => {
    const inference = await inferRelease(
      fakeInput({
        'CITATION.cff':
          'cff-version: 1.2.0\ntitle: Star\nauthors:\n  - name: Star Lab\npreferred-citation:\n  type: article\n  title: Star\n  authors:\n    - name: Star Lab\n  url: https://arxiv.org/abs/2501.00001\n',
        'README.md': `# Star\n${PROSE}\nBuilt on https://arxiv.org/abs/1706.03762 (a paper).\n`,
      }),
    );
    expect(inference.citation).toEqual({ title: 'Star', authors: [{ name: 'Star Lab' }] });
    expect(component(inference, 'research-paper')!.locations).toEqual(['https://arxiv.org/abs/2501.00001']);
    expect(inference.paperLinks.map((link) => link.url)).toEqual([
      'https://arxiv.org/abs/2501.00001',
      'https://arxiv.org/abs/1706.03762',
    ]);
  });

  it('prefers a paper in the README over the DOI of the work itself in CITATION.cff', async () => {
    const inference = await inferRelease(
      fakeInput({
        'CITATION.cff': 'title: Star weights\nauthors:\n  - name: Star Lab\ndoi: 10.5281/zenodo.1234\n',
        'README.md': `# Star\n${PROSE}\nRead the paper: https://arxiv.org/abs/2501.00001\n`,
      }),
    );
    expect(component(inference, 'research-paper')!.locations).toEqual(['https://arxiv.org/abs/2501.00001']);
    expect(inference.paperLinks.map((link) => link.url)).toContain('https://doi.org/10.5281/zenodo.1234');
  });

  it('names the model from the first heading, else from the source', async () => {
    expect((await inferRelease(fakeInput({ 'README.md': '# Star Model\n' }, 'hf:o/n'))).model.name).toBe(
      'Star Model',
    );
    expect((await inferRelease(fakeInput({}, 'hf:o/n'))).model).toEqual({ name: 'n', organization: 'o' });
  });

  it('ignores vendored, cached and version-control files, once for every finder', async () => {
    const input = fakeInput({
      'node_modules/x/train.py': 'optimizer.step()',
      '.venv/lib/eval.py': 'import lm_eval',
      'node_modules/x/package.json': '{}',
      '.venv/lib/site-packages/data/train.jsonl': '{}',
      '__pycache__/results.json': '{"accuracy": 0.5}',
      '.git/logs/HEAD': '',
      '.ipynb_checkpoints/REPORT.md': '# Report',
    });
    const inference = await inferRelease({ files: input.files, readText: input.readText, sourceRef: 'x' });
    expect(inference.components).toEqual([]);
    expect(input.reads).toEqual([]);
  });

  it('infers nothing from an empty pack', async () => {
    const inference = await inferRelease(fakeInput({}, 'memory'));
    expect(inference).toEqual({
      model: { name: 'memory' },
      components: [],
      packLicense: null,
      citation: null,
      paperLinks: [],
      links: [],
      owners: [],
    });
  });

  it('stays within its read budget on a large pack', async () => {
    const files: Record<string, string | null> = { 'README.md': README };
    for (let i = 0; i < 10_000; i++) files[`src/pkg${i % 50}/module${i}.py`] = 'x = 1\n';
    const input = fakeInput(files);
    await inferRelease(input);
    const codeReads = input.reads.filter((read) => read.path.endsWith('.py'));
    expect(codeReads.length).toBeLessThanOrEqual(200);
    expect(codeReads.every((read) => read.maxBytes === 16 * 1024)).toBe(true);
  });
});

describe('inferRelease: parts of the release outside the repository', () => {
  const SHA = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
  const OLMO_README = `# OLMo: Open Language Model

[![Paper](https://img.shields.io/badge/arXiv-2402.00838-b31b1b.svg)](https://arxiv.org/abs/2402.00838)

OLMo is a repository for training and using AI2's state-of-the-art open language models, built by scientists, for scientists.

## Models

| Size | Training Tokens | Checkpoint | sha256 |
|------|-----------------|------------|--------|
| 1B | 3 Trillion | [allenai/OLMo-1B](https://huggingface.co/allenai/OLMo-1B) | ${SHA} |
| 7B | 2.5 Trillion | [allenai/OLMo-7B](https://huggingface.co/allenai/OLMo-7B) | ${SHA} |

The pretraining data is [Dolma](https://huggingface.co/datasets/allenai/dolma).

Training logs are on [Weights & Biases](https://wandb.ai/ai2-llm/OLMo-7B/reports/OLMo-7B--Vmlldzo2NzQyMzk5).

## Intermediate checkpoints

\`\`\`python
olmo = AutoModelForCausalLM.from_pretrained("allenai/OLMo-7B", revision="step3000-tokens12B")
\`\`\`

## Acknowledgements

We thank the authors of https://github.com/EleutherAI/gpt-neox, whose training code we studied.
`;

  it('reads weights, data, logs, checkpoints and the paper that a code repository links to', async () => {
    const inference = await inferRelease(
      fakeInput(
        { 'README.md': OLMO_README, 'olmo/model.py': 'class OLMo(nn.Module):\n    pass\n' },
        'https://github.com/allenai/OLMo',
      ),
    );
    expect(component(inference, 'final-parameters')).toMatchObject({
      status: 'released',
      locations: ['https://huggingface.co/allenai/OLMo-1B', 'https://huggingface.co/allenai/OLMo-7B'],
    });
    expect(component(inference, 'final-parameters')!.evidence[0]!.note).toContain('sha256 given');
    // The release's own weights carry the release's license, not "not stated".
    expect(component(inference, 'final-parameters')!.license).toBeUndefined();
    expect(component(inference, 'training-datasets')!.locations).toEqual([
      'https://huggingface.co/datasets/allenai/dolma',
    ]);
    expect(component(inference, 'training-logs')!.locations).toEqual([
      'https://wandb.ai/ai2-llm/OLMo-7B/reports/OLMo-7B--Vmlldzo2NzQyMzk5',
    ]);
    expect(component(inference, 'intermediate-checkpoints')!.locations).toEqual([
      'https://huggingface.co/allenai/OLMo-7B/tree/step3000-tokens12B',
    ]);
    expect(component(inference, 'research-paper')!.locations).toEqual(['https://arxiv.org/abs/2402.00838']);
    // An acknowledgement is other people's work, not the release's training code.
    expect(component(inference, 'training-code')).toBeUndefined();
    expect(inference.links.map((link) => link.url)).not.toContain('https://github.com/EleutherAI/gpt-neox');
  });

  it('reads the download URLs a code file lists, as openai/whisper does', async () => {
    const inference = await inferRelease(
      fakeInput(
        {
          'README.md': `# Whisper\n\nWhisper is a general-purpose speech recognition model. It is trained on a large dataset of diverse audio and is also a multitasking model.\n`,
          'whisper/__init__.py': `_MODELS = {
    "tiny.en": "https://openaipublic.azureedge.net/main/whisper/models/d3dd57d32accea0b295c96e26691aa14d8822fac7d9d27d5dc00b4ca2826dd03/tiny.en.pt",
    "base": "https://openaipublic.azureedge.net/main/whisper/models/ed3a0b6b1c0edf879ad9b11b1af5a0e6ab5db9205f891f668f8b0e6c6326e34e/base.pt",
}
`,
          'whisper/model.py': 'class Whisper(nn.Module):\n    pass\n',
        },
        'https://github.com/openai/whisper',
      ),
    );
    const weights = component(inference, 'final-parameters')!;
    expect(weights.locations.map((url) => url.split('/').at(-1))).toEqual(['tiny.en.pt', 'base.pt']);
    expect(weights.evidence.map((ref) => [ref.file, ref.line, ref.note])).toEqual([
      ['whisper/__init__.py', 2, 'linked: weights to download; not verified'],
      ['whisper/__init__.py', 3, 'linked: weights to download; not verified'],
    ]);
  });

  it('reads "154 checkpoints … hosted as branches" in a Hub card as checkpoints of that repository', async () => {
    const card = `---
license: apache-2.0
datasets:
- EleutherAI/pile
---

The *Pythia Scaling Suite* is a collection of models developed to facilitate interpretability research. It contains two sets of eight models of sizes 70M to 12B.

## Model Details

We also provide 154 intermediate checkpoints per model, hosted on Hugging Face as branches.
`;
    const files = { 'README.md': card, 'model.safetensors': null };
    const hub = await inferRelease(fakeInput(files, 'hf:EleutherAI/pythia-160m'));
    expect(component(hub, 'intermediate-checkpoints')).toMatchObject({
      status: 'released',
      locations: ['https://huggingface.co/EleutherAI/pythia-160m/tree/main'],
    });
    expect(component(hub, 'intermediate-checkpoints')!.evidence[0]).toMatchObject({
      file: 'README.md',
      line: 11,
    });
    // Outside the Hub, "branches" name no repository to look in.
    const git = await inferRelease(fakeInput(files, 'https://github.com/EleutherAI/pythia'));
    expect(component(git, 'intermediate-checkpoints')).toBeUndefined();
  });

  it('does not take a Hub card’s link to its own repository for a second copy of the weights', async () => {
    const inference = await inferRelease(
      fakeInput(
        {
          'README.md': `---\nlicense: apache-2.0\n---\n# OLMo 7B\n\n[![Model](https://img.shields.io/badge/HF-OLMo-yellow)](https://huggingface.co/allenai/OLMo-7B)\n\n${PROSE}\n`,
          'model.safetensors': null,
        },
        'hf:allenai/OLMo-7B',
      ),
    );
    expect(component(inference, 'final-parameters')!.locations).toEqual(['model.safetensors']);
  });

  it('counts weights under another account when the README presents them under its title', async () => {
    const inference = await inferRelease(
      fakeInput(
        {
          'README.md': `# DataComp-LM (DCLM)\n\n[DCLM-7B](https://huggingface.co/apple/DCLM-7B) | [Paper](https://arxiv.org/abs/2406.11794)\n\n${PROSE}\n\n## Comparison\n\nWe compare with the weights of https://huggingface.co/mistralai/Mistral-7B-v0.1.\n`,
        },
        'https://github.com/mlfoundations/dclm',
      ),
    );
    expect(component(inference, 'final-parameters')!.locations).toEqual([
      'https://huggingface.co/apple/DCLM-7B',
    ]);
  });
});

describe('inferRelease: the primary paper', () => {
  const paper = (inference: Inference) => component(inference, 'research-paper');

  it('takes the first BibTeX entry of the citation section, never a reference or a datasheet', async () => {
    const inference = await inferRelease(
      fakeInput({
        'README.md': `# Star

Star is a speech model for astronomy talks, trained on public lectures.

## Training data

The data mix follows the Dolma datasheet: arXiv:2402.00159.

## Details

The encoder follows https://arxiv.org/abs/1706.03762 closely.

## Citation

\`\`\`bibtex
@inproceedings{star2024,
  title={Star: Speech for Astronomy},
  booktitle={International Conference on Machine Learning (ICML)},
  year={2024},
  eprint={2212.04356},
  archivePrefix={arXiv},
}

@article{related2023,
  title={A related model},
  journal={Transactions on Machine Learning Research},
  eprint={2303.08112},
}
\`\`\`

## References

1. Gao et al. The Pile. https://arxiv.org/abs/2101.00027
2. _arXiv:2305.10403_
`,
      }),
    );
    expect(paper(inference)).toMatchObject({
      locations: ['https://arxiv.org/abs/2212.04356'],
      license: 'NOASSERTION',
    });
    expect(paper(inference)!.evidence[0]!.note).toBe(
      'arXiv eprint in README.md (cited as the work; published in International Conference on Machine Learning (ICML))',
    );
    expect(component(inference, 'technical-report')).toBeUndefined();
    // Every link stays for the paper check, the release's own first.
    expect(inference.paperLinks.map((link) => link.url)).toEqual([
      'https://arxiv.org/abs/2212.04356',
      'https://arxiv.org/abs/2303.08112',
      'https://arxiv.org/abs/1706.03762',
      'https://arxiv.org/abs/2402.00159',
      'https://arxiv.org/abs/2101.00027',
      'https://arxiv.org/abs/2305.10403',
    ]);
  });

  it('does not call an arXiv preprint published', async () => {
    const inference = await inferRelease(
      fakeInput({
        'README.md': `# Star\n\n${PROSE}\n\n## Citation\n\n\`\`\`bibtex\n@article{star2024,\n  title={Star},\n  journal={arXiv preprint arXiv:2501.00001},\n  year={2024}\n}\n\`\`\`\n`,
      }),
    );
    expect(paper(inference)!.locations).toEqual(['https://arxiv.org/abs/2501.00001']);
    expect(paper(inference)!.evidence[0]!.note).toBe('arXiv id in README.md (cited as the work)');
  });

  it('keeps a passing arXiv link in paperLinks without taking it for the paper', async () => {
    const inference = await inferRelease(
      fakeInput({
        'README.md': `# Star\n\n${PROSE}\n\n## Architecture\n\nThe attention follows https://arxiv.org/abs/1706.03762 with rotary embeddings.\n`,
      }),
    );
    expect(paper(inference)).toBeUndefined();
    expect(inference.paperLinks.map((link) => link.url)).toEqual(['https://arxiv.org/abs/1706.03762']);
  });

  it('does not take a passing link in the description under the title for the paper', async () => {
    const inference = await inferRelease(
      fakeInput({
        'README.md': `# Star-7B\n\nStar-7B is a 7B model with the architecture of LLaMA (https://arxiv.org/abs/2302.13971), trained on 2T tokens of public text.\n`,
      }),
    );
    expect(paper(inference)).toBeUndefined();
  });

  it('reads the venue of a paper linked above its BibTeX entry', async () => {
    const inference = await inferRelease(
      fakeInput({
        'README.md': `# Whisper\n\n[[Paper]](https://arxiv.org/abs/2212.04356)\n\n${PROSE}\n\n## Citation\n\n\`\`\`bibtex\n@inproceedings{radford2023robust,\n  title={Robust Speech Recognition via Large-Scale Weak Supervision},\n  booktitle={International Conference on Machine Learning},\n  year={2023},\n  eprint={2212.04356},\n}\n\`\`\`\n`,
      }),
    );
    expect(paper(inference)!.evidence[0]!.note).toContain(
      'published in International Conference on Machine Learning',
    );
  });
});

describe('inferRelease: peer-reviewed work beside the paper', () => {
  it("names a predecessor's peer-reviewed paper when the release's own paper is a preprint", async () => {
    const inference = await inferRelease(
      fakeInput({
        'README.md': `# Star-2\n\n${PROSE}\n\n- We open-sourced Star-1 last year: check the [ICLR'23 Star-1 Paper](https://arxiv.org/abs/2205.15868) for technical details.\n\n## Citation\n\n\`\`\`bibtex\n@article{star2,\n  title={Star-2},\n  journal={arXiv preprint arXiv:2408.06072},\n  year={2024}\n}\n\`\`\`\n`,
      }),
    );
    const paper = component(inference, 'research-paper')!;
    expect(paper.locations).toEqual(['https://arxiv.org/abs/2408.06072']);
    expect(paper.evidence[0]!.note).toBe(
      "arXiv id in README.md (cited as the work; names a peer-reviewed work: https://arxiv.org/abs/2205.15868 (ICLR'23))",
    );
  });

  it('names none when no paper it presents shows a venue', async () => {
    const inference = await inferRelease(
      fakeInput({
        'README.md': `# Star-2\n\n${PROSE}\n\n## Architecture\n\nThe encoder follows https://arxiv.org/abs/1706.03762 (NeurIPS 2017).\n\n## Citation\n\n\`\`\`bibtex\n@article{star2,\n  journal={arXiv preprint arXiv:2408.06072},\n}\n\`\`\`\n`,
      }),
    );
    expect(component(inference, 'research-paper')!.evidence[0]!.note).toBe(
      'arXiv id in README.md (cited as the work)',
    );
  });
});

describe('inferRelease: a datasheet linked for the training data', () => {
  it('reads a linked datasheet as a linked data card, not as the paper', async () => {
    const inference = await inferRelease(
      fakeInput({
        'README.md': `# Star-7B\n\n${PROSE}\n\n## Training data\n\nStar-7B is trained on the Pile; see [the Pile paper](https://arxiv.org/abs/2101.00027) for its sources and the [datasheet](https://arxiv.org/abs/2201.07311) for documentation.\n\n## Citation\n\n\`\`\`bibtex\n@article{star2024,\n  journal={arXiv preprint arXiv:2304.01373},\n}\n\`\`\`\n`,
      }),
    );
    expect(component(inference, 'data-card')).toMatchObject({
      status: 'released',
      locations: ['https://arxiv.org/abs/2201.07311'],
      license: 'NOASSERTION',
      evidence: [
        expect.objectContaining({
          url: 'https://arxiv.org/abs/2201.07311',
          note: 'linked: datasheet of the data (arXiv link in README.md); not verified',
        }),
      ],
    });
    expect(component(inference, 'research-paper')!.locations).toEqual(['https://arxiv.org/abs/2304.01373']);
  });

  it('finds no data card when no link is called a datasheet', async () => {
    const inference = await inferRelease(
      fakeInput({
        'README.md': `# Star-7B\n\n${PROSE}\n\n## Training data\n\nStar-7B is trained on the Pile; see [the Pile paper](https://arxiv.org/abs/2101.00027) for its sources.\n`,
      }),
    );
    expect(component(inference, 'data-card')).toBeUndefined();
  });
});

describe('inferRelease: name and gating from the card', () => {
  it('names the release from its source when the only heading is a shell comment in code', async () => {
    const inference = await inferRelease(
      fakeInput(
        {
          'README.md': `---\nlicense: mit\n---\n\`\`\`bash\n# install dependencies\npip install star\n\`\`\`\n\n${PROSE}\n`,
        },
        'hf:star-lab/star-7b',
      ),
    );
    expect(inference.model.name).toBe('star-7b');
  });

  it('leaves files released under extra_gated_description alone, and restricts them under extra_gated_prompt', async () => {
    const described = await inferRelease(
      fakeInput({
        'README.md': `---\nlicense: apache-2.0\nextra_gated_description: Our privacy policy applies to what you share.\n---\n# Star\n\n${PROSE}\n`,
        'model.safetensors': null,
      }),
    );
    expect(component(described, 'final-parameters')!.status).toBe('released');
    const prompted = await inferRelease(
      fakeInput({
        'README.md': `---\nlicense: llama3.1\nextra_gated_prompt: You agree to the Llama 3.1 Community License.\n---\n# Star\n\n${PROSE}\n`,
        'model.safetensors': null,
      }),
    );
    expect(component(prompted, 'final-parameters')!.status).toBe('restricted');
  });
});
