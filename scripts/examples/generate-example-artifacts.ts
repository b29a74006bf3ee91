/**
 * Writes the binary and generated artifacts of the example release packs under examples/: the tiny
 * safetensors weight files (final weights, intermediate checkpoints, Hub-style shards and their index),
 * the byte-level tokenizer.json, and the training log of the fictional 1.4B run of the harness-only
 * pack. Everything is deterministic (seeded), so running it again reproduces the same bytes and the
 * sha256 digests in the manifests stay valid.
 *
 * The weights are stand-ins: valid safetensors files with the tensor names and shapes of the fictional
 * Pebble-1 Tiny architecture, filled with seeded pseudo-random values rather than trained ones. (The
 * open-science pack's logs and results come from a real run of its reproduce.sh and are static files.)
 *
 * @example
 * npx tsx scripts/examples/generate-example-artifacts.ts          # write the files, print digests
 * npx tsx scripts/examples/generate-example-artifacts.ts --check  # exit 1 if a file on disk differs
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** One generated file, with its path relative to the repository root. */
export interface ExampleArtifact {
  path: string;
  bytes: Uint8Array;
}

/** The Pebble-1 Tiny architecture (a small Llama-style decoder-only transformer over bytes). */
export const PEBBLE_1_TINY = {
  vocabSize: 264,
  dim: 32,
  nLayers: 2,
  nHeads: 4,
  ffnDim: 96,
  maxSeqLen: 128,
  ropeTheta: 10000,
  normEps: 1e-5,
} as const;

interface Tensor {
  shape: number[];
  data: Float32Array;
}

