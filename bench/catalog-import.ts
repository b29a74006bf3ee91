import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { bareAndOursRounds } from './support/bare-and-ours-rounds.ts';
import { type BenchResult, judge } from './support/bench-result.ts';
import { type ImportChildResult, type ImportSide, removeSqliteFile } from './support/import-child.ts';
import { fixed, median, pairedRatio, spread } from './support/stats.ts';
import { runTsChild } from './support/ts-child.ts';
import { workSubdir } from './support/work-dir.ts';

/** Options of the import benchmark. */
export interface ImportBenchOptions {
  /** Interleaved runs of each side; the median counts. At least 3. */
  runs?: number;
  /** Model rows to import (default 1,000,000, the size). */
  rows?: number;
  /** Models per writeCatalog call and per baseline transaction (default 10,000). */
  batch?: number;
  log?: (line: string) => void;
}

const NAME = 'import';
const SUBDIR = 'import-1m';
const DEFAULT_ROWS = 1_000_000;
const DEFAULT_BATCH = 10_000;
const TARGET = 0.5;
const RSS_TARGET_MB = 400;
const CHILD = path.join(import.meta.dirname, 'support', 'import-child.ts');

function rate(rows: number, ms: number): number {
  return rows / (ms / 1000);
}

function rateText(rows: number, ms: number): string {
  return `${Math.round(rate(rows, ms)).toLocaleString('en')} rows/s`;
}

/** The V8 old-space bound of every child process of this benchmark, in MB. */
const HEAP_LIMIT_MB = 192;

/**
 * Importing a generated catalog of 1,000,000 models (2,000 organizations, 1–3 countries per model)
 * through `writeCatalog` in batches into a fresh migrated SQLite store, against a bare better-sqlite3
 * prepared-insert loop writing the same rows into the same schema, one transaction per batch. Each
 * side runs in its own process, so its peak RSS is measured alone.
 *
 * @example
 * const result = await runImportBench({ rows: 100_000 });
 */
