import spdxFull from 'spdx-license-list/full.js';
import { describe, expect, it } from 'vitest';
import { collectEvidence, type LocationOpener, memoryPack, type Pack } from '../scan/index.ts';
import {
  type ComponentId,
  type ReleaseEvidence,
  type ReleasePack,
  validateManifestText,
} from '../spec/index.ts';
import { type DraftComponent, draftFromEvidence, LINKED_COMMENT } from './manifest-draft.ts';
import { renderManifest } from './render-manifest.ts';

const APACHE = spdxFull['Apache-2.0']!.licenseText;
const CODE_REF = 'https://github.com/star-lab/star';
const WEIGHTS_URL = 'https://huggingface.co/star-lab/star-7b';
const DATA_URL = 'https://huggingface.co/datasets/star-lab/star-corpus';

/** A GitHub code repository: code, configs and tests; its README links the weights and the data on the Hub. */
const CODE_REPO: Record<string, string> = {
  'README.md': `# Star

Star is the training and evaluation code of Star 7B, a 7B language model trained by Star Lab.

## Model

The weights are on the Hugging Face Hub at [star-lab/star-7b](${WEIGHTS_URL}), released under the Llama 3.1 Community License.

## Data

Star 7B was trained on [star-lab/star-corpus](${DATA_URL}), released under ODC-By.

## Usage

\`\`\`bash
pip install -e .
python scripts/train.py --config configs/7b.yaml
\`\`\`

## License

The code is released under the Apache License 2.0.
`,
  LICENSE: APACHE,
  'pyproject.toml': '[project]\nname = "star"\ndependencies = ["torch==2.3.1"]\n',
  'scripts/train.py': 'import torch\n\nloss.backward()\noptimizer.step()\n',
  'scripts/eval.py': 'import lm_eval\n\nlm_eval.simple_evaluate(model="hf")\n',
  'configs/7b.yaml': 'hidden_size: 4096\nlearning_rate: 0.0003\n',
  'tests/fixtures/tiny-model.safetensors': 'not a real model',
  'tests/fixtures/config.json': '{"architectures": ["StarForCausalLM"]}',
  'tests/test_model.py': 'def test_forward():\n    assert True\n',
};

/** The Hub model the code links: the weights and their card, with a restrictive license. */
const HUB_MODEL: Record<string, string> = {
  'README.md': `---
license: llama3.1
library_name: transformers
pipeline_tag: text-generation
---

# Star 7B

Star 7B is a 7B decoder-only language model trained by Star Lab on the Star corpus.
`,
  'config.json': '{"architectures": ["LlamaForCausalLM"]}',
  'model-00001-of-00002.safetensors': 'a',
  'model-00002-of-00002.safetensors': 'b',
  'model.safetensors.index.json': '{"weight_map": {}}',
};

/** The Hub dataset the code links, in many shards. */
const HUB_DATASET: Record<string, string> = {
  'README.md':
    '---\nlicense: odc-by\n---\n\n# Star corpus\n\nTwo trillion tokens of deduplicated web text.\n',
  ...Object.fromEntries(
    Array.from({ length: 6 }, (_, i) => [`data/train-0000${i}-of-00006.jsonl`, '{"text": "a"}\n']),
  ),
};

/** The same repository when its README links the weights without saying their license. */
const CODE_REPO_QUIET: Record<string, string> = {
  ...CODE_REPO,
  'README.md': CODE_REPO['README.md']!.replace(', released under the Llama 3.1 Community License', ''),
};

function codePack(files = CODE_REPO): Pack {
  return memoryPack(files, { kind: 'git', ref: CODE_REF, url: CODE_REF, revision: 'c0ffee0000' });
}

/** Serves the two Hub repositories from memory, and records what it was asked to open. */
function hubOpener(): LocationOpener & { opened: string[] } {
  const opened: string[] = [];
  return {
    opened,
    reads: (target) => target.startsWith('hf:'),
    async open(target) {
      opened.push(target);
      if (target === 'hf:star-lab/star-7b')
        return memoryPack(HUB_MODEL, {
          kind: 'hf',
          ref: target,
          revision: 'abc1234567890',
          url: WEIGHTS_URL,
        });
      if (target === 'hf:datasets/star-lab/star-corpus')
        return memoryPack(HUB_DATASET, { kind: 'hf', ref: target, revision: 'def4567890123', url: DATA_URL });
      throw new Error(`${target}: not served`);
    },
  };
}

function component(draft: { components: DraftComponent[] }, id: ComponentId): DraftComponent {
  return draft.components.find((candidate) => candidate.id === id)!;
}

