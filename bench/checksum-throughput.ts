import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, open, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkRelease } from '../src/checker/index.ts';
import { type BenchResult, judge } from './support/bench-result.ts';
import { deterministicBytes } from './support/deterministic-bytes.ts';
import { currentLoad } from './support/machine.ts';
import { fixed, median, pairedRatio, spread, timeMs } from './support/stats.ts';
import { readStamp, workSubdir, writeStamp } from './support/work-dir.ts';

/** Options of the checksum benchmark. */
export interface ChecksumBenchOptions {
  /** Interleaved runs of each side; the median counts. At least 3. */
  runs?: number;
  log?: (line: string) => void;
}

const NAME = 'checksum';
const SUBDIR = 'checksum-2g';
const SHARDS = 8;
const SHARD_BYTES = 256 * 1024 * 1024;
const CHUNK = 4 * 1024 * 1024;
const TARGET = 1.6;
const LAYOUT_VERSION = 1;

interface Shard {
  path: string;
  size: number;
  sha256: string;
  mtimeMs: number;
}

interface Stamp {
  layoutVersion: number;
  shards: Shard[];
}

/**
 * Checksum verification throughput: Aperture's `checkRelease` of a pack whose manifest declares the
 * sha256 of 8 × 256 MiB weight shards, against `openssl dgst -sha256` over the same files in one process.
 *
 * @example
 * const result = await runChecksumBench({ runs: 5 });
 */
export async function runChecksumBench(options: ChecksumBenchOptions = {}): Promise<BenchResult> {
  const log = options.log ?? console.log;
  const runs = Math.max(3, options.runs ?? 5);
  const dir = await workSubdir(SUBDIR);
  const shards = await ensureArtifacts(dir, log);
  const totalBytes = shards.reduce((sum, shard) => sum + shard.size, 0);

  log(`  warming the page cache (${fixed(totalBytes / 1e9)} GB)…`);
  await warmPageCache(shards.map((shard) => path.join(dir, shard.path)));

  const openssl: number[] = [];
  const ours: number[] = [];
  const oursOneWorker: number[] = [];
  const loads: number[] = [];
  for (let round = 0; round < runs; round++) {
    loads.push(currentLoad());
    // Alternate which side goes first so a drift in machine load does not favour one.
    const order = round % 2 === 0 ? (['openssl', 'ours'] as const) : (['ours', 'openssl'] as const);
    for (const side of order) {
      if (side === 'openssl') openssl.push(await timeOpenssl(dir, shards));
      else ours.push(await timeAperture(dir, shards));
    }
    oursOneWorker.push(await timeAperture(dir, shards, 1));
    log(
      `  round ${round + 1}/${runs}: openssl ${fixed(openssl.at(-1)!, 0)} ms, aperture ${fixed(ours.at(-1)!, 0)} ms, aperture 1 worker ${fixed(oursOneWorker.at(-1)!, 0)} ms`,
    );
  }

  const mbps = (ms: number) => totalBytes / 1e6 / (ms / 1000);
  const baselineMedian = median(openssl);
  const oursMedian = median(ours);
  const ratio = baselineMedian / oursMedian;
  return {
    name: NAME,
    title: `checksum verification of ${SHARDS} × ${SHARD_BYTES / 1024 ** 2} MiB shards`,
    baseline: {
      name: 'openssl dgst -sha256 (sequential)',
      runsMs: openssl,
      medianMs: baselineMedian,
      mbPerSecond: mbps(baselineMedian),
    },
    ours: {
      name: 'aperture checkRelease',
      runsMs: ours,
      medianMs: oursMedian,
      mbPerSecond: mbps(oursMedian),
    },
    ratioLabel: 'aperture MB/s ÷ openssl MB/s',
    ratio,
    comparison: '>=',
    target: TARGET,
    pass: judge(ratio, '>=', TARGET),
    info: {
      bytes: totalBytes,
      'median of per-round ratios': fixed(pairedRatio(openssl, ours)),
      'aperture 1 worker MB/s': fixed(mbps(median(oursOneWorker)), 0),
      'aperture 1 worker ÷ openssl': fixed(baselineMedian / median(oursOneWorker)),
      'spread openssl': fixed(spread(openssl)),
      'spread aperture': fixed(spread(ours)),
      'load during runs': loads.map((load) => fixed(load)).join(' '),
    },
    notes: [],
  };
}

