import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { mulberry32 } from './mulberry32.ts';

/** How many files of each kind the generated repository holds (10,000 in all with the root files). */
const PLAN = [
  { kind: 'code', root: 'src/model', count: 900, ext: 'py' },
  { kind: 'code', root: 'src/train', count: 700, ext: 'py' },
  { kind: 'code', root: 'src/inference', count: 400, ext: 'py' },
  { kind: 'code', root: 'src/data', count: 500, ext: 'py' },
  { kind: 'code', root: 'src/utils', count: 500, ext: 'py' },
  { kind: 'code', root: 'tests', count: 800, ext: 'py' },
  { kind: 'code', root: 'eval/harness', count: 400, ext: 'py' },
  { kind: 'code', root: 'scripts', count: 150, ext: 'sh' },
  { kind: 'doc', root: 'docs', count: 700, ext: 'md' },
  { kind: 'config', root: 'configs', count: 500, ext: 'yaml' },
  { kind: 'data', root: 'data/shards', count: 1500, ext: 'jsonl' },
  { kind: 'data', root: 'eval/data', count: 400, ext: 'jsonl' },
  { kind: 'result', root: 'eval/results', count: 600, ext: 'json' },
  { kind: 'log', root: 'logs', count: 900, ext: 'log' },
  { kind: 'binary', root: 'checkpoints', count: 500, ext: 'bin' },
  { kind: 'sample', root: 'samples', count: 538, ext: 'jsonl' },
] as const;

const ROOT_FILES = 12;
/** Files in the generated pack, manifest included. */
export const REPO_PACK_FILES = PLAN.reduce((sum, group) => sum + group.count, 0) + ROOT_FILES;

const WORDS =
  'model layer weight token batch gradient optimizer schedule dataset shard eval metric loss attention head embedding vocab checkpoint config seed train step warmup decay norm dropout'.split(
    ' ',
  );

function sentence(next: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(next() * WORDS.length)]!);
  return out.join(' ');
}

function body(kind: string, next: () => number, index: number): string | Buffer {
  const lines = 4 + Math.floor(next() * (kind === 'log' ? 600 : kind === 'data' ? 120 : 80));
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    switch (kind) {
      case 'code':
        out.push(`def ${WORDS[i % WORDS.length]}_${index}_${i}(x):  # ${sentence(next, 5)}\n    return x`);
        break;
      case 'doc':
        out.push(i === 0 ? `# ${sentence(next, 4)}` : sentence(next, 14));
        break;
      case 'config':
        out.push(`${WORDS[i % WORDS.length]}_${i}: ${Math.floor(next() * 10_000)}`);
        break;
      case 'data':
      case 'sample':
        out.push(JSON.stringify({ id: `${index}-${i}`, text: sentence(next, 12) }));
        break;
      case 'result':
        out.push(`  "${WORDS[i % WORDS.length]}_${i}": ${next().toFixed(4)},`);
        break;
      case 'log':
        out.push(`step=${i * 10} loss=${(3 / (1 + i / 50)).toFixed(4)} lr=3e-4 ${sentence(next, 3)}`);
        break;
    }
  }
  if (kind === 'binary') {
    const bytes = Buffer.alloc(4 * (512 + Math.floor(next() * 7_500)));
    for (let i = 0; i < bytes.length; i += 4) bytes.writeUInt32LE((next() * 0xffffffff) >>> 0, i);
    return bytes;
  }
  if (kind === 'result') return `{\n${out.join('\n')}\n  "done": true\n}\n`;
  return `${out.join('\n')}\n`;
}

/** Nested folder for the i-th file of a group: up to three levels, like a real repository. */
function folderFor(root: string, index: number, next: () => number): string {
  const depth = 1 + Math.floor(next() * 3);
  const parts = [root];
  for (let level = 0; level < depth; level++) parts.push(`${WORDS[(index * 7 + level * 3) % 12]}${level}`);
  return parts.join('/');
}

const MANIFEST = `spec: aperture.dev/release-pack/v1
model:
  name: bench-repo-10k
  version: "1.0"
  organization: Aperture benchmarks
  country: FR
  modality: language
  parameters: 7000000000
licenses:
  distribution: Apache-2.0
  data: CC-BY-4.0
components:
  model-architecture: { status: released, location: src/model }
  final-parameters: { status: released, location: checkpoints/final }
  intermediate-checkpoints: { status: released, location: checkpoints }
  model-metadata: { status: released, location: configs }
  training-code: { status: released, location: src/train }
  inference-code: { status: released, location: src/inference }
  evaluation-code: { status: released, location: eval/harness, command: "python -m eval.harness" }
  evaluation-data: { status: released, location: eval/data }
  evaluation-results: { status: released, location: eval/results }
  training-datasets: { status: released, location: data }
  data-preprocessing-code: { status: released, location: src/data }
  supporting-libraries: { status: released, location: [src/utils, requirements.txt] }
  model-card: { status: released, location: MODEL_CARD.md }
  data-card: { status: released, location: docs/data-card.md }
  technical-report: { status: released, location: docs/technical-report.md }
  research-paper: { status: described, location: "https://arxiv.org/abs/2401.00001" }
  sample-outputs: { status: released, location: "samples/**/*.jsonl" }
  training-logs: { status: released, location: logs }
  safety-notes: { status: released, location: docs/safety.md }
  reproducibility: { status: released, location: scripts, command: "bash scripts/reproduce.sh" }
citation:
  title: Bench repo 10k
  authors: [{ name: Aperture benchmarks }]
  date-released: "2026-01-01"
`;

