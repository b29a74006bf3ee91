import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import spdxFull from 'spdx-license-list/full.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkRelease } from '../checker/index.ts';
import { ApertureError } from '../errors.ts';
import { collectEvidence, type LocationOpener, memoryPack, openFolderPack } from '../scan/index.ts';
import { COMPONENT_IDS, validateManifestText } from '../spec/index.ts';
import { scaffoldPack } from './scaffold-pack.ts';

const TEMPLATES = ['MODEL_CARD.md', 'DATA_STATEMENT.md', 'SAFETY_NOTES.md', 'REPRODUCIBILITY.md'];
let tmp: string;

beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'aperture-scaffold-'));
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function hubRepo(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const files: Record<string, string> = {
    'README.md': `---\nlicense: apache-2.0\ndatasets: [allenai/dolma]\npipeline_tag: text-generation\n---\n# Star 7B\n\nStar 7B is an open language model trained by Star Lab on Dolma, released for research on language models.\n\nPaper: https://arxiv.org/abs/2402.00838\n`,
    LICENSE: spdxFull['Apache-2.0']!.licenseText,
    'config.json': '{"architectures": ["StarForCausalLM"]}',
    'model-00001-of-00002.safetensors': 'a',
    'model-00002-of-00002.safetensors': 'b',
    'train.py': 'optimizer.step()\n',
  };
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
}

/** A checkout of a GitHub code repository: the README links the weights and the data on the Hub; tests hold a tiny model. */
async function codeCheckout(dir: string): Promise<void> {
  const files: Record<string, string> = {
    'README.md': `# Star\n\nStar is the training code of Star 7B, a language model trained by Star Lab.\n\nThe weights are on the Hub at [star-lab/star-7b](https://huggingface.co/star-lab/star-7b).\n\nStar 7B was trained on [star-lab/star-corpus](https://huggingface.co/datasets/star-lab/star-corpus), released under ODC-By.\n`,
    LICENSE: spdxFull['Apache-2.0']!.licenseText,
    'scripts/train.py': 'import torch\n\nloss.backward()\noptimizer.step()\n',
    'tests/fixtures/tiny-model.safetensors': 'x',
    'tests/fixtures/config.json': '{"architectures": ["StarForCausalLM"]}',
    'tests/test_model.py': 'def test_forward():\n    assert True\n',
  };
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
}

/** The Hub as the code links it, from memory; records what it opened. */
function hubOpener(opened: string[]): LocationOpener {
  return {
    reads: (target) => target.startsWith('hf:'),
    async open(target) {
      opened.push(target);
      if (target === 'hf:star-lab/star-7b')
        return memoryPack(
          {
            'README.md':
              '---\nlicense: llama3.1\n---\n\n# Star 7B\n\nStar 7B is a language model trained by Star Lab.\n',
            'config.json': '{"architectures": ["LlamaForCausalLM"]}',
            'model.safetensors': 'weights',
          },
          { kind: 'hf', ref: target, url: 'https://huggingface.co/star-lab/star-7b' },
        );
      throw new Error(`${target}: not served`);
    },
  };
}

