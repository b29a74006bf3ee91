import spdxFull from 'spdx-license-list/full.js';
import { describe, expect, it } from 'vitest';
import { checkPack } from '../src/checker/index.ts';
import { memoryPack } from '../src/scan/index.ts';

const README = `---
license: apache-2.0
datasets:
  - allenai/dolma
pipeline_tag: text-generation
library_name: transformers
---
# Star 7B

Star 7B is an open language model trained by Star Lab on the Dolma corpus. It is meant for research on
language models and should not be deployed without further evaluation of its risks and limitations.

## Training data

Trained on Dolma; see https://arxiv.org/abs/2402.00838 for the paper.
`;

/** A folder laid out like a typical Hugging Face Hub model repository, without release-pack.yaml. */
function hubRepo() {
  return memoryPack(
    {
      'README.md': README,
      LICENSE: spdxFull['Apache-2.0']!.licenseText,
      'config.json': JSON.stringify({ architectures: ['StarForCausalLM'], model_type: 'star' }),
      'generation_config.json': '{"max_new_tokens": 256}',
      'model-00001-of-00002.safetensors': new Uint8Array(64),
      'model-00002-of-00002.safetensors': new Uint8Array(64),
      'model.safetensors.index.json': '{"metadata": {"total_size": 128}, "weight_map": {}}',
      'tokenizer.json': '{}',
    },
    { kind: 'folder', ref: 'hf:star-lab/star-7b' },
  );
}

describe('a Hub model repo without a manifest', () => {
  it('is profiled from inferred components with evidence, a score and a class', async () => {
    const report = await checkPack(hubRepo(), 'star-7b', { asOf: '2025-01-01' });
    expect(report.manifest.state).toBe('absent');
    expect(report.profile.inferred).toBe(true);
    expect(report.profile.model).toMatchObject({ name: 'Star 7B', organization: 'star-lab' });

    const byId = Object.fromEntries(report.profile.components.map((c) => [c.id, c]));
    expect(byId['final-parameters']).toMatchObject({ status: 'released', rating: 'open', inferred: true });
    expect(byId['final-parameters']!.evidence[0]).toMatchObject({ file: 'model-00001-of-00002.safetensors' });
    expect(byId['final-parameters']!.license.expression).toBe('Apache-2.0');
    expect(byId['model-architecture']).toMatchObject({ status: 'released', rating: 'open' });
    expect(byId['model-card']).toMatchObject({ status: 'released' });
    expect(byId['model-card']!.evidence[0]).toMatchObject({ file: 'README.md' });
    // Named in the card, not shipped and not read: linked, unverified, its license not stated.
    expect(byId['training-datasets']).toMatchObject({
      status: 'released',
      rating: 'partial',
      verification: 'linked-unverified',
    });
    expect(byId['training-datasets']!.reason).toBe('linked, unverified; license not stated');
    expect(byId['research-paper']!.evidence[0]).toMatchObject({ url: 'https://arxiv.org/abs/2402.00838' });
    // Nothing was shipped for training code: it must not be claimed.
    expect(byId['training-code']).toMatchObject({ status: 'withheld', rating: 'closed', evidence: [] });

    expect(report.profile.score).toBeGreaterThan(0);
    expect(report.profile.score).toBeLessThan(100);
    // No data card, technical report or evaluation results were shipped: not even MOF class III.
    expect(report.profile.mof.class).toBeNull();
    expect(report.profile.mof.unmet.III.map((unmet) => unmet.id)).toEqual(
      expect.arrayContaining(['data-card', 'technical-report']),
    );
  });
});