/** Generates the shards and the manifest unless a complete set from an earlier run is there. */
async function ensureArtifacts(dir: string, log: (line: string) => void): Promise<Shard[]> {
  const stampFile = `${dir}.stamp.json`;
  const stamp = await readStamp<Stamp>(stampFile);
  if (stamp && stamp.layoutVersion === LAYOUT_VERSION && (await stillValid(dir, stamp.shards))) {
    log(`  reusing ${path.relative(process.cwd(), dir)} (${SHARDS} shards)`);
    return stamp.shards;
  }
  log(`  generating ${SHARDS} × ${SHARD_BYTES / 1024 ** 2} MiB in ${path.relative(process.cwd(), dir)}…`);
  await rm(stampFile, { force: true });
  // The folder is ours alone: start it afresh.
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.join(dir, 'weights'), { recursive: true });
  const shards: Shard[] = [];
  for (let i = 1; i <= SHARDS; i++) {
    const relative = `weights/model-${String(i).padStart(5, '0')}-of-${String(SHARDS).padStart(5, '0')}.safetensors`;
    shards.push(await writeShard(dir, relative, SHARD_BYTES));
  }
  await writeFile(path.join(dir, 'release-pack.yaml'), manifestText(shards));
  await writeFile(
    path.join(dir, 'README.md'),
    '# bench-weights\n\nGenerated by `npm run bench`: pseudo-random weight shards for the checksum benchmark.\n',
  );
  await writeStamp(stampFile, { layoutVersion: LAYOUT_VERSION, shards } satisfies Stamp);
  return shards;
}

async function stillValid(dir: string, shards: Shard[]): Promise<boolean> {
  if (shards.length !== SHARDS) return false;
  for (const shard of shards) {
    const info = await stat(path.join(dir, shard.path)).catch(() => null);
    if (!info || info.size !== shard.size || info.mtimeMs !== shard.mtimeMs) return false;
  }
  return (await stat(path.join(dir, 'release-pack.yaml')).catch(() => null)) !== null;
}

async function writeShard(dir: string, relative: string, size: number): Promise<Shard> {
  const full = path.join(dir, relative);
  const next = deterministicBytes(relative);
  const hash = createHash('sha256');
  const handle = await open(full, 'w');
  try {
    for (let written = 0; written < size; ) {
      const chunk = next(Math.min(CHUNK, size - written));
      hash.update(chunk);
      await handle.write(chunk, 0, chunk.length);
      written += chunk.length;
    }
    // Flush now: write-back of 2 GiB of dirty pages during the first rounds would skew them.
    await handle.sync();
  } finally {
    await handle.close();
  }
  const info = await stat(full);
  return { path: relative, size, sha256: hash.digest('hex'), mtimeMs: info.mtimeMs };
}

function manifestText(shards: Shard[]): string {
  const artifacts = shards
    .map(
      (shard) => `      - path: ${shard.path}\n        sha256: ${shard.sha256}\n        size: ${shard.size}`,
    )
    .join('\n');
  return `spec: aperture.dev/release-pack/v1
model:
  name: bench-weights
  organization: Aperture benchmarks
licenses:
  distribution: Apache-2.0
components:
  final-parameters:
    status: released
    location: weights
    artifacts:
${artifacts}
  model-card:
    status: released
    location: README.md
`;
}

/** Reads every file once so both sides hash from memory, not from disk. */
async function warmPageCache(files: string[]): Promise<void> {
  const buffer = Buffer.allocUnsafe(CHUNK);
  for (const file of files) {
    const handle = await open(file, 'r');
    try {
      while ((await handle.read(buffer, 0, buffer.length, null)).bytesRead > 0);
    } finally {
      await handle.close();
    }
  }
}

/** One `openssl dgst -sha256 f1 … fN`, checked against the expected digests. */
async function timeOpenssl(dir: string, shards: Shard[]): Promise<number> {
  const { ms, value: output } = await timeMs(
    () =>
      new Promise<string>((resolve, reject) => {
        const child = spawn('openssl', ['dgst', '-sha256', ...shards.map((shard) => shard.path)], {
          cwd: dir,
          stdio: ['ignore', 'pipe', 'inherit'],
        });
        let out = '';
        child.stdout.setEncoding('utf8').on('data', (text: string) => {
          out += text;
        });
        child.on('error', reject);
        child.on('close', (code) =>
          code === 0 ? resolve(out) : reject(new Error(`openssl exited with ${code}`)),
        );
      }),
  );
  const digests = [...output.matchAll(/= ([0-9a-f]{64})$/gm)].map((match) => match[1]);
  if (digests.join() !== shards.map((shard) => shard.sha256).join()) {
    throw new Error('openssl digests differ from the generated ones: delete bench/.work/checksum-2g');
  }
  return ms;
}

/** One Aperture check of the pack, checked to have verified every shard. */
async function timeAperture(dir: string, shards: Shard[], hashWorkers?: number): Promise<number> {
  const { ms, value: report } = await timeMs(() => checkRelease(dir, { hashWorkers }));
  const verified = report.checksums.filter(
    (outcome) => outcome.actual !== null && outcome.actual === outcome.expected,
  );
  if (verified.length !== shards.length) {
    throw new Error(
      `aperture verified ${verified.length} of ${shards.length} shards: ${JSON.stringify(report.checksums)}`,
    );
  }
  return ms;
}

/** Folders this benchmark generates under bench/.work. */
export const CHECKSUM_SUBDIRS = [SUBDIR];

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await runChecksumBench();
  console.log(
    `${result.title}: ${fixed(result.ratio)}× (target ${result.comparison} ${result.target}) ${result.pass ? 'PASS' : 'MISS'}`,
  );
}
