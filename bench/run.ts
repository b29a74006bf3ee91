import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { API_SUBDIRS, runApiBench } from './api-load.ts';
import { ARENA_SUBDIRS, runArenaScoringBench } from './arena-scoring.ts';
import { runSubmissionLoadBench, SUBMISSION_SUBDIRS } from './arena-submission-load.ts';
import { BUNDLE_SUBDIRS, runBundleBench } from './bundle-size.ts';
import { IMPORT_SUBDIRS, runImportBench } from './catalog-import.ts';
import { CHECK_10K_SUBDIRS, runCheck10kBench } from './check-10k-files.ts';
import { CHECKSUM_SUBDIRS, runChecksumBench } from './checksum-throughput.ts';
import { COLD_READS_SUBDIRS, runColdReadsBench } from './cold-reads.ts';
import { ENTITY_MATCHING_SUBDIRS, runEntityMatchingBench } from './entity-matching.ts';
import type { BenchResult, ExtraTarget } from './support/bench-result.ts';
import { describeMachine, formatMachine } from './support/machine.ts';
import { fixed } from './support/stats.ts';
import { ensureWorkDir, WORK_DIR } from './support/work-dir.ts';
import { runSyncBench, SYNC_SUBDIRS } from './sync.ts';

/** Options from the command line, passed to every benchmark (each reads those it knows). */
interface RunOptions {
  runs?: number;
  rows?: number;
  batch?: number;
  duration?: number;
}

/** Every benchmark `npm run bench` knows, with the names it answers to and the data it generates. */
const BENCHMARKS = [
  {
    name: 'checksum',
    aliases: ['checksum', 'checksums', 'hash'],
    subdirs: CHECKSUM_SUBDIRS,
    run: ({ runs }: RunOptions) => runChecksumBench({ runs }),
  },
  {
    name: '10k-files',
    aliases: ['10k-files', '10k', 'files', 'check'],
    subdirs: CHECK_10K_SUBDIRS,
    run: ({ runs }: RunOptions) => runCheck10kBench({ runs }),
  },
  {
    name: 'import',
    aliases: ['import', 'catalog-import', '1m'],
    subdirs: IMPORT_SUBDIRS,
    run: ({ runs, rows, batch }: RunOptions) => runImportBench({ runs, rows, batch }),
  },
  {
    name: 'api',
    aliases: ['api', 'http', 'server'],
    subdirs: API_SUBDIRS,
    run: ({ runs, rows, duration }: RunOptions) => runApiBench({ runs, rows, duration }),
  },
  {
    name: 'cold-reads',
    aliases: ['cold-reads', 'cold', 'indicators'],
    subdirs: COLD_READS_SUBDIRS,
    run: ({ runs, rows }: RunOptions) => runColdReadsBench({ runs, rows }),
  },
  {
    name: 'arena',
    aliases: ['arena', 'scoring', 'bootstrap'],
    subdirs: ARENA_SUBDIRS,
    run: ({ runs, rows }: RunOptions) => runArenaScoringBench({ runs, rows }),
  },
  {
    name: 'submission',
    aliases: ['submission', 'submit', 'health'],
    subdirs: SUBMISSION_SUBDIRS,
    run: ({ runs, rows }: RunOptions) => runSubmissionLoadBench({ runs, rows }),
  },
  {
    name: 'sync',
    aliases: ['sync', 'snapshot'],
    subdirs: SYNC_SUBDIRS,
    run: ({ runs }: RunOptions) => runSyncBench({ runs }),
  },
  {
    name: 'entity-matching',
    aliases: ['entity-matching', 'matching', 'entities'],
    subdirs: ENTITY_MATCHING_SUBDIRS,
    run: ({ runs, rows }: RunOptions) => runEntityMatchingBench({ runs, rows }),
  },
  {
    name: 'bundle',
    aliases: ['bundle', 'web', 'js'],
    subdirs: BUNDLE_SUBDIRS,
    run: (_options: RunOptions) => runBundleBench(),
  },
] as const;

const USAGE = `usage: npm run bench -- [checksum|10k-files|import|api|cold-reads|arena|submission|sync|entity-matching|bundle ...] [--runs N] [--rows N] [--batch N] [--duration S] [--clean]
  checksum      checksum verification throughput vs openssl dgst -sha256 (2 GiB of data)
  10k-files     check of a 10,000-file release vs a plain directory walk (about 160 MB of data)
  import        writeCatalog import of 1,000,000 generated models vs a bare prepared-insert loop, and peak RSS
  api           API p95 and req/s over 1,000,000 models, 32 connections, vs a Fastify hello world
  cold-reads    cold indicator p95 (< 500 ms) after an import over 1,000,000 models, and /api/health p99 (< 50 ms) meanwhile, vs warm and idle
  arena         scoring 1,000,000 predictions with 1,000 bootstrap resamples (< 3 s) vs the single-pass metric
  submission    /api/health p99 while a maximum-size arena submission (1,000,000 items, 32 MiB) is scored (< 100 ms) vs idle
  sync          aperture sync of the whole bundled snapshot from a local server (< 30 s) vs a plain download
  entity-matching  matching 1,000,000 models against 10,000 rated ones (< 60 s, < 400 MB RSS) vs a bare pass over the rows
  bundle        gzipped dashboard JS (vite build) vs the 400 KB budget, and the first-load JS
  --runs N      interleaved runs per side (default: 5 for checksum and arena, 9 for 10k-files, 3 for import, api, cold-reads, sync and entity-matching; at least 3)
  --rows N      models for import, api, cold-reads and entity-matching, predictions for arena, items for submission (default 1000000; smaller for a quick try)
  --batch N     models per writeCatalog call and per baseline transaction (import; default 10000)
  --duration S  seconds of load per route and round (api; default 10)
  --clean       delete the generated data in bench/.work (of the named benchmarks, or all) and exit`;

