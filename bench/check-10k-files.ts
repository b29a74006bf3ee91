import { readdirSync, statSync } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkRelease } from '../src/checker/index.ts';
import { renderJson } from '../src/report/index.ts';
import { type BenchResult, judge } from './support/bench-result.ts';
import { generateRepoPack, REPO_PACK_FILES, REPO_PACK_LINKS } from './support/generate-repo-pack.ts';
import { currentLoad } from './support/machine.ts';
import { fixed, median, pairedRatio, spread, timeMs } from './support/stats.ts';
import { ensureWorkDir, readStamp, WORK_DIR, writeStamp } from './support/work-dir.ts';

/** Options of the 10,000-file benchmark. */
export interface Check10kOptions {
  /** Interleaved runs of each side after two warm-up rounds; the median counts. At least 3. */
  runs?: number;
  log?: (line: string) => void;
}

const NAME = '10k-files';
const TARGET = 2;
const LAYOUT_VERSION = 2;
const WARM_UP_ROUNDS = 2;
/** The pack with a manifest and the same pack without one, whose README holds 50 links (both judged). */
const VARIANTS = [
  { subdir: 'repo-10k', withManifest: true },
  { subdir: 'repo-10k-no-manifest', withManifest: false },
] as const;

interface Stamp {
  layoutVersion: number;
  files: number;
  bytes: number;
}

/**
 * Time to check a 10,000-file release (`checkRelease` in process, report rendered as JSON but not
 * printed) against a plain recursive walk of the same folder: `readdirSync` with file types and a
 * `statSync` of every file, the least any checker must do.
 *
 * @example
 * const result = await runCheck10kBench({ runs: 9 });
 */
export async function runCheck10kBench(options: Check10kOptions = {}): Promise<BenchResult> {
  const log = options.log ?? console.log;
  const runs = Math.max(3, options.runs ?? 9);
  const [withManifest, withoutManifest] = VARIANTS.map((variant) => ({
    ...variant,
    dir: path.join(WORK_DIR, variant.subdir),
  }));
  for (const variant of [withManifest!, withoutManifest!]) await ensurePack(variant, log);

  const judged = await measure(withManifest!.dir, runs, true, log);
  const noManifest = await measure(withoutManifest!.dir, runs, false, log);
  const noManifestRatio = noManifest.oursMedian / noManifest.walkMedian;

  const ratio = judged.oursMedian / judged.walkMedian;
  const info: BenchResult['info'] = {
    files: judged.files,
    'median of per-round ratios': fixed(pairedRatio(judged.ours, judged.walk)),
    'async walk (fs.promises) ms': fixed(judged.asyncWalkMedian, 1),
    'aperture ÷ async walk': fixed(judged.oursMedian / judged.asyncWalkMedian),
    'spread walk': fixed(spread(judged.walk)),
    'spread aperture': fixed(spread(judged.ours)),
    'load during runs': judged.loads.map((load) => fixed(load)).join(' '),
  };
  info['no manifest: aperture ms'] = fixed(noManifest.oursMedian, 1);
  info['no manifest: walk ms'] = fixed(noManifest.walkMedian, 1);
  info['no manifest: median of per-round ratios'] = fixed(pairedRatio(noManifest.ours, noManifest.walk));
  info['no manifest: spread walk'] = fixed(spread(noManifest.walk));
  info['no manifest: spread aperture'] = fixed(spread(noManifest.ours));
  info['no manifest: load during runs'] = noManifest.loads.map((load) => fixed(load)).join(' ');
  return {
    name: NAME,
    title: `check of a ${judged.files.toLocaleString('en')}-file release with a manifest, and without one`,
    baseline: { name: 'readdirSync + statSync walk', runsMs: judged.walk, medianMs: judged.walkMedian },
    ours: { name: 'aperture checkRelease + renderJson', runsMs: judged.ours, medianMs: judged.oursMedian },
    ratioLabel: 'aperture time ÷ walk time',
    ratio,
    comparison: '<',
    target: TARGET,
    pass: judge(ratio, '<', TARGET),
    extraTargets: [
      {
        label: `no manifest, ${REPO_PACK_LINKS} links, offline: aperture time ÷ walk time`,
        value: noManifestRatio,
        unit: '×',
        comparison: '<',
        target: TARGET,
        pass: judge(noManifestRatio, '<', TARGET),
      },
    ],
    info,
    notes: [],
  };
}

