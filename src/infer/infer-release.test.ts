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

  it('infers nothing from an empty pack', async () => {
    const inference = await inferRelease(fakeInput({}, 'memory'));
    expect(inference).toEqual({
      model: { name: 'memory' },
      components: [],
      packLicense: null,
      citation: null,
      paperLinks: [],
      links: [],
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
