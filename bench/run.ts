import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CHECK_10K_SUBDIRS, runCheck10kBench } from './check-10k-files.ts';
import { CHECKSUM_SUBDIRS, runChecksumBench } from './checksum-throughput.ts';
import type { BenchResult } from './support/bench-result.ts';
import { describeMachine, formatMachine } from './support/machine.ts';
import { fixed } from './support/stats.ts';
import { ensureWorkDir, WORK_DIR } from './support/work-dir.ts';

/** Every benchmark `npm run bench` knows, with the names it answers to and the data it generates. */
const BENCHMARKS = [
  {
    name: 'checksum',
    aliases: ['checksum', 'checksums', 'hash'],
    subdirs: CHECKSUM_SUBDIRS,
    run: (runs: number | undefined) => runChecksumBench({ runs }),
  },
  {
    name: '10k-files',
    aliases: ['10k-files', '10k', 'files', 'check'],
    subdirs: CHECK_10K_SUBDIRS,
    run: (runs: number | undefined) => runCheck10kBench({ runs }),
  },
] as const;

const USAGE = `usage: npm run bench -- [checksum|10k-files ...] [--runs N] [--clean]
  checksum    checksum verification throughput vs openssl dgst -sha256 (2 GiB of data)
  10k-files   check of a 10,000-file release vs a plain directory walk (about 160 MB of data)
  --runs N    interleaved runs per side (default: 5 for checksum, 9 for 10k-files; at least 3)
  --clean     delete the generated data in bench/.work (of the named benchmarks, or all) and exit`;

function parseArgs(argv: string[]) {
  const names: string[] = [];
  let runs: number | undefined;
  let clean = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--clean') clean = true;
    else if (arg === '--runs') runs = Number(argv[++i]);
    else if (arg.startsWith('--runs=')) runs = Number(arg.slice('--runs='.length));
    else if (arg === '--help' || arg === '-h') return { help: true as const };
    else names.push(arg);
  }
  if (runs !== undefined && !(Number.isInteger(runs) && runs > 0))
    return { error: '--runs needs a positive whole number' };
  const selected: Array<(typeof BENCHMARKS)[number]> = [];
  for (const name of names) {
    const benchmark = BENCHMARKS.find((candidate) => (candidate.aliases as readonly string[]).includes(name));
    if (!benchmark) return { error: `unknown benchmark "${name}"` };
    if (!selected.includes(benchmark)) selected.push(benchmark);
  }
  return { selected: selected.length > 0 ? selected : [...BENCHMARKS], runs, clean, all: names.length === 0 };
}

function ratioText(result: BenchResult): string {
  return `${fixed(result.ratio)}×`;
}

function sideText(side: BenchResult['baseline']): string {
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
      const result = await benchmark.run(args.runs);
      results.push(result);
      console.log(
        `  → ${result.ratioLabel} = ${ratioText(result)} (target ${result.comparison} ${fixed(result.target)}×) ${result.pass ? 'PASS' : 'MISS'}`,
      );
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
        result.pass ? 'PASS' : 'MISS',
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
