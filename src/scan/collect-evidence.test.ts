import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../util/index.ts';
import { collectEvidence } from './collect-evidence.ts';
import { openFolderPack } from './folder-pack.ts';
import { memoryPack } from './memory-pack.ts';

const HEADER = `spec: aperture.dev/release-pack/v1
model:
  name: Tiny
  organization: Example Lab
`;

describe('collectEvidence', () => {
  it('resolves declared locations: files, folders, globs, URLs, missing and escaping paths', async () => {
    const evidence = await collectEvidence(
      memoryPack({
        'release-pack.yaml': `${HEADER}components:
  final-parameters:
    status: released
    location: "weights/*.safetensors"
  training-code:
    status: released
    location: [src/, https://github.com/example/tiny]
  model-card:
    status: released
    location: MISSING.md
  data-card:
    status: released
    location: ../../etc/passwd
`,
        'weights/a.safetensors': 'a',
        'weights/b.safetensors': 'b',
        'weights/notes.txt': 'x',
        'src/train.py': 'pass',
        'src/model/arch.py': 'pass',
      }),
      { asOf: '2026-01-01' },
    );
    const byId = (id: string) => evidence.components.find((component) => component.id === id)!;
    expect(byId('final-parameters').files).toEqual(['weights/a.safetensors', 'weights/b.safetensors']);
    expect(byId('training-code').files).toEqual(['src/model/arch.py', 'src/train.py']);
    expect(byId('training-code').evidence.some((ref) => ref.url === 'https://github.com/example/tiny')).toBe(
      true,
    );
    expect(byId('model-card').missing).toEqual(['MISSING.md']);
    expect(byId('data-card').escaping).toEqual(['../../etc/passwd']);
    expect(byId('data-card').files).toEqual([]);
    expect(byId('inference-code')).toMatchObject({
      status: 'withheld',
      note: 'not listed in release-pack.yaml',
    });
    expect(evidence.asOf).toBe('2026-01-01');
  });

  it('takes weights linked by a magnet link for a link, neither a missing file nor weights read', async () => {
    const magnet = 'magnet:?xt=urn:btih:5d3c2a7f9e&dn=tiny-weights';
    const evidence = await collectEvidence(
      memoryPack({
        'README.md': `# Tiny\n\nThe weights are shared by torrent: ${magnet}\n`,
        'train.py': 'import torch\n',
      }),
      {},
    );
    const weights = evidence.components.find((component) => component.id === 'final-parameters')!;
    expect(weights).toMatchObject({ status: 'released', files: [], missing: [], locations: [magnet] });
  });

  it('resolves licenses as MOF does: component, type-specific global, distribution, LICENSE', async () => {
    const evidence = await collectEvidence(
      memoryPack({
        'release-pack.yaml': `${HEADER}licenses:
  code: MIT
  distribution: CC-BY-4.0
components:
  training-code: { status: released, location: t.py }
  final-parameters: { status: released, location: w.bin }
  model-card: { status: released, location: README.md, license: CC-BY-SA-4.0 }
  evaluation-data: { status: released, location: e.jsonl }
`,
        't.py': 'x',
        'w.bin': 'x',
        'README.md': '# x',
        'e.jsonl': '{}',
      }),
    );
    const license = (id: string) => evidence.components.find((component) => component.id === id)!;
    expect(license('training-code').license.expression).toBe('MIT');
    expect(license('training-code').licenseOrigin).toBe('pack');
    // Weights are data in the MOT's evaluator and no data license is given, so the distribution license applies.
    expect(license('final-parameters').license.expression).toBe('CC-BY-4.0');
    expect(license('final-parameters').licenseOrigin).toBe('pack');
    expect(license('model-card').license.expression).toBe('CC-BY-SA-4.0');
    expect(license('model-card').licenseOrigin).toBe('component');
    expect(license('evaluation-data').license.expression).toBe('CC-BY-4.0');
  });

  it('verifies declared checksums in parallel on local files', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'aperture-collect-'));
    try {
      await writeFile(path.join(dir, 'a.bin'), 'alpha');
      await writeFile(path.join(dir, 'b.bin'), 'beta');
      await writeFile(
        path.join(dir, 'release-pack.yaml'),
        `${HEADER}components:
  final-parameters:
    status: released
    location: a.bin
    sha256: ${sha256Hex('alpha')}
  intermediate-checkpoints:
    status: released
    location: .
    artifacts:
      - { path: b.bin, sha256: ${sha256Hex('not beta')} }
      - { path: c.bin, sha256: "${'0'.repeat(64)}" }
`,
      );
      const events: number[] = [];
      const evidence = await collectEvidence(await openFolderPack(dir), {
        onProgress: (event) => {
          if (event.phase === 'hash') events.push(event.bytesDone);
        },
      });
      expect(evidence.checksums).toEqual([
        { path: 'a.bin', expected: sha256Hex('alpha'), actual: sha256Hex('alpha'), method: 'computed' },
        { path: 'b.bin', expected: sha256Hex('not beta'), actual: sha256Hex('beta'), method: 'computed' },
        {
          path: 'c.bin',
          expected: '0'.repeat(64),
          actual: null,
          method: 'computed',
          error: 'file not found in the pack',
        },
      ]);
      expect(events.at(-1)).toBe(9);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reads the documents the checks judge and finds paper links', async () => {
    const evidence = await collectEvidence(
      memoryPack({
        'release-pack.yaml': `${HEADER}components:
  model-card: { status: released, location: docs/ }
  research-paper: { status: released, location: "https://arxiv.org/abs/2501.00001" }
`,
        'docs/MODEL_CARD.md': '# Card\nSee arXiv:2401.12345 and https://doi.org/10.5555/x.1.\n',
        'docs/figure.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]).toString('latin1'),
        'README.md': 'readme',
      }),
    );
    expect(Object.keys(evidence.documents).sort()).toEqual(['README.md', 'docs/MODEL_CARD.md']);
    expect(evidence.paperLinks.map((link) => link.url)).toEqual([
      'https://arxiv.org/abs/2501.00001',
      'https://arxiv.org/abs/2401.12345',
      'https://doi.org/10.5555/x.1',
    ]);
    expect(evidence.paperLinks[1]).toMatchObject({ file: 'docs/MODEL_CARD.md', line: 2 });
  });

  it('normalises paper links so one paper is listed once', async () => {
    const evidence = await collectEvidence(
      memoryPack({
        'README.md':
          'See [paper](https://arxiv.org/pdf/2402.00838.pdf), arXiv:2402.00838 and {{doi.org/10.5555/a}}.\n',
      }),
    );
    expect(evidence.paperLinks.map((link) => link.url)).toEqual([
      'https://arxiv.org/abs/2402.00838',
      'https://doi.org/10.5555/a',
    ]);
  });

  it('serves a larger read after a truncated one', async () => {
    // Inference reads configs at 16 KiB; the evaluation-code documents are then read whole.
    const config = `task: tiny_eval\ndataset_path: tiny/eval\n# ${'padding '.repeat(5_000)}\nmetric: accuracy\n`;
    const evidence = await collectEvidence(
      memoryPack({ 'eval/lm_eval_task.yaml': config, 'eval/evaluate.py': 'import lm_eval\n' }),
    );
    expect(evidence.components.find((component) => component.id === 'evaluation-code')!.files).toContain(
      'eval/lm_eval_task.yaml',
    );
    expect(evidence.documents['eval/lm_eval_task.yaml']).toMatchObject({ text: config, truncated: false });
  });

  it('records an invalid manifest with its issues and falls back to inference', async () => {
    const evidence = await collectEvidence(memoryPack({ 'release-pack.yaml': 'spec: nope\n' }));
    expect(evidence.manifest.state).toBe('invalid');
    expect(evidence.components.every((component) => component.origin === 'inferred')).toBe(true);
  });

  it('skips documents that are not UTF-8, with a warning', async () => {
    const evidence = await collectEvidence(
      memoryPack({
        'release-pack.yaml': `${HEADER}components:\n  model-card: { status: released, location: CARD.md }\n`,
        'CARD.md': new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a]),
      }),
    );
    expect(evidence.documents['CARD.md']).toBeUndefined();
    expect(evidence.warnings).toContain('CARD.md: not UTF-8 text; not read');
  });

  it('refuses a manifest that is not UTF-8', async () => {
    await expect(
      collectEvidence(
        memoryPack({ 'release-pack.yaml': new Uint8Array([0x73, 0x70, 0x65, 0x63, 0x3a, 0xff]) }),
      ),
    ).rejects.toThrow(/not valid UTF-8/);
  });
});
