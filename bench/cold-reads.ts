import { copyFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { INDICATORS, type IndicatorDefinition, listIndicatorParameters } from '../src/observatory/index.ts';
import { ensureStore } from './api-load.ts';
import { type BenchResult, judge } from './support/bench-result.ts';
import type { CatalogCommitResult } from './support/catalog-commit-child.ts';
import { type HealthPollResult, startHealthPollers } from './support/health-pollers.ts';
import { currentLoad } from './support/machine.ts';
import type { ServeChildReady } from './support/serve-child.ts';
import { fixed, median } from './support/stats.ts';
import { runTsChild, startTsChild } from './support/ts-child.ts';
import { workSubdir } from './support/work-dir.ts';

/** Options of the cold-reads benchmark. */
export interface ColdReadsOptions {
  /** Rounds: each commits an import, then requests every indicator cold. At least 3. */
  runs?: number;
  /** Models in the store (default 1,000,000, the size). */
  rows?: number;
  log?: (line: string) => void;
}

const NAME = 'cold-reads';
const SUBDIR = 'cold-reads';
const DEFAULT_ROWS = 1_000_000;
const SERVE_CHILD = path.join(import.meta.dirname, 'support', 'serve-child.ts');
const COMMIT_CHILD = path.join(import.meta.dirname, 'support', 'catalog-commit-child.ts');
/** The targets: a cold indicator's p95, and /api/health's p99 while cold indicators are computed. */
const COLD_P95_BUDGET_MS = 500;
const HEALTH_P99_BUDGET_MS = 50;
/** Concurrent /api/health pollers (closed loops), as in the submission benchmark. */
const POLLERS = 4;
/** How long the idle baseline polls, per round. */
const IDLE_MS = 3000;

/** Folders this benchmark generates under bench/.work. */
export const COLD_READS_SUBDIRS = [SUBDIR];

/**
 * A query no import precomputes, so the server computes it: the earliest `from` year (the same rows
 * as the default, another cache key) or another choice of a closed parameter.
 */
function computedQuery(indicator: IndicatorDefinition): string | undefined {
  const parameters = listIndicatorParameters(indicator.params);
  const from = parameters.find((parameter) => parameter.name === 'from');
  if (from?.min !== undefined) return `from=${from.min}`;
  const choice = parameters.find((parameter) => parameter.choices !== undefined);
  const other = choice?.choices?.find((value) => value !== choice.default);
  return choice && other ? `${choice.name}=${encodeURIComponent(other)}` : undefined;
}

/** The nearest-rank percentile of some numbers. */
function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Times one GET (body read); throws on a non-2xx answer. */
async function timeGet(origin: string, url: string): Promise<number> {
  const start = performance.now();
  const response = await fetch(`${origin}${url}`);
  const body = await response.arrayBuffer();
  const ms = performance.now() - start;
  if (!response.ok)
    throw new Error(`${url} answered ${response.status}: ${Buffer.from(body).toString().slice(0, 200)}`);
  return ms;
}

/** Polls /api/health for `ms` with nothing else going on. */
async function pollIdle(origin: string, ms: number): Promise<HealthPollResult> {
  const pollers = startHealthPollers(origin, POLLERS);
  await new Promise((resolve) => setTimeout(resolve, ms));
  return pollers.stop();
}

/**
 * Cold reads after an import at 1,000,000 models: each round commits a small import into the store
 * (`runImport` in another process, as `aperture import` would), then requests every indicator with its
 * default parameters once (the first request of the new catalog version, what the dashboard asks for)
 * and once with a parameter no import precomputes (so the server computes it), one after another,
 * while four closed-loop pollers request `/api/health`. Judged: the p95 of the cold default requests
 * ÷ 500 ms, and the health p99 during the cold requests ÷ 50 ms. Baselines of the same run: the
 * health p99 of the idle server and the p95 of the same indicator requests warm (cached).
 *
 * @example
 * const result = await runColdReadsBench({ rows: 100_000 });
 */
export async function runColdReadsBench(options: ColdReadsOptions = {}): Promise<BenchResult> {
  const log = options.log ?? console.log;
  const runs = Math.max(3, options.runs ?? 3);
  const rows = options.rows ?? DEFAULT_ROWS;
  const source = await ensureStore(rows, log);
  // A copy of the api benchmark's store: the imports of the rounds must not change that one.
  const dir = await workSubdir(SUBDIR);
  const file = path.join(dir, `catalog-${rows}.db`);
  for (const suffix of ['', '-wal', '-shm']) await rm(`${file}${suffix}`, { force: true });
  await copyFile(source, file);

  const server = await startTsChild<ServeChildReady>(SERVE_CHILD, ['aperture', file]);
  try {
    const origin = `http://127.0.0.1:${server.ready.port}`;
    await pollIdle(origin, 500);
    const idle: HealthPollResult[] = [];
    const loaded: HealthPollResult[] = [];
    const cold: number[] = [];
    const computed: number[] = [];
    const warm: number[] = [];
    const commits: CatalogCommitResult[] = [];
    const coldByIndicator = new Map<string, number[]>(INDICATORS.map((indicator) => [indicator.id, []]));
    const loads: number[] = [];
    for (let round = 0; round < runs; round++) {
      loads.push(currentLoad());
      idle.push(await pollIdle(origin, IDLE_MS));
      const commit = await runTsChild<CatalogCommitResult>(COMMIT_CHILD, [file, String(round + 1)]);
      commits.push(commit);

      const pollers = startHealthPollers(origin, POLLERS);
      const roundCold: number[] = [];
      for (const indicator of INDICATORS) {
        const ms = await timeGet(origin, `/api/indicators/${indicator.id}`);
        roundCold.push(ms);
        coldByIndicator.get(indicator.id)!.push(ms);
      }
      const roundComputed: number[] = [];
      for (const indicator of INDICATORS) {
        const query = computedQuery(indicator);
        if (query !== undefined) {
          roundComputed.push(await timeGet(origin, `/api/indicators/${indicator.id}?${query}`));
        }
      }
      loaded.push(await pollers.stop());
      for (const indicator of INDICATORS) warm.push(await timeGet(origin, `/api/indicators/${indicator.id}`));
      cold.push(...roundCold);
      computed.push(...roundComputed);
      log(
        `  round ${round + 1}/${runs}: import committed v${commit.version} in ${fixed(commit.ms, 0)} ms; cold defaults max ${fixed(Math.max(...roundCold), 0)} ms, computed max ${fixed(Math.max(...roundComputed), 0)} ms; health p99 ${fixed(loaded.at(-1)!.p99, 1)} ms (idle ${fixed(idle.at(-1)!.p99, 1)} ms), max ${fixed(loaded.at(-1)!.max, 0)} ms over ${loaded.at(-1)!.requests} requests`,
      );
    }

    const coldP95 = percentile(cold, 95);
    const warmP95 = percentile(warm, 95);
    const idleP99 = median(idle.map((result) => result.p99));
    const loadedP99 = median(loaded.map((result) => result.p99));
    const ratio = coldP95 / COLD_P95_BUDGET_MS;
    const info: BenchResult['info'] = {
      models: rows,
      rounds: runs,
      pollers: POLLERS,
      'cold default requests: p50 / p95 / max ms': `${fixed(percentile(cold, 50), 1)} / ${fixed(coldP95, 1)} / ${fixed(Math.max(...cold), 1)}`,
      'computed requests (a parameter no import precomputes): p50 / p95 / max ms': `${fixed(percentile(computed, 50), 1)} / ${fixed(percentile(computed, 95), 1)} / ${fixed(Math.max(...computed), 1)}`,
      'warm requests: p50 / p95 ms': `${fixed(percentile(warm, 50), 1)} / ${fixed(warmP95, 1)}`,
      'health during cold requests: p50 / p99 / max ms (medians of rounds)': `${fixed(median(loaded.map((r) => r.p50)), 1)} / ${fixed(loadedP99, 1)} / ${fixed(median(loaded.map((r) => r.max)), 1)}`,
      'health idle: p50 / p99 ms': `${fixed(median(idle.map((r) => r.p50)), 1)} / ${fixed(idleP99, 1)}`,
      'import commit ms (runImport of 3 rows, whatever it does after the commit)': commits
        .map((commit) => fixed(commit.ms, 0))
        .join(' '),
      'load during runs': loads.map((load) => fixed(load)).join(' '),
    };
    for (const [name, times] of coldByIndicator)
      info[`cold ${name} ms`] = times.map((ms) => fixed(ms, 0)).join(' ');
    return {
      name: NAME,
      title: `cold indicator requests after an import, ${rows.toLocaleString('en')} models`,
      baseline: {
        name: 'the same indicator requests warm (cached); /api/health idle',
        runsMs: warm,
        medianMs: median(warm),
        display: `warm p95 ${fixed(warmP95, 1)} ms; health idle p99 ${fixed(idleP99, 1)} ms`,
      },
      ours: {
        name: 'cold indicator requests; /api/health during them',
        runsMs: cold,
        medianMs: median(cold),
        display: `cold p95 ${fixed(coldP95, 0)} ms (${fixed(coldP95 / warmP95, 0)}× warm); health p99 ${fixed(loadedP99, 1)} ms`,
      },
      ratioLabel: `cold indicator p95 ÷ ${COLD_P95_BUDGET_MS} ms budget`,
      ratio,
      comparison: '<',
      target: 1,
      pass: judge(ratio, '<', 1),
      extraTargets: [
        {
          label: `/api/health p99 while cold indicators are computed (÷ ${HEALTH_P99_BUDGET_MS} ms = ${fixed(loadedP99 / HEALTH_P99_BUDGET_MS)}×; idle ${fixed(idleP99, 1)} ms)`,
          value: loadedP99,
          unit: 'ms',
          comparison: '<',
          target: HEALTH_P99_BUDGET_MS,
          pass: judge(loadedP99, '<', HEALTH_P99_BUDGET_MS),
        },
      ],
      info,
      notes: [],
    };
  } finally {
    await server.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await runColdReadsBench();
  console.log(
    `${result.title}: ${fixed(result.ratio)}× (target ${result.comparison} ${result.target}) ${result.pass ? 'PASS' : 'MISS'}`,
  );
}