/** Links a README of a real release holds: weights per size on the Hub, datasets, code, logs, papers, downloads. */
export const REPO_PACK_LINKS = 50;

function linksSection(): string {
  const lines = ['## Resources', '', '| Size | Weights | Checksum |', '|---|---|---|'];
  for (let i = 0; i < 10; i++)
    lines.push(
      `| ${i + 1}B | [bench-lab/bench-${i + 1}b](https://huggingface.co/bench-lab/bench-${i + 1}b) | ${'0123456789abcdef'.repeat(4)} |`,
    );
  lines.push('', 'Training data:');
  for (let i = 0; i < 10; i++)
    lines.push(`- [shard set ${i}](https://huggingface.co/datasets/bench-lab/bench-data-${i})`);
  lines.push('', 'Code:');
  for (let i = 0; i < 10; i++)
    lines.push(`- Training code, part ${i}: https://github.com/bench-lab/bench-train-${i}`);
  lines.push('', 'Training logs:');
  for (let i = 0; i < 10; i++) lines.push(`- Run ${i}: https://wandb.ai/bench-lab/bench/runs/run-${i}`);
  lines.push('', 'Papers and downloads:');
  for (let i = 0; i < 5; i++) lines.push(`- Paper ${i}: https://arxiv.org/abs/2401.0000${i}`);
  for (let i = 0; i < 5; i++)
    lines.push(`- Weights download ${i}: https://downloads.example.org/bench/part-${i}.safetensors`);
  return `${lines.join('\n')}\n`;
}

/**
 * Writes a release that looks like a real repository: 10,000 files (code, docs, configs, data shards,
 * eval results, logs, checkpoints, samples) in nested folders, a model card, and `release-pack.yaml`
 * referencing folders unless `withManifest` is false; without a manifest, the README also holds
 * REPO_PACK_LINKS links to the release's parts elsewhere (as manifest-less releases do).
 */
export async function generateRepoPack(
  dir: string,
  withManifest: boolean,
): Promise<{ files: number; bytes: number }> {
  const next = mulberry32(10_000);
  let files = 0;
  let bytes = 0;
  const made = new Set<string>();
  const put = async (relative: string, content: string | Buffer) => {
    const folder = path.dirname(relative);
    if (!made.has(folder)) {
      await mkdir(path.join(dir, folder), { recursive: true });
      made.add(folder);
    }
    await writeFile(path.join(dir, relative), content);
    files++;
    bytes += typeof content === 'string' ? Buffer.byteLength(content) : content.length;
  };
  const docs = (title: string) =>
    `# ${title}\n\n${body('doc', next, 0)}\nSee https://arxiv.org/abs/2401.00001.\n`;
  // The root files.
  if (withManifest) await put('release-pack.yaml', MANIFEST);
  else await put('NOTICE', 'Bench repo 10k, generated by npm run bench.\n');
  await put(
    'README.md',
    withManifest ? docs('bench-repo-10k') : `${docs('bench-repo-10k')}\n${linksSection()}`,
  );
  await put('MODEL_CARD.md', `---\nlicense: apache-2.0\n---\n${docs('Model card')}`);
  await put('LICENSE', 'Apache License\nVersion 2.0, January 2004\nhttp://www.apache.org/licenses/\n');
  await put(
    'CITATION.cff',
    'cff-version: 1.2.0\ntitle: Bench repo 10k\nauthors:\n  - name: Aperture benchmarks\n',
  );
  await put('requirements.txt', 'torch==2.4.0\nnumpy==2.1.0\ntransformers==4.44.0\n');
  await put('pyproject.toml', '[project]\nname = "bench-repo"\nversion = "1.0"\n');
  await put('docs/data-card.md', docs('Data card'));
  await put('docs/technical-report.md', docs('Technical report'));
  await put('docs/safety.md', docs('Safety notes'));
  await put('checkpoints/final/config.json', '{ "hidden_size": 4096, "layers": 32 }\n');
  await put('scripts/reproduce.sh', '#!/bin/sh\npython -m src.train --config configs/train.yaml\n');
  for (const group of PLAN) {
    for (let i = 0; i < group.count; i++) {
      const name =
        group.kind === 'data'
          ? `part-${String(i).padStart(5, '0')}.${group.ext}`
          : `${group.kind}-${i}.${group.ext}`;
      await put(`${folderFor(group.root, i, next)}/${name}`, body(group.kind, next, i));
    }
  }
  return { files, bytes };
}
