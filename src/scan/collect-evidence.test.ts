import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../util/index.ts';
import { collectEvidence } from './collect-evidence.ts';
import { memoryPack } from './memory-pack.ts';

const HEADER = `spec: aperture.dev/release-pack/v1
model:
  name: Tiny
  organization: Example Lab
`;

describe('collectEvidence', () => {
  it('resolves a declared release: every component, the day judged on, checksums and warnings', async () => {
    const evidence = await collectEvidence(
      memoryPack({
        'release-pack.yaml': `${HEADER}components:
  final-parameters: { status: released, location: w.bin, sha256: ${sha256Hex('weights')} }
  model-card: { status: released, location: CARD.md }
`,
        'w.bin': 'weights',
        'CARD.md': new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a]),
      }),
      { asOf: '2026-01-01' },
    );
    expect(evidence.manifest.state).toBe('valid');
    expect(evidence.asOf).toBe('2026-01-01');
    expect(evidence.components.find((component) => component.id === 'inference-code')).toMatchObject({
      status: 'withheld',
      note: 'not listed in release-pack.yaml',
    });
    expect(evidence.checksums).toEqual([
      { path: 'w.bin', expected: sha256Hex('weights'), actual: sha256Hex('weights'), method: 'computed' },
    ]);
    expect(evidence.documents['CARD.md']).toBeUndefined();
    expect(evidence.warnings).toContain('CARD.md: not UTF-8 text; not read');
    expect(evidence.locations).toEqual([{ ref: 'memory', role: 'primary', kind: 'memory', files: 3 }]);
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
});