export async function runImportBench(options: ImportBenchOptions = {}): Promise<BenchResult> {
  const log = options.log ?? console.log;
  const runs = Math.max(3, options.runs ?? 3);
  const rows = options.rows ?? DEFAULT_ROWS;
  const batch = options.batch ?? DEFAULT_BATCH;
  const dir = await workSubdir(SUBDIR);
  const files: Record<Exclude<ImportSide, 'generate'>, string> = {
    bare: path.join(dir, 'bare.db'),
    aperture: path.join(dir, 'aperture.db'),
  };
  // Every side runs with the same bounded V8 heap: without a bound, V8 grows its heap lazily while
  // memory is plentiful, and peak RSS then says more about the collector than about the import.
  const runSide = (side: ImportSide) =>
    runTsChild<ImportChildResult>(
      CHILD,
      [side, String(rows), String(batch), side === 'generate' ? files.bare : files[side]],
      [`--max-old-space-size=${HEAP_LIMIT_MB}`],
    );

  log(
    `  ${rows.toLocaleString('en')} generated models in batches of ${batch.toLocaleString('en')}, each side in a child process with --max-old-space-size=${HEAP_LIMIT_MB}`,
  );
  const generated = await runSide('generate');
  log(
    `  generator alone: ${fixed(generated.ms, 0)} ms (${rateText(rows, generated.ms)}, ${fixed(generated.maxRssMB, 0)} MB)`,
  );

  const { bare, ours, loads } = await bareAndOursRounds(runs, runSide, (round, results) => {
    const b = results.find(([side]) => side === 'bare')![1];
    const o = results.find(([side]) => side === 'aperture')![1];
    if (o.models !== rows || b.models !== rows) {
      throw new Error(`the writer stored ${o.models} models, the bare loop ${b.models}, expected ${rows}`);
    }
    log(
      `  round ${round + 1}/${runs}: bare ${fixed(b.ms, 0)} ms (${rateText(rows, b.ms)}, ${fixed(b.maxRssMB, 0)} MB), writeCatalog ${fixed(o.ms, 0)} ms (${rateText(rows, o.ms)}, ${fixed(o.maxRssMB, 0)} MB)`,
    );
  });
  for (const file of Object.values(files)) await removeSqliteFile(file);

  const bareMs = bare.map((result) => result.ms);
  const oursMs = ours.map((result) => result.ms);
  const bareMedian = median(bareMs);
  const oursMedian = median(oursMs);
  const ratio = bareMedian / oursMedian;
  const peakRss = Math.max(...ours.map((result) => result.maxRssMB));
  const rssPass = judge(peakRss, '<', RSS_TARGET_MB);
  const withoutGenerator = (bareMedian - generated.ms) / (oursMedian - generated.ms);
  return {
    name: NAME,
    title: `import of ${rows.toLocaleString('en')} catalog models`,
    baseline: {
      name: 'better-sqlite3 prepared inserts, one transaction per batch',
      runsMs: bareMs,
      medianMs: bareMedian,
      display: `${rateText(rows, bareMedian)} (${fixed(bareMedian / 1000, 1)} s)`,
    },
    ours: {
      name: 'writeCatalog per batch',
      runsMs: oursMs,
      medianMs: oursMedian,
      display: `${rateText(rows, oursMedian)} (${fixed(oursMedian / 1000, 1)} s)`,
    },
    ratioLabel: 'writeCatalog rows/s ÷ bare insert rows/s',
    ratio,
    comparison: '>=',
    target: TARGET,
    pass: judge(ratio, '>=', TARGET),
    extraTargets: [
      {
        label: 'peak RSS of the writeCatalog import',
        value: peakRss,
        unit: 'MB',
        comparison: '<',
        target: RSS_TARGET_MB,
        pass: rssPass,
      },
    ],
    info: {
      rows,
      batch,
      'model_countries rows (writeCatalog / bare)': `${ours[0]!.modelCountries} / ${bare[0]!.modelCountries}`,
      organizations: ours[0]!.organizations,
      'writeCatalog rows/s': Math.round(rate(rows, oursMedian)),
      'bare insert rows/s': Math.round(rate(rows, bareMedian)),
      'peak RSS writeCatalog MB': fixed(peakRss, 0),
      'peak RSS bare insert MB': fixed(Math.max(...bare.map((result) => result.maxRssMB)), 0),
      'peak RSS per run MB (writeCatalog; bare)': `${ours.map((result) => fixed(result.maxRssMB, 0)).join(' ')}; ${bare.map((result) => fixed(result.maxRssMB, 0)).join(' ')}`,
      'generator alone ms (in both sides)': fixed(generated.ms, 0),
      'peak RSS generator alone MB': fixed(generated.maxRssMB, 0),
      'ratio without the generator time': fixed(withoutGenerator),
      'median of per-round ratios': fixed(pairedRatio(bareMs, oursMs)),
      'spread bare': fixed(spread(bareMs)),
      'spread writeCatalog': fixed(spread(oursMs)),
      'load during runs': loads.map((load) => fixed(load)).join(' '),
    },
    notes: countryNotes(bare[0]!, ours[0]!),
  };
}

/**
 * Says when the sides stored different model_countries rows. The bare loop writes each record's own
 * country list; the writer adds the stored country of each organization, which it may have inferred.
 */
function countryNotes(bare: ImportChildResult, ours: ImportChildResult): string[] {
  if (bare.modelCountries === ours.modelCountries) return [];
  return [
    `model_countries rows differ: writeCatalog ${ours.modelCountries}, bare loop ${bare.modelCountries} (the writer adds organizations' stored countries)`,
  ];
}

/** Folders this benchmark generates under bench/.work. */
export const IMPORT_SUBDIRS = [SUBDIR];

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await runImportBench();
  console.log(
    `${result.title}: ${fixed(result.ratio)}× (target ${result.comparison} ${result.target}) ${result.pass ? 'PASS' : 'MISS'}`,
  );
}