function parseArgs(argv: string[]) {
  const names: string[] = [];
  const numbers: Record<'runs' | 'rows' | 'batch' | 'duration', number | undefined> = {
    runs: undefined,
    rows: undefined,
    batch: undefined,
    duration: undefined,
  };
  let clean = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const flag = /^--(runs|rows|batch|duration)(?:=(.*))?$/.exec(arg);
    if (arg === '--clean') clean = true;
    else if (flag) numbers[flag[1] as keyof typeof numbers] = Number(flag[2] ?? argv[++i]);
    else if (arg === '--help' || arg === '-h') return { help: true as const };
    else names.push(arg);
  }
  for (const [name, value] of Object.entries(numbers)) {
    if (value !== undefined && !(Number.isInteger(value) && value > 0))
      return { error: `--${name} needs a positive whole number` };
  }
  const { runs } = numbers;
  const selected: Array<(typeof BENCHMARKS)[number]> = [];
  for (const name of names) {
    const benchmark = BENCHMARKS.find((candidate) => (candidate.aliases as readonly string[]).includes(name));
    if (!benchmark) return { error: `unknown benchmark "${name}"` };
    if (!selected.includes(benchmark)) selected.push(benchmark);
  }
  return {
    selected: selected.length > 0 ? selected : [...BENCHMARKS],
    options: { ...numbers, runs } satisfies RunOptions,
    clean,
    all: names.length === 0,
  };
}

function ratioText(result: BenchResult): string {
  return `${fixed(result.ratio)}×`;
}

/** An extra figure and its target: a ratio (×) as the main ratio is printed, anything else to 0.1. */
function extraText(extra: ExtraTarget): string {
  if (extra.unit === '×')
    return `${fixed(extra.value)}× (target ${extra.comparison} ${fixed(extra.target)}×)`;
  return `${fixed(extra.value, 1)} ${extra.unit} (target ${extra.comparison} ${extra.target} ${extra.unit})`;
}

function sideText(side: BenchResult['baseline']): string {
  if (side.display !== undefined) return side.display;
  const time = `${fixed(side.medianMs, side.medianMs < 1000 ? 1 : 0)} ms`;
  return side.mbPerSecond === undefined ? time : `${fixed(side.mbPerSecond, 0)} MB/s (${time})`;
}

/** A plain-text table, columns padded to their widest cell. */
function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) =>
    row
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join('  ')
      .trimEnd();
  return [
    line(rows[0]!),
    widths.map((width) => '-'.repeat(width)).join('  '),
    ...rows.slice(1).map(line),
  ].join('\n');
}

/** The ratio and every extra target passed. */
function passedAll(result: BenchResult): boolean {
  return result.pass && (result.extraTargets ?? []).every((extra) => extra.pass);
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if ('help' in args) {
    console.log(USAGE);
    return 0;
  }
  if ('error' in args) {
    console.error(`bench: ${args.error}\n${USAGE}`);
    return 2;
  }
  if (args.clean) {
    const targets = args.all
      ? [WORK_DIR]
      : args.selected.flatMap((benchmark) =>
          benchmark.subdirs.flatMap((subdir) => [
            path.join(WORK_DIR, subdir),
            path.join(WORK_DIR, `${subdir}.stamp.json`),
          ]),
        );
    for (const target of targets) {
      await rm(target, { recursive: true, force: true });
      console.log(`removed ${path.relative(process.cwd(), target) || target}`);
    }
    return 0;
  }

  const machine = describeMachine();
  console.log(formatMachine(machine));
  const results: BenchResult[] = [];
  const errors: Array<{ name: string; error: string }> = [];
  for (const benchmark of args.selected) {
    console.log(`\n${benchmark.name}`);
    try {
      const result = await benchmark.run(args.options);
      results.push(result);
      console.log(
        `  → ${result.ratioLabel} = ${ratioText(result)} (target ${result.comparison} ${fixed(result.target)}×) ${result.pass ? 'PASS' : 'MISS'}`,
      );
      for (const extra of result.extraTargets ?? []) {
        console.log(`  → ${extra.label} = ${extraText(extra)} ${extra.pass ? 'PASS' : 'MISS'}`);
      }
      for (const note of result.notes) console.log(`    note: ${note}`);
      for (const [key, value] of Object.entries(result.info)) console.log(`    ${key}: ${value}`);
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      errors.push({ name: benchmark.name, error: message });
      console.error(`  ✗ ${benchmark.name} could not run: ${message}`);
    }
  }

  console.log('');
  console.log(
    table([
      ['benchmark', 'baseline', 'aperture', 'ratio', 'target', 'result'],
      ...results.map((result) => [
        result.name,
        sideText(result.baseline),
        sideText(result.ours),
        ratioText(result),
        `${result.comparison === '>=' ? '≥' : '<'} ${fixed(result.target)}×`,
        passedAll(result) ? 'PASS' : 'MISS',
      ]),
      ...errors.map((failure) => [failure.name, '-', '-', '-', '-', 'ERROR']),
    ]),
  );
  console.log(`baselines: ${results.map((result) => `${result.name} = ${result.baseline.name}`).join('; ')}`);

  await ensureWorkDir();
  const resultsFile = path.join(WORK_DIR, 'last-results.json');
  await writeFile(
    resultsFile,
    `${JSON.stringify({ finishedAt: new Date().toISOString(), machine, results, errors }, null, 2)}\n`,
  );
  console.log(`results written to ${path.relative(process.cwd(), resultsFile)}`);
  // A missed target is a measurement, not a failure; only a benchmark that could not run fails.
  return errors.length > 0 ? 1 : 0;
}

process.exitCode = await main();
