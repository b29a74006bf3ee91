import { describe, expect, it } from 'vitest';
import { ApertureError } from '../errors.ts';
import { collectEvidence } from './collect-evidence.ts';
import type { LocationOpener } from './location-opener.ts';
import { memoryPack } from './memory-pack.ts';
import type { Pack } from './pack.ts';

/** A GitHub-style code repository whose README links its weights on the Hub and its training data. */
function codeRepo(): Pack {
  return memoryPack(
    {
      'README.md': [
        '# Star',
        '',
        'Star is a small language model. The code in this repository is licensed under Apache 2.0; the weights are',
        'released under the Llama 3.1 Community License.',
        '',
        '## Resources',
        '',
        '- Weights: https://huggingface.co/star-lab/star-7b',
        '- Training data: https://huggingface.co/datasets/star-lab/star-corpus',
        '- Training logs: https://wandb.ai/star-lab/star/runs/abc',
        '',
      ].join('\n'),
      LICENSE: 'Apache License\nVersion 2.0, January 2004\nhttp://www.apache.org/licenses/\n',
      'train.py': 'import torch\nfrom transformers import Trainer\ntrainer = Trainer(model=model)\n',
      'tests/fixtures/tiny.safetensors': 'x',
    },
    { kind: 'git', ref: 'https://github.com/star-lab/star' },
  );
}

/** The Hub repositories the README links, held in memory, and a record of what was opened. */
function hubOpener(): LocationOpener & { opened: string[] } {
  const opened: string[] = [];
  const locations: Record<string, () => Pack> = {
    'hf:star-lab/star-7b': () =>
      memoryPack(
        {
          'README.md':
            '---\nlicense: llama3.1\n---\n# Star 7B\n\nThe weights of Star, a small language model trained on the Star corpus for questions about stars.\n',
          'config.json': '{"architectures": ["StarForCausalLM"], "model_type": "star"}',
          'model.safetensors': 'w',
        },
        { kind: 'hf', ref: 'hf:star-lab/star-7b' },
      ),
    'hf:datasets/star-lab/star-corpus': () =>
      memoryPack(
        {
          'README.md':
            '---\nlicense: odc-by\n---\n# Star corpus\n\n## Dataset Summary\n\nText about stars, collected from public domain books and papers for training Star models. It holds two billion tokens of English text, deduplicated and filtered for quality.\n',
          'data/train-00000.parquet': 'p',
        },
        { kind: 'hf', ref: 'hf:datasets/star-lab/star-corpus' },
      ),
  };
  return {
    opened,
    reads: (target) => target.startsWith('hf:') || target.startsWith('https://'),
    async open(target) {
      opened.push(target);
      const open = locations[target];
      if (!open) throw new ApertureError('ERR_SOURCE_UNAVAILABLE', `${target}: unreachable`);
      return open();
    },
  };
}

function component(evidence: Awaited<ReturnType<typeof collectEvidence>>, id: string) {
  return evidence.components.find((candidate) => candidate.id === id)!;
}

describe('a release spanning locations', () => {
  it('without following, rates the linked parts from the links and the words beside them', async () => {
    const evidence = await collectEvidence(codeRepo(), { asOf: '2026-01-01' });
    const weights = component(evidence, 'final-parameters');
    expect(weights).toMatchObject({
      status: 'released',
      files: [],
      locations: ['https://huggingface.co/star-lab/star-7b'],
    });
    // The weights' license is the one the README states for them, not the code's Apache-2.0.
    expect(weights.license.expression).toBe('llama3.1');
    expect(weights.evidence[0]!.note).toMatch(/^linked: weights on the Hub; .*not verified$/);
    expect(component(evidence, 'training-code').license.expression).toBe('Apache-2.0');
    expect(component(evidence, 'training-datasets').locations).toEqual([
      'https://huggingface.co/datasets/star-lab/star-corpus',
    ]);
    expect(component(evidence, 'training-logs').locations).toEqual([
      'https://wandb.ai/star-lab/star/runs/abc',
    ]);
    // The test fixture is not the release's weights.
    expect(weights.files).toEqual([]);
    expect(evidence.locations).toEqual([expect.objectContaining({ role: 'primary', files: 4 })]);
  });

  it('follows the links it may read and names every file and piece of evidence by its location', async () => {
    const opener = hubOpener();
    const evidence = await collectEvidence(codeRepo(), { asOf: '2026-01-01', follow: { opener } });
    expect(opener.opened.sort()).toEqual(['hf:datasets/star-lab/star-corpus', 'hf:star-lab/star-7b']);
    const weights = component(evidence, 'final-parameters');
    expect(weights.files).toEqual(['hf:star-lab/star-7b/model.safetensors']);
    expect(weights.license.expression).toBe('llama3.1');
    const datasets = component(evidence, 'training-datasets');
    expect(datasets.files).toEqual(['hf:datasets/star-lab/star-corpus/data/train-00000.parquet']);
    expect(datasets.license.expression).toBe('ODC-By-1.0');
    expect(datasets.evidence[0]).toMatchObject({ location: 'hf:datasets/star-lab/star-corpus' });
    // A dataset's README is its card: the data card, not a second model card.
    expect(component(evidence, 'data-card').files).toEqual(['hf:datasets/star-lab/star-corpus/README.md']);
    expect(evidence.documents['hf:datasets/star-lab/star-corpus/README.md']?.text).toContain('Star corpus');
    // The release's license is the weights' as its own README states it; a dataset never licenses the release.
    expect(evidence.packLicense?.verdict.expression).toBe('llama3.1');
    expect(evidence.locations.map((location) => [location.ref, location.role])).toEqual([
      ['https://github.com/star-lab/star', 'primary'],
      ['hf:star-lab/star-7b', 'followed'],
      ['hf:datasets/star-lab/star-corpus', 'followed'],
    ]);
  });

  it('checks locations named together as one release', async () => {
    const weights = hubOpener();
    const hub = await weights.open('hf:star-lab/star-7b');
    const evidence = await collectEvidence(hub, { asOf: '2026-01-01', given: [codeRepo()] });
    expect(component(evidence, 'final-parameters').files).toEqual(['model.safetensors']);
    expect(component(evidence, 'training-code').files).toEqual(['github.com/star-lab/star/train.py']);
    expect(evidence.locations.map((location) => location.role)).toEqual(['primary', 'given']);
  });

  it('leaves a link that cannot be opened as evidence, with one warning line', async () => {
    const opener: LocationOpener = {
      reads: () => true,
      async open(target) {
        throw new ApertureError('ERR_DESTINATION_REFUSED', `${target}: refused: private address`);
      },
    };
    const evidence = await collectEvidence(codeRepo(), { asOf: '2026-01-01', follow: { opener } });
    expect(component(evidence, 'final-parameters')).toMatchObject({ status: 'released', files: [] });
    const refused = evidence.warnings.filter((warning) => warning.includes('not followed'));
    expect(refused.length).toBeGreaterThan(0);
    for (const warning of refused) expect(warning.split('\n')).toHaveLength(1);
  });
});