type TensorMap = Map<string, Tensor>;

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** mulberry32: a small, well-mixed 32-bit PRNG, enough for reproducible stand-in values. */
function random(seed: string): () => number {
  let state = fnv1a(seed);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normals(seed: string): () => number {
  const next = random(seed);
  return () => {
    // Box–Muller; 1 - u keeps the logarithm finite.
    const u = 1 - next();
    const v = next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** Native Pebble tensor names and shapes, in the order the model defines them. */
function pebbleShapes(): Array<[string, number[], 'linear' | 'residual' | 'norm' | 'embedding']> {
  const { vocabSize, dim, nLayers, ffnDim } = PEBBLE_1_TINY;
  const shapes: Array<[string, number[], 'linear' | 'residual' | 'norm' | 'embedding']> = [
    ['tok_embeddings.weight', [vocabSize, dim], 'embedding'],
  ];
  for (let layer = 0; layer < nLayers; layer++) {
    const p = `layers.${layer}`;
    shapes.push(
      [`${p}.attention_norm.weight`, [dim], 'norm'],
      [`${p}.attention.wq.weight`, [dim, dim], 'linear'],
      [`${p}.attention.wk.weight`, [dim, dim], 'linear'],
      [`${p}.attention.wv.weight`, [dim, dim], 'linear'],
      [`${p}.attention.wo.weight`, [dim, dim], 'residual'],
      [`${p}.ffn_norm.weight`, [dim], 'norm'],
      [`${p}.feed_forward.w1.weight`, [ffnDim, dim], 'linear'],
      [`${p}.feed_forward.w3.weight`, [ffnDim, dim], 'linear'],
      [`${p}.feed_forward.w2.weight`, [dim, ffnDim], 'residual'],
    );
  }
  shapes.push(['norm.weight', [dim], 'norm']);
  return shapes;
}

/**
 * Stand-in weights of a Pebble model after `progress` (0–1) of its training run: a seeded initialisation
 * plus a seeded drift that grows with progress, so checkpoints of one run differ smoothly.
 */
function pebbleWeights(run: string, progress: number): TensorMap {
  const init = normals(`${run}/init`);
  const drift = normals(`${run}/drift`);
  const residualScale = 1 / Math.sqrt(2 * PEBBLE_1_TINY.nLayers);
  const tensors: TensorMap = new Map();
  for (const [name, shape, kind] of pebbleShapes()) {
    const size = shape.reduce((a, b) => a * b, 1);
    const data = new Float32Array(size);
    for (let i = 0; i < size; i++) {
      const start = init();
      const delta = drift();
      if (kind === 'norm') data[i] = 1 + 0.15 * progress * delta;
      else {
        const std = kind === 'residual' ? 0.02 * residualScale : 0.02;
        data[i] = std * start + 0.04 * progress * delta;
      }
    }
    tensors.set(name, { shape, data });
  }
  return tensors;
}

/** Adds a small seeded offset to every tensor: a fine-tune of `base`. */
function fineTuned(base: TensorMap, run: string, scale: number): TensorMap {
  const delta = normals(run);
  const tuned: TensorMap = new Map();
  for (const [name, tensor] of base) {
    const data = new Float32Array(tensor.data.length);
    for (let i = 0; i < data.length; i++) data[i] = tensor.data[i]! + scale * delta();
    tuned.set(name, { shape: tensor.shape, data });
  }
  return tuned;
}

/** Pebble tensor name → Hugging Face transformers Llama name (the model uses Llama's rotate-half RoPE). */
export function toLlamaName(name: string): string {
  if (name === 'tok_embeddings.weight') return 'model.embed_tokens.weight';
  if (name === 'norm.weight') return 'model.norm.weight';
  const match = /^layers\.(\d+)\.(.+)$/.exec(name);
  if (!match) throw new Error(`unexpected tensor ${name}`);
  const rest: Record<string, string> = {
    'attention_norm.weight': 'input_layernorm.weight',
    'attention.wq.weight': 'self_attn.q_proj.weight',
    'attention.wk.weight': 'self_attn.k_proj.weight',
    'attention.wv.weight': 'self_attn.v_proj.weight',
    'attention.wo.weight': 'self_attn.o_proj.weight',
    'ffn_norm.weight': 'post_attention_layernorm.weight',
    'feed_forward.w1.weight': 'mlp.gate_proj.weight',
    'feed_forward.w3.weight': 'mlp.up_proj.weight',
    'feed_forward.w2.weight': 'mlp.down_proj.weight',
  };
  const mapped = rest[match[2]!];
  if (!mapped) throw new Error(`unexpected tensor ${name}`);
  return `model.layers.${match[1]}.${mapped}`;
}

/**
 * Encodes tensors as a safetensors file: an 8-byte little-endian header length, the JSON header
 * (padded with spaces to a multiple of 8), then the raw little-endian float32 data.
 */
export function encodeSafetensors(tensors: TensorMap, metadata: Record<string, string>): Uint8Array {
  const header: Record<string, unknown> = { __metadata__: metadata };
  let offset = 0;
  for (const [name, tensor] of tensors) {
    const bytes = tensor.data.length * 4;
    header[name] = { dtype: 'F32', shape: tensor.shape, data_offsets: [offset, offset + bytes] };
    offset += bytes;
  }
  let json = JSON.stringify(header);
  json += ' '.repeat((8 - ((8 + Buffer.byteLength(json)) % 8)) % 8);
  const headerBytes = Buffer.from(json, 'utf8');
  const out = new Uint8Array(8 + headerBytes.length + offset);
  const view = new DataView(out.buffer);
  view.setBigUint64(0, BigInt(headerBytes.length), true);
  out.set(headerBytes, 8);
  let at = 8 + headerBytes.length;
  for (const tensor of tensors.values()) {
    for (const value of tensor.data) {
      view.setFloat32(at, value, true);
      at += 4;
    }
  }
  return out;
}

/** A parsed safetensors header, for tests and for --check. */
export function decodeSafetensorsHeader(bytes: Uint8Array): {
  metadata: Record<string, string>;
  tensors: Record<string, { dtype: string; shape: number[]; data_offsets: [number, number] }>;
  dataLength: number;
} {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = Number(view.getBigUint64(0, true));
  const header = JSON.parse(Buffer.from(bytes.subarray(8, 8 + length)).toString('utf8')) as Record<
    string,
    unknown
  >;
  const { __metadata__: metadata, ...tensors } = header;
  return {
    metadata: (metadata ?? {}) as Record<string, string>,
    tensors: tensors as Record<string, { dtype: string; shape: number[]; data_offsets: [number, number] }>,
    dataLength: bytes.byteLength - 8 - length,
  };
}

function pick(tensors: TensorMap, names: (name: string) => boolean, rename: (name: string) => string) {
  const out: TensorMap = new Map();
  for (const [name, tensor] of tensors) if (names(name)) out.set(rename(name), tensor);
  return out;
}

/** The Pebble-2 Chem 1.4B run of the harness-only pack: 60,000 steps, one JSON object per 500. */
function pebble2MetricsLog(): string {
  const steps = 60000;
  const warmup = 2000;
  const peak = 3e-4;
  const floor = 3e-5;
  const tokensPerStep = 1024 * 4096;
  const noise = normals('pebble-2-chem/log-noise');
  const lines: string[] = [];
  for (let step = 0; step <= steps; step += 500) {
    const lr =
      step < warmup
        ? (peak * step) / warmup
        : floor + 0.5 * (peak - floor) * (1 + Math.cos((Math.PI * (step - warmup)) / (steps - warmup)));
    const loss = 1.92 + 0.9 * Math.exp(-step / 12000) + 8.0 * Math.exp(-step / 400) + 0.01 * noise();
    const grad = 0.22 + 1.8 * Math.exp(-step / 1500) + 0.02 * Math.abs(noise());
    lines.push(
      JSON.stringify({
        step,
        loss: round(loss, 4),
        lr: Number(lr.toPrecision(4)),
        grad_norm: round(grad, 3),
        tokens_seen: step * tokensPerStep,
        throughput_tokens_per_s: step === 0 ? 0 : Math.round(1.51e6 + 2.0e4 * noise()),
      }),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** GPT-2's byte ↔ printable-character table, used by byte-level BPE tokenizers. */
function bytesToUnicode(): string[] {
  const printable: number[] = [];
  for (let b = 33; b <= 126; b++) printable.push(b);
  for (let b = 161; b <= 172; b++) printable.push(b);
  for (let b = 174; b <= 255; b++) printable.push(b);
  const table: string[] = [];
  let extra = 0;
  for (let b = 0; b < 256; b++) {
    if (printable.includes(b)) table[b] = String.fromCodePoint(b);
    else table[b] = String.fromCodePoint(256 + extra++);
  }
  return table;
}

const SPECIAL_TOKENS = ['<bos>', '<eos>', '<pad>'] as const;

/** A Hugging Face tokenizers file for Pebble's byte vocabulary: id = byte value, then the specials. */
function tokenizerJson(): string {
  const table = bytesToUnicode();
  const vocab: Record<string, number> = {};
  table.forEach((char, byte) => {
    vocab[char] = byte;
  });
  SPECIAL_TOKENS.forEach((token, i) => {
    vocab[token] = 256 + i;
  });
  const tokenizer = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map((content, i) => ({
      id: 256 + i,
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: null,
    pre_tokenizer: { type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: false },
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ SpecialToken: { id: '<bos>', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }],
      pair: [
        { SpecialToken: { id: '<bos>', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '<bos>', type_id: 1 } },
        { Sequence: { id: 'B', type_id: 1 } },
      ],
      special_tokens: { '<bos>': { id: '<bos>', ids: [256], tokens: ['<bos>'] } },
    },
    decoder: { type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: false },
    model: {
      type: 'BPE',
      dropout: null,
      unk_token: null,
      continuing_subword_prefix: null,
      end_of_word_suffix: null,
      fuse_unk: false,
      byte_fallback: false,
      ignore_merges: false,
      vocab,
      merges: [],
    },
  };
  return `${JSON.stringify(tokenizer, null, 2)}\n`;
}

const text = (value: string) => new Uint8Array(Buffer.from(value, 'utf8'));

/** Every generated artifact of the examples, in a fixed order. */
export function buildExampleArtifacts(): ExampleArtifact[] {
  const artifacts: ExampleArtifact[] = [];
  const run = 'pebble-1-tiny';
  const common = { format: 'pt', architecture: 'pebble', vocab_size: '264', dim: '32', n_layers: '2' };

  const science = 'examples/open-science-pack';
  for (const step of [1000, 2000]) {
    artifacts.push({
      path: `${science}/checkpoints/step-${String(step).padStart(6, '0')}.safetensors`,
      bytes: encodeSafetensors(pebbleWeights(run, step / 3000), {
        ...common,
        model: 'pebble-1-tiny',
        step: String(step),
      }),
    });
  }
  const final = pebbleWeights(run, 1);
  artifacts.push({
    path: `${science}/weights/pebble-1-tiny.safetensors`,
    bytes: encodeSafetensors(final, { ...common, model: 'pebble-1-tiny', step: '3000' }),
  });

  artifacts.push({
    path: 'examples/open-weights-only/weights/pebble-1-tiny-instruct.safetensors',
    bytes: encodeSafetensors(fineTuned(final, 'pebble-1-tiny-instruct', 0.004), {
      ...common,
      model: 'pebble-1-tiny-instruct',
      base_model: 'pebble-1-tiny',
    }),
  });

  artifacts.push({
    path: 'examples/harness-only/logs/train_metrics.jsonl',
    bytes: text(pebble2MetricsLog()),
  });

  // The Hub-style repository is Pebble-1 Tiny converted to transformers' Llama layout, in two shards.
  const hub = 'examples/hub-style-no-manifest';
  const shards = [
    pick(final, (name) => name === 'tok_embeddings.weight' || name.startsWith('layers.0.'), toLlamaName),
    pick(final, (name) => name === 'norm.weight' || name.startsWith('layers.1.'), toLlamaName),
  ];
  const weightMap: Record<string, string> = {};
  let totalSize = 0;
  shards.forEach((shard, i) => {
    const file = `model-0000${i + 1}-of-00002.safetensors`;
    for (const [name, tensor] of shard) {
      weightMap[name] = file;
      totalSize += tensor.data.length * 4;
    }
    artifacts.push({ path: `${hub}/${file}`, bytes: encodeSafetensors(shard, { format: 'pt' }) });
  });
  const sortedMap = Object.fromEntries(Object.entries(weightMap).sort(([a], [b]) => a.localeCompare(b)));
  artifacts.push({
    path: `${hub}/model.safetensors.index.json`,
    bytes: text(
      `${JSON.stringify({ metadata: { total_size: totalSize }, weight_map: sortedMap }, null, 2)}\n`,
    ),
  });
  artifacts.push({ path: `${hub}/tokenizer.json`, bytes: text(tokenizerJson()) });
  return artifacts;
}

/** sha256 of bytes, lowercase hex. */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function main(argv: string[]): Promise<number> {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const check = argv.includes('--check');
  let stale = 0;
  for (const artifact of buildExampleArtifacts()) {
    const target = path.join(root, artifact.path);
    if (check) {
      const onDisk = await readFile(target).catch(() => null);
      if (!onDisk || sha256(onDisk) !== sha256(artifact.bytes)) {
        console.log(`stale: ${artifact.path}`);
        stale++;
      }
      continue;
    }
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, artifact.bytes);
    console.log(
      `${sha256(artifact.bytes)}  ${artifact.bytes.byteLength.toString().padStart(7)}  ${artifact.path}`,
    );
  }
  if (check) console.log(stale === 0 ? 'all example artifacts are up to date' : `${stale} stale artifact(s)`);
  return stale === 0 ? 0 : 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