function locationsOf(entry: DraftComponent['entry']): string[] {
  return entry.location === undefined
    ? []
    : Array.isArray(entry.location)
      ? entry.location
      : [entry.location];
}

/** Renders and validates a draft, as `aperture validate` would. */
function validManifest(evidence: ReleaseEvidence, source: string): { text: string; value: ReleasePack } {
  const text = renderManifest(draftFromEvidence(evidence, source, {}));
  const state = validateManifestText(text, 'release-pack.yaml');
  if (state.state !== 'valid') throw new Error(`draft does not validate: ${JSON.stringify(state)}`);
  return { text, value: state.value };
}

describe('draftFromEvidence on a GitHub code repository that links its weights and data', () => {
  it('without following, drafts the linked parts as released at their links, with their licenses', async () => {
    const evidence = await collectEvidence(codePack());
    const draft = draftFromEvidence(evidence, CODE_REF, {});

    const weights = component(draft, 'final-parameters');
    expect(weights.entry).toEqual({ status: 'released', location: WEIGHTS_URL, license: 'llama3.1' });
    expect(weights.comments).toContain(LINKED_COMMENT);
    const data = component(draft, 'training-datasets');
    expect(data.entry).toEqual({ status: 'released', location: DATA_URL, license: 'ODC-By-1.0' });
    expect(data.comments).toContain(LINKED_COMMENT);

    // The code's own parts stay at their paths, under the code's license; read parts are not "linked".
    const training = component(draft, 'training-code');
    expect(training.entry).toMatchObject({ status: 'released', location: 'scripts/train.py' });
    expect(training.comments).not.toContain(LINKED_COMMENT);
    expect(draft.model.organization).toBe('star-lab');
    expect(draft.modelComments.organization).toBe(`inferred from the account of ${CODE_REF}`);

    const { value } = validManifest(evidence, CODE_REF);
    expect(value.components['final-parameters']).toEqual(weights.entry);
  });

  it('never drafts test fixtures as components', async () => {
    const evidence = await collectEvidence(codePack());
    const draft = draftFromEvidence(evidence, CODE_REF, {});
    const everywhere = draft.components.flatMap((c) => locationsOf(c.entry));
    expect(everywhere.length).toBeGreaterThan(3);
    expect(everywhere.filter((location) => /(^|\/)tests?\/|fixtures|tiny-model/.test(location))).toEqual([]);
    // The fixture's weights and config do not make the weights or the architecture found in this repo.
    expect(locationsOf(component(draft, 'final-parameters').entry)).toEqual([WEIGHTS_URL]);
    expect(component(draft, 'model-architecture').entry.status).toBe('withheld');
  });

  it('following the links, drafts the parts read on the Hub at their Hub URLs, never at paths of the pack', async () => {
    const opener = hubOpener();
    const evidence = await collectEvidence(codePack(), { follow: { opener } });
    expect(opener.opened.sort()).toEqual(['hf:datasets/star-lab/star-corpus', 'hf:star-lab/star-7b']);
    const draft = draftFromEvidence(evidence, CODE_REF, {});

    const weights = component(draft, 'final-parameters');
    expect(locationsOf(weights.entry)).toEqual([
      `${WEIGHTS_URL}/blob/main/model-00001-of-00002.safetensors`,
      `${WEIGHTS_URL}/blob/main/model-00002-of-00002.safetensors`,
      `${WEIGHTS_URL}/blob/main/model.safetensors.index.json`,
    ]);
    // Read, so not "linked"; the location it was read in is named, with the link that led there.
    expect(weights.comments).not.toContain(LINKED_COMMENT);
    expect(weights.comments).toContain(
      'found in hf:star-lab/star-7b at abc123456789, linked from README.md:7: check the location',
    );
    expect(component(draft, 'model-architecture').entry).toMatchObject({
      status: 'released',
      location: `${WEIGHTS_URL}/blob/main/config.json`,
    });
    // Six shards are drafted as their folder.
    expect(component(draft, 'training-datasets').entry).toMatchObject({
      status: 'released',
      location: `${DATA_URL}/tree/main/data`,
    });
    const everywhere = draft.components.flatMap((c) => locationsOf(c.entry));
    expect(everywhere.filter((location) => /^(hf:|github\.com\/)/.test(location))).toEqual([]);
    expect(draft.model.organization).toBe('star-lab');
    expect(draft.modelComments.organization).toBe('inferred from hf:star-lab/star-7b, where the weights are');
    expect(draft.alsoRead.map((location) => [location.ref, location.role])).toEqual([
      ['hf:star-lab/star-7b', 'followed'],
      ['hf:datasets/star-lab/star-corpus', 'followed'],
    ]);
    const { text } = validManifest(evidence, CODE_REF);
    expect(text).toContain('#   hf:star-lab/star-7b (linked from README.md:7)');
  });

  it('drafts each component with the license inference found for it, never the code license for the weights', async () => {
    for (const files of [CODE_REPO, CODE_REPO_QUIET]) {
      for (const follow of [undefined, { opener: hubOpener() }]) {
        const evidence = await collectEvidence(codePack(files), follow ? { follow } : {});
        const { text, value } = validManifest(evidence, CODE_REF);
        // The manifest, read by the checker, gives every part the license inference gave it.
        const declared = await collectEvidence(memoryPack({ ...files, 'release-pack.yaml': text }));
        expect(declared.manifest.state).toBe('valid');
        for (const inferred of evidence.components) {
          const entry = value.components[inferred.id];
          if (!entry || entry.status === 'withheld') continue;
          const resolved = declared.components.find((c) => c.id === inferred.id)!;
          expect(resolved.license.expression, inferred.id).toBe(inferred.license.expression);
        }
        expect(declared.components.find((c) => c.id === 'training-code')!.license.expression).toBe(
          'Apache-2.0',
        );
      }
    }
  });

  it('writes the license of the Hub repository the weights were read in over the code repository’s', async () => {
    const evidence = await collectEvidence(codePack(CODE_REPO_QUIET), { follow: { opener: hubOpener() } });
    const draft = draftFromEvidence(evidence, CODE_REF, {});
    expect(draft.distribution?.license).toBe('Apache-2.0');
    expect(component(draft, 'final-parameters').entry.license).toBe('llama3.1');
    expect(component(draft, 'model-architecture').entry.license).toBe('llama3.1');
    expect(component(draft, 'training-datasets').entry.license).toBe('ODC-By-1.0');
    // The code's own parts inherit licenses.distribution.
    expect(component(draft, 'model-card').entry.license).toBeUndefined();
  });
});

