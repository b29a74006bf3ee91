import spdxFull from 'spdx-license-list/full.js';
import { describe, expect, it } from 'vitest';
import { classifyLicense } from '../spec/index.ts';
import { ComponentFindings } from './component-findings.ts';
import { findLicenses } from './find-licenses.ts';
import { inferRelease } from './infer-release.ts';
import type { Inference } from './inference.ts';
import { fakeInput } from './test-support/fake-input.ts';

/** The head of a Llama community license, as meta-llama/llama-models ships one per model folder. */
function llamaLicense(title: string, version: string): string {
  return `${title}\n\n${version} Version Release Date: July 23, 2024\n\n"Agreement" means the terms and conditions for use, reproduction, distribution and modification of the Llama Materials set forth herein.\n${'Terms and conditions apply. '.repeat(40)}`;
}

const LLAMA_MODELS = {
  'models/llama2/LICENSE': llamaLicense('LLAMA 2 COMMUNITY LICENSE AGREEMENT', 'Llama 2'),
  'models/llama3/LICENSE': llamaLicense('META LLAMA 3 COMMUNITY LICENSE AGREEMENT', 'Meta Llama 3'),
  'models/llama3_1/LICENSE': llamaLicense('LLAMA 3.1 COMMUNITY LICENSE AGREEMENT', 'Llama 3.1'),
  'models/llama3_1/USE_POLICY.md': '# Llama 3.1 Acceptable Use Policy\n',
  'models/llama3_1/model.py': 'class Transformer(nn.Module):\n    pass\n',
  'models/llama3_2/LICENSE': llamaLicense('LLAMA 3.2 COMMUNITY LICENSE AGREEMENT', 'Llama 3.2'),
  'models/llama3_2/model.py': 'class Transformer(nn.Module):\n    pass\n',
};

async function packLicenseOf(files: Record<string, string | null>, modelName: string) {
  const input = fakeInput(files);
  const licenses = await findLicenses({
    card: undefined,
    cardTexts: new Map(),
    files: input.files,
    input,
    modelName,
  });
  return licenses.packLicense?.license;
}

function component(inference: Inference, id: string) {
  return inference.components.find((c) => c.id === id);
}

const CARD = (license: string) => `# Star-8B

Star-8B is an instruction-tuned language model fine-tuned from Llama 3.1 8B on open instruction data, for research on tool use.

## Models

| Model | Weights |
|---|---|
| Star-8B | [star-lab/Star-8B](https://huggingface.co/star-lab/Star-8B) |

## License

${license}
`;