describe('scaffoldPack', () => {
  it('writes a manifest listing every component and the four templates, which validate and check', async () => {
    const dir = path.join(tmp, 'star-7b');
    const result = await scaffoldPack(dir);
    expect(result).toEqual({
      dir,
      files: ['release-pack.yaml', ...TEMPLATES],
      skipped: [],
      found: null,
      warnings: [],
    });
    expect((await readdir(dir)).sort()).toEqual(['release-pack.yaml', ...TEMPLATES].sort());

    const state = validateManifestText(await readFile(path.join(dir, 'release-pack.yaml'), 'utf8'), 'x');
    expect(state.state).toBe('valid');
    if (state.state === 'valid') {
      expect(Object.keys(state.value.components)).toEqual(COMPONENT_IDS);
      expect(state.value.model.name).toBe('star-7b');
    }
    const report = await checkRelease(dir, { asOf: '2025-01-01' });
    expect(report.manifest.state).toBe('valid');
    expect(report.profile.inferred).toBe(false);
    const card = report.profile.components.find((c) => c.id === 'model-card')!;
    expect(card.status).toBe('released');
    expect(card.evidence.some((ref) => ref.file === 'MODEL_CARD.md')).toBe(true);
  });

  it('refuses to overwrite and then writes nothing at all', async () => {
    await writeFile(path.join(tmp, 'SAFETY_NOTES.md'), 'mine');
    const error = await scaffoldPack(tmp).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApertureError);
    expect((error as ApertureError).code).toBe('ERR_EXISTS');
    expect((error as ApertureError).message).toContain('SAFETY_NOTES.md already exists');
    expect(await readdir(tmp)).toEqual(['SAFETY_NOTES.md']);
    expect(await readFile(path.join(tmp, 'SAFETY_NOTES.md'), 'utf8')).toBe('mine');
  });

  it('overwrites with force, replacing a symbolic link rather than writing through it', async () => {
    const outside = path.join(tmp, 'outside.md');
    await writeFile(outside, 'keep me');
    const dir = path.join(tmp, 'pack');
    await mkdir(dir);
    await symlink(outside, path.join(dir, 'MODEL_CARD.md'));
    await writeFile(path.join(dir, 'release-pack.yaml'), 'old');
    const result = await scaffoldPack(dir, { force: true });
    expect(result.files).toHaveLength(5);
    expect(await readFile(outside, 'utf8')).toBe('keep me');
    expect(await readFile(path.join(dir, 'MODEL_CARD.md'), 'utf8')).toContain('## Model details');
    expect(await readFile(path.join(dir, 'release-pack.yaml'), 'utf8')).toContain(
      'spec: aperture.dev/release-pack/v1',
    );
  });

  it('pre-fills from a folder, writing into it, so that declared components match the inferred ones', async () => {
    const dir = path.join(tmp, 'star-7b');
    await hubRepo(dir);
    const before = await collectEvidence(await openFolderPack(dir));
    expect(before.manifest.state).toBe('absent');

    const result = await scaffoldPack(undefined, { from: dir });
    expect(result.dir).toBe(dir);
    expect(result.files).toEqual(['release-pack.yaml', ...TEMPLATES.filter((f) => f !== 'MODEL_CARD.md')]);
    expect(result.skipped).toEqual([{ file: 'MODEL_CARD.md', reason: 'model card found at README.md' }]);
    expect(result.found).toBe(before.components.filter((c) => c.evidence.length > 0).length);

    const text = await readFile(path.join(dir, 'release-pack.yaml'), 'utf8');
    expect(text).toContain(
      'distribution: Apache-2.0 # inferred: README.md:2: license: apache-2.0 in model card front matter',
    );
    expect(text).toContain('# inferred: model-00001-of-00002.safetensors: 2 weight file(s)');
    const after = await collectEvidence(await openFolderPack(dir));
    expect(after.manifest.state).toBe('valid');
    expect(after.model).toMatchObject({ name: 'Star 7B', modality: 'language' });
    const templated = new Set(['data-card', 'safety-notes', 'reproducibility']);
    for (const inferred of before.components) {
      if (templated.has(inferred.id)) continue;
      const declared = after.components.find((c) => c.id === inferred.id)!;
      expect([declared.id, declared.status, declared.files], inferred.id).toEqual([
        inferred.id,
        inferred.status,
        inferred.files,
      ]);
      if (inferred.evidence.length > 0) expect(declared.locations, inferred.id).toEqual(inferred.locations);
      expect(declared.license.expression, inferred.id).toBe(inferred.license.expression);
    }
  });

  it('pre-fills from a code checkout as `aperture check` reads it: links followed, parts at their URLs, no test fixtures', async () => {
    const source = path.join(tmp, 'star');
    await codeCheckout(source);
    const out = path.join(tmp, 'out');
    const opened: string[] = [];
    const result = await scaffoldPack(out, { from: source, follow: { opener: hubOpener(opened) } });
    expect(opened).toContain('hf:star-lab/star-7b');
    expect(result.warnings).toContain(
      'https://huggingface.co/datasets/star-lab/star-corpus: not followed: hf:datasets/star-lab/star-corpus: not served',
    );
    expect(result.skipped).toEqual([{ file: 'MODEL_CARD.md', reason: 'model card found at README.md' }]);

    const text = await readFile(path.join(out, 'release-pack.yaml'), 'utf8');
    const state = validateManifestText(text, 'release-pack.yaml');
    if (state.state !== 'valid') throw new Error('the draft must validate');
    const components = state.value.components;
    expect(state.value.model.organization).toBe('star-lab');
    expect(state.value.licenses?.distribution).toBe('Apache-2.0');
    expect(components['final-parameters']).toEqual({
      status: 'released',
      location: 'https://huggingface.co/star-lab/star-7b/blob/main/model.safetensors',
      license: 'llama3.1',
    });
    // Not read (the opener does not serve it): linked, at its link, with the license the text states.
    expect(components['training-datasets']).toEqual({
      status: 'released',
      location: 'https://huggingface.co/datasets/star-lab/star-corpus',
      license: 'ODC-By-1.0',
    });
    expect(text).toMatch(
      /# linked, not verified by aperture init: check the location\n {2}training-datasets:/,
    );
    expect(components['training-code']).toMatchObject({ status: 'released', location: 'scripts/train.py' });
    expect(text).not.toMatch(/tests\/|tiny-model/);
    expect(text).toContain('#   hf:star-lab/star-7b (linked from README.md:5)');
    // The same release read again with the same opener finds what the draft says.
    const evidence = await collectEvidence(await openFolderPack(source), {
      follow: { opener: hubOpener([]) },
    });
    expect(result.found).toBe(evidence.components.filter((c) => c.evidence.length > 0).length);
  });

  it('drafts linked parts at their links when links are not followed', async () => {
    const source = path.join(tmp, 'star');
    await codeCheckout(source);
    const out = path.join(tmp, 'out');
    await scaffoldPack(out, { from: source, follow: false });
    const state = validateManifestText(await readFile(path.join(out, 'release-pack.yaml'), 'utf8'), 'x');
    if (state.state !== 'valid') throw new Error('the draft must validate');
    expect(state.value.components['final-parameters']).toMatchObject({
      status: 'released',
      location: 'https://huggingface.co/star-lab/star-7b',
    });
    expect(state.value.components['model-architecture']).toMatchObject({ status: 'withheld', note: 'to do' });
  });

  it('refuses further locations without a source', async () => {
    await expect(scaffoldPack(tmp, { with: ['hf:org/model'] })).rejects.toMatchObject({ code: 'ERR_USAGE' });
    expect(await readdir(tmp)).toEqual([]);
  });

  it('copies a source manifest as declared: entries, licenses, stages and funding', async () => {
    const source = path.join(tmp, 'source');
    await mkdir(source);
    const manifest = `spec: aperture.dev/release-pack/v1
model: { name: Star, organization: Star Lab, country: FR }
licenses: { distribution: Apache-2.0, document: CC-BY-4.0 }
components:
  final-parameters: { status: withheld, reason: safety, note: pending red-teaming }
  training-code: { status: released, location: train.py, license: MIT }
stages:
  weights: { planned: 2025-06-01, released: null, reason: safety review }
funding:
  - funder: Example Foundation
`;
    await writeFile(path.join(source, 'release-pack.yaml'), manifest);
    await writeFile(path.join(source, 'train.py'), '');
    const out = path.join(tmp, 'out');
    const result = await scaffoldPack(out, { from: source });
    expect(result.files[0]).toBe('release-pack.yaml');
    const original = validateManifestText(manifest, 'a');
    const copy = validateManifestText(await readFile(path.join(out, 'release-pack.yaml'), 'utf8'), 'b');
    if (original.state !== 'valid' || copy.state !== 'valid') throw new Error('both manifests must validate');
    expect(copy.value.model).toEqual(original.value.model);
    expect(copy.value.licenses).toEqual(original.value.licenses);
    expect(copy.value.stages).toEqual(original.value.stages);
    expect(copy.value.funding).toEqual(original.value.funding);
    expect(copy.value.components['final-parameters']).toEqual(original.value.components['final-parameters']);
    expect(copy.value.components['training-code']).toEqual(original.value.components['training-code']);
    expect(copy.value.components['inference-code']).toEqual({
      status: 'withheld',
      reason: 'other',
      note: 'to do',
    });
  });

  it('needs a folder to write into when the source is not a local folder', async () => {
    await expect(scaffoldPack(undefined, { from: 'hf:org/model' })).rejects.toMatchObject({
      code: 'ERR_USAGE',
    });
  });

  it('refuses to write into a file', async () => {
    const file = path.join(tmp, 'file.txt');
    await writeFile(file, '');
    await expect(scaffoldPack(file)).rejects.toMatchObject({ code: 'ERR_USAGE' });
  });

  it('reports a missing source as not found', async () => {
    await expect(scaffoldPack(tmp, { from: path.join(tmp, 'nope') })).rejects.toMatchObject({
      code: 'ERR_NOT_FOUND',
    });
    expect(await readdir(tmp)).toEqual([]);
  });
});