interface Measured {
  files: number;
  walk: number[];
  ours: number[];
  asyncWalk: number[];
  walkMedian: number;
  oursMedian: number;
  asyncWalkMedian: number;
  loads: number[];
}

async function measure(
  dir: string,
  runs: number,
  withManifest: boolean,
  log: (line: string) => void,
): Promise<Measured> {
  const label = withManifest ? 'with manifest' : 'no manifest';
  const walk: number[] = [];
  const ours: number[] = [];
  const asyncWalk: number[] = [];
  const loads: number[] = [];
  let files = 0;
  for (let round = 0; round < WARM_UP_ROUNDS + runs; round++) {
    const counted = round >= WARM_UP_ROUNDS;
    if (counted) loads.push(currentLoad());
    // Alternate which side goes first so a drift in machine load does not favour one.
    const sides = round % 2 === 0 ? (['walk', 'ours'] as const) : (['ours', 'walk'] as const);
    for (const side of sides) {
      if (side === 'walk') {
        const { ms, value } = await timeMs(async () => walkSync(dir));
        files = value;
        if (counted) walk.push(ms);
      } else {
        const { ms, value: report } = await timeMs(async () => {
          // Offline: links are read for what they say, never fetched.
          const report = await checkRelease(dir, { follow: false });
          renderJson([report]);
          return report;
        });
        if (report.files.count !== files) {
          throw new Error(`aperture listed ${report.files.count} files, the walk ${files}`);
        }
        if (withManifest && report.manifest.state !== 'valid') {
          throw new Error(`the generated manifest is ${report.manifest.state}: delete ${dir}`);
        }
        if (counted) ours.push(ms);
      }
    }
    const { ms } = await timeMs(() => walkAsync(dir));
    if (counted) asyncWalk.push(ms);
    if (counted) {
      log(
        `  ${label} round ${round - WARM_UP_ROUNDS + 1}/${runs}: walk ${fixed(walk.at(-1)!, 1)} ms, aperture ${fixed(ours.at(-1)!, 1)} ms`,
      );
    }
  }
  return {
    files,
    walk,
    ours,
    asyncWalk,
    walkMedian: median(walk),
    oursMedian: median(ours),
    asyncWalkMedian: median(asyncWalk),
    loads,
  };
}

/** The baseline: every directory read with file types, every file stat'ed; returns the file count. */
function walkSync(dir: string): number {
  let files = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files += walkSync(full);
    else if (statSync(full).isFile()) files++;
  }
  return files;
}

/** The same walk with `fs.promises`, one call at a time: for information. */
async function walkAsync(dir: string): Promise<number> {
  let files = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files += await walkAsync(full);
    else if ((await stat(full)).isFile()) files++;
  }
  return files;
}

/** Generates a variant's pack unless a complete one from an earlier run is there. */
async function ensurePack(
  variant: { subdir: string; withManifest: boolean; dir: string },
  log: (line: string) => void,
): Promise<void> {
  const stampFile = `${variant.dir}.stamp.json`;
  const expected = REPO_PACK_FILES;
  const stamp = await readStamp<Stamp>(stampFile);
  if (stamp?.layoutVersion === LAYOUT_VERSION && stamp.files === expected) {
    const present = await stat(variant.dir).catch(() => null);
    if (present?.isDirectory() && walkSync(variant.dir) === expected) {
      log(`  reusing ${path.relative(process.cwd(), variant.dir)} (${expected} files)`);
      return;
    }
  }
  log(`  generating ${expected} files in ${path.relative(process.cwd(), variant.dir)}…`);
  await ensureWorkDir();
  await rm(stampFile, { force: true });
  await rm(variant.dir, { recursive: true, force: true });
  const made = await generateRepoPack(variant.dir, variant.withManifest);
  if (made.files !== expected) throw new Error(`generated ${made.files} files, expected ${expected}`);
  await writeStamp(stampFile, { layoutVersion: LAYOUT_VERSION, ...made } satisfies Stamp);
}

/** Folders this benchmark generates under bench/.work. */
export const CHECK_10K_SUBDIRS = VARIANTS.map((variant) => variant.subdir);

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await runCheck10kBench();
  console.log(
    `${result.title}: ${fixed(result.ratio)}× (target ${result.comparison} ${result.target}) ${result.pass ? 'PASS' : 'MISS'}`,
  );
  for (const extra of result.extraTargets ?? []) {
    console.log(
      `${extra.label}: ${fixed(extra.value)}× (target ${extra.comparison} ${extra.target}) ${extra.pass ? 'PASS' : 'MISS'}`,
    );
  }
}