describe('findLicenses: licenses outside the root', () => {
  it('picks the per-model LICENSE of the folder named after the release', async () => {
    const { 'models/llama3/LICENSE': _llama3, 'models/llama2/LICENSE': _llama2, ...files } = LLAMA_MODELS;
    expect(await packLicenseOf(files, 'Llama 3.1')).toBe('llama3.1');
    expect(await packLicenseOf(files, 'Llama 3.2 1B')).toBe('llama3.2');
  });

  it('picks llama3_1 over llama3 for Llama 3.1 in a repository of several models', async () => {
    expect(await packLicenseOf(LLAMA_MODELS, 'Llama 3.1')).toBe('llama3.1');
  });

  it('licenses the files under a model folder with that folder’s LICENSE', async () => {
    const inference = await inferRelease(
      fakeInput(
        {
          'README.md':
            '# Llama 3.2\n\nModel code and licenses of the Llama 3.2 models, one folder per model.\n',
          'models/llama3_2/LICENSE': LLAMA_MODELS['models/llama3_2/LICENSE'],
          'models/llama3_2/model.py': 'class Transformer(nn.Module):\n    pass\n',
        },
        'https://github.com/meta-llama/llama-models',
      ),
    );
    expect(component(inference, 'model-architecture')).toMatchObject({
      locations: ['models/llama3_2/model.py'],
      license: 'llama3.2',
    });
  });

  it('reads a root LICENSE that only points to the terms page', async () => {
    const inference = await inferRelease(
      fakeInput(
        { LICENSE: 'See https://ai.google.dev/gemma/terms\n', 'model.safetensors': null },
        'hf:google/gemma-2-2b',
      ),
    );
    expect(inference.packLicense).toEqual({
      license: 'gemma',
      evidence: { file: 'LICENSE', note: 'names gemma (https://ai.google.dev/gemma/terms)' },
    });
  });

  it('reads a LICENSE of several licenses by the one that applies to all files', async () => {
    // Megatron-LM's shape: BSD-3-Clause as comment lines, then the licenses of vendored code after `--`.
    const bsd = (spdxFull as Record<string, { licenseText: string }>)['BSD-3-Clause']!.licenseText.replace(
      'Copyright (c) <year> <owner>.',
      'Copyright (c) 2022, NVIDIA CORPORATION. All rights reserved.',
    );
    const text = [
      'The following applies to all files unless otherwise noted:',
      '',
      ...bsd.split('\n').map((line) => `# ${line}`.trimEnd()),
      '',
      '--',
      '',
      'This repository also contains code from Hugging Face Inc. and Google Research. Files from these',
      'organizations have notices at the top of each file. Below are licenses used in those files.',
      '',
      '------------- LICENSE FOR huggingface and Google Research code --------------',
      '                                 Apache License',
      '                           Version 2.0, January 2004',
      '                        http://www.apache.org/licenses/',
    ].join('\n');
    const license = await packLicenseOf({ LICENSE: text, 'pretrain_gpt.py': 'import torch\n' }, 'megatron');
    expect(license).toBe('BSD-3-Clause');
  });

  it('still reads a bare "All rights reserved" notice as proprietary', async () => {
    const license = await packLicenseOf(
      { LICENSE: 'Copyright (c) 2024 Example Corp. All rights reserved.\n--\nContact us for a license.\n' },
      'example',
    );
    expect(license).toBe('proprietary');
  });

  it.each([
    ['Star-8B is released under the Llama 3.1 Community License.', 'llama3.1'],
    ['Use of Star-8B is governed by the [Gemma Terms of Use](https://ai.google.dev/gemma/terms).', 'gemma'],
    ['See the [terms of use](https://ai.google.dev/gemma/terms).', 'gemma'],
  ])('reads the license the README names or links: %s', async (sentence, license) => {
    const inference = await inferRelease(
      fakeInput(
        { 'README.md': CARD(sentence), 'model.safetensors': null },
        'https://github.com/star-lab/star',
      ),
    );
    expect(inference.packLicense).toMatchObject({ license, evidence: { file: 'README.md', line: 13 } });
  });

  it('licenses code and weights apart when the README says so, the weights restrictively', async () => {
    const inference = await inferRelease(
      fakeInput(
        {
          'README.md': CARD('The code is Apache 2.0; the weights are under the Llama 3.1 Community License.'),
          LICENSE: spdxFull['Apache-2.0']!.licenseText,
          'train.py': 'trainer = Trainer(model)\ntrainer.train()\n',
          'inference.py': 'print(model.generate(prompt))\n',
          'model.safetensors': null,
        },
        'https://github.com/star-lab/star',
      ),
    );
    expect(component(inference, 'training-code')!.license).toBe('Apache-2.0');
    expect(component(inference, 'inference-code')!.license).toBe('Apache-2.0');
    // The weights in the pack and those linked on the Hub: the Llama license, never the code's Apache-2.0.
    expect(component(inference, 'final-parameters')).toMatchObject({
      locations: ['model.safetensors', 'https://huggingface.co/star-lab/Star-8B'],
      license: 'llama3.1',
    });
    expect(inference.packLicense?.license).toBe('llama3.1');
    const verdict = classifyLicense(component(inference, 'final-parameters')!.license!);
    expect(verdict.class).toBe('restricted');
    expect(verdict.class).not.toBe('none');
  });

  it('licenses code and weights alike when one sentence names both', async () => {
    const inference = await inferRelease(
      fakeInput(
        {
          'README.md': CARD('The code and the model weights are released under the MIT License.'),
          'train.py': 'trainer = Trainer(model)\ntrainer.train()\n',
          'model.safetensors': null,
        },
        'https://github.com/star-lab/star',
      ),
    );
    expect(inference.packLicense).toMatchObject({
      license: 'MIT',
      evidence: { file: 'README.md', line: 13 },
    });
    // Neither part has a license of its own: both take the release's MIT, as the scan reads packLicense.
    for (const id of ['training-code', 'final-parameters']) {
      const license = component(inference, id)!.license;
      expect([undefined, 'MIT'], id).toContain(license);
    }
  });

  it('never gives a scoped license to a part that states its own', async () => {
    const input = fakeInput({
      'LICENSE-MODEL': llamaLicense('LLAMA 3.1 COMMUNITY LICENSE AGREEMENT', 'Llama 3.1'),
    });
    const licenses = await findLicenses({
      card: undefined,
      cardTexts: new Map(),
      files: input.files,
      input,
      modelName: 'Star',
    });
    const findings = new ComponentFindings();
    findings.add({
      id: 'final-parameters',
      status: 'released',
      locations: ['model.safetensors'],
      evidence: [],
    });
    findings.add({
      id: 'intermediate-checkpoints',
      status: 'released',
      locations: ['checkpoints/step1000'],
      license: 'Apache-2.0',
      evidence: [],
    });
    licenses.apply(findings);
    expect(findings.get('final-parameters')!.license).toBe('llama3.1');
    expect(findings.get('final-parameters')!.evidence[0]!.note).toBe(
      'identified as llama3.1 (by its title), for final-parameters',
    );
    expect(findings.get('intermediate-checkpoints')!.license).toBe('Apache-2.0');
  });
});