describe('draftFromEvidence on parts whose license no text states', () => {
  it('writes NOASSERTION, asking for the license, rather than letting them inherit the release’s', async () => {
    const files = {
      ...CODE_REPO_QUIET,
      'README.md': CODE_REPO_QUIET['README.md']!.replace(', released under ODC-By', ''),
    };
    const unlicensed: LocationOpener = {
      reads: (target) => target === 'hf:datasets/star-lab/star-corpus',
      async open(target) {
        return memoryPack(
          { ...HUB_DATASET, 'README.md': '# Star corpus\n\nTwo trillion tokens of deduplicated web text.\n' },
          { kind: 'hf', ref: target, url: DATA_URL },
        );
      },
    };
    for (const follow of [undefined, { opener: unlicensed }]) {
      const evidence = await collectEvidence(codePack(files), follow ? { follow } : {});
      expect(evidence.locations.length).toBe(follow ? 2 : 1);
      const draft = draftFromEvidence(evidence, CODE_REF, {});
      expect(draft.distribution?.license).toBe('Apache-2.0');
      const data = component(draft, 'training-datasets');
      expect(data.entry.license).toBe('NOASSERTION');
      expect(data.comments).toContain(
        "license not stated at the source: replace NOASSERTION with this component's license",
      );
      const { text } = validManifest(evidence, CODE_REF);
      const declared = await collectEvidence(memoryPack({ ...files, 'release-pack.yaml': text }));
      const resolved = declared.components.find((c) => c.id === 'training-datasets')!;
      expect(resolved.license.class).toBe('none');
    }
  });
});

describe('draftFromEvidence on a Hub model repository', () => {
  const files: Record<string, string> = {
    'README.md': `---
license: llama3.1
pipeline_tag: text-generation
---

\`\`\`markdown
# Model card template
\`\`\`

# Star 7B Instruct

Star 7B Instruct is an instruction-tuned language model released by Star Lab for research and products.
`,
    LICENSE: APACHE,
    'config.json': '{"architectures": ["LlamaForCausalLM"]}',
    'model.safetensors': 'weights',
    'tests/fixtures/dummy-model/model.safetensors': 'x',
  };

  it('takes the name from the card (not a fenced heading), the organisation from the Hub, and the stated license', async () => {
    const pack = memoryPack(files, {
      kind: 'hf',
      ref: 'hf:star-lab/star-7b-instruct',
      url: 'https://huggingface.co/star-lab/star-7b-instruct',
    });
    const evidence = await collectEvidence(pack);
    const draft = draftFromEvidence(evidence, 'hf:star-lab/star-7b-instruct', {});
    expect(draft.model).toMatchObject({ name: 'Star 7B Instruct', organization: 'star-lab' });
    expect(draft.distribution?.license).toBe('llama3.1');
    expect(component(draft, 'final-parameters').entry).toEqual({
      status: 'released',
      location: 'model.safetensors',
    });

    const { value } = validManifest(evidence, 'hf:star-lab/star-7b-instruct');
    expect(value.licenses?.distribution).toBe('llama3.1');
    // Inherited from the distribution license: the weights are under llama3.1, not the LICENSE file's Apache-2.0.
    const declared = await collectEvidence(
      memoryPack({ ...files, 'release-pack.yaml': renderManifest(draft) }),
    );
    expect(declared.components.find((c) => c.id === 'final-parameters')!.license.expression).toBe('llama3.1');
    const everywhere = draft.components.flatMap((c) => locationsOf(c.entry));
    expect(everywhere.filter((location) => location.includes('dummy'))).toEqual([]);
  });
});

describe('draftFromEvidence with locations named with the source', () => {
  it('drafts parts of a given git repository at its web URL, and parts of a local copy as to do', async () => {
    const hub = memoryPack(HUB_MODEL, { kind: 'hf', ref: 'hf:star-lab/star-7b', url: WEIGHTS_URL });
    const code = memoryPack(CODE_REPO, { kind: 'git', ref: `${CODE_REF}.git`, url: CODE_REF });
    const evidence = await collectEvidence(hub, { given: [code] });
    const draft = draftFromEvidence(evidence, 'hf:star-lab/star-7b', {});
    expect(component(draft, 'training-code').entry).toMatchObject({
      status: 'released',
      location: `${CODE_REF}/blob/HEAD/scripts/train.py`,
      license: 'Apache-2.0',
    });
    expect(component(draft, 'final-parameters').entry.location).toEqual([
      'model-00001-of-00002.safetensors',
      'model-00002-of-00002.safetensors',
      'model.safetensors.index.json',
    ]);
    expect(draft.alsoRead).toEqual([{ ref: `${CODE_REF}.git`, role: 'given' }]);
    expect(validManifest(evidence, 'hf:star-lab/star-7b').text).toContain(
      `Pre-filled by \`aperture init --from hf:star-lab/star-7b --from ${CODE_REF}.git\``,
    );

    const local = memoryPack(CODE_REPO, { kind: 'folder', ref: '/home/me/star' });
    const withCopy = await collectEvidence(hub, { given: [local] });
    const training = component(draftFromEvidence(withCopy, 'hf:star-lab/star-7b', {}), 'training-code');
    expect(training.entry).toEqual({ status: 'withheld', reason: 'other', note: 'to do' });
    expect(training.comments).toContain(
      'found in /home/me/star, given with --from (scripts/train.py), a copy with no web address: write where it is published',
    );
  });
});

describe('draftFromEvidence naming the organisation', () => {
  const draftOf = async (link: string) => {
    const readme = `# Star\n\nWeights: ${link}\n\nStar 7B is a small language model for astronomy questions, trained on public data.\n`;
    const evidence = await collectEvidence(
      memoryPack({ 'README.md': readme }, { kind: 'folder', ref: '/srv/star' }),
    );
    return draftFromEvidence(evidence, '/srv/star', {});
  };

  it('takes the Hub organisation of the weights’ link, as the link writes it', async () => {
    const draft = await draftOf('https://huggingface.co/Star-Lab/star-7b');
    expect(locationsOf(component(draft, 'final-parameters').entry)).toEqual([
      'https://huggingface.co/Star-Lab/star-7b',
    ]);
    expect(draft.model.organization).toBe('Star-Lab');
    expect(draft.modelComments.organization).toBe(
      "inferred from the weights' link https://huggingface.co/Star-Lab/star-7b",
    );
  });

  it('reads the link as inference classifies it: the hf.co short host is the Hub too', async () => {
    const draft = await draftOf('https://hf.co/Star-Lab/star-7b');
    expect(draft.model.organization).toBe('Star-Lab');
  });

  it('takes no organisation from a weights link that is not a Hub model', async () => {
    const draft = await draftOf('https://example.org/star-7b.safetensors');
    expect(locationsOf(component(draft, 'final-parameters').entry)).toEqual([
      'https://example.org/star-7b.safetensors',
    ]);
    expect(draft.model.organization).toBe('to do');
    expect(draft.modelComments.organization).not.toContain('inferred from');
  });
});
