import { stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { migrationsFor } from '../src/store/index.ts';
import { type BenchResult, judge } from './support/bench-result.ts';
import { CATALOG_GENERATOR_VERSION } from './support/generate-catalog-rows.ts';
import type { ImportChildResult } from './support/import-child.ts';
import { type LoadTestResult, loadTest } from './support/load-test.ts';
import { currentLoad } from './support/machine.ts';
import type { ServeChildReady } from './support/serve-child.ts';
import { fixed, median } from './support/stats.ts';
import { type RunningChild, runTsChild, startTsChild } from './support/ts-child.ts';
import { readStamp, workSubdir, writeStamp } from './support/work-dir.ts';

/** Options of the API benchmark. */
export interface ApiBenchOptions {
  /** Interleaved rounds (each target once per round); the median counts. At least 3. */
  runs?: number;
  /** Models in the store (default 1,000,000, the issue's size). */
  rows?: number;
  /** Seconds of load per target and round (default 10). */
  duration?: number;
  /** Concurrent connections (default 32, the issue's figure). */
  connections?: number;
  log?: (line: string) => void;
}

const NAME = 'api';
const SUBDIR = 'api-1m';
const DEFAULT_ROWS = 1_000_000;
const DEFAULT_DURATION_S = 10;
const DEFAULT_CONNECTIONS = 32;
const WARM_UP_S = 2;
const P95_BUDGET_MS = 50;
const LAYOUT_VERSION = 1;
const IMPORT_CHILD = path.join(import.meta.dirname, 'support', 'import-child.ts');
const SERVE_CHILD = path.join(import.meta.dirname, 'support', 'serve-child.ts');

/** A route whose single request takes longer than this is not put under load (see probe). */
const SLOW_SINGLE_MS = 1000;

/** A share of non-2xx answers above which a route's figures mean nothing (it is failing, not slow). */
const MAX_FAILURE_SHARE = 0.01;

/** The routes under load: one list page after another, a filtered list, an indicator. */
const ROUTES = [
  {
    name: 'models list',
    paths: Array.from({ length: 100 }, (_, i) => `/api/models?page=${i + 1}&sort=-date`),
  },
  {
    name: 'models filtered',
    paths: Array.from(
      { length: 20 },
      (_, i) => `/api/models?country=FR&accessibility=open-weights-unrestricted&sort=-date&page=${i + 1}`,
    ),
  },
  { name: 'models-per-region', paths: ['/api/indicators/models-per-region'] },
] as const;

const HELLO = { name: 'hello world', paths: ['/'] } as const;

type Target = { name: string; paths: readonly string[]; server: 'hello' | 'aperture' };

/** A target's figures over the rounds (medians), or its single-request time when it was not loaded. */
interface RouteSummary {
  target: Target;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  timeouts: number;
  loaded: boolean;
}

interface Stamp {
  layoutVersion: number;
  generatorVersion: number;
  rows: number;
  migrations: string[];
}

/**
 * Throughput and p95 latency of the HTTP API over a SQLite store of 1,000,000 models under 32
 * concurrent connections (autocannon): a list route, a filtered list and an indicator, against the
 * ceiling of a Fastify hello-world server measured with the same settings in the same run. Both
 * servers run in child processes; the load generator runs here. The server's response cache is on,
 * as in production, so figures under load are warm; each route's first (cold) request is reported.
 *
 * @example
 * const result = await runApiBench({ rows: 100_000, duration: 5 });
 */
export async function runApiBench(options: ApiBenchOptions = {}): Promise<BenchResult> {
  const log = options.log ?? console.log;
  const runs = Math.max(3, options.runs ?? 3);
  const rows = options.rows ?? DEFAULT_ROWS;
  const duration = options.duration ?? DEFAULT_DURATION_S;
  const connections = options.connections ?? DEFAULT_CONNECTIONS;
  const file = await ensureStore(rows, log);

  const servers: Partial<Record<Target['server'], RunningChild<ServeChildReady>>> = {};
  try {
    servers.hello = await startTsChild<ServeChildReady>(SERVE_CHILD, ['hello']);
    servers.aperture = await startTsChild<ServeChildReady>(SERVE_CHILD, ['aperture', file]);
    const origin = (server: Target['server']) => `http://127.0.0.1:${servers[server]!.ready.port}`;
    const hello: Target = { ...HELLO, server: 'hello' };
    const routes: Target[] = ROUTES.map((route) => ({ ...route, server: 'aperture' as const }));

    // One request at a time first: a route slower than SLOW_SINGLE_MS when warm is not put under load.
    const single = new Map<string, number>();
    const cold = new Map<string, number>();
    for (const route of routes) {
      const times = await probe(origin('aperture'), route);
      single.set(route.name, times.warm);
      cold.set(route.name, times.cold);
      log(
        `  ${route.name}: one request alone ${fixed(times.cold, 1)} ms cold, ${fixed(times.warm, 1)} ms warm`,
      );
    }
    const loaded = routes.filter((route) => single.get(route.name)! <= SLOW_SINGLE_MS);
    const skipped = routes.filter((route) => !loaded.includes(route));
    for (const route of skipped) {
      log(
        `  ${route.name}: not put under load (one request takes more than ${SLOW_SINGLE_MS} ms; ${connections} queued requests would block the server for minutes)`,
      );
    }
    const targets = [hello, ...loaded];
    const run = async (target: Target, seconds: number) => {
      const result = await loadTest({
        origin: origin(target.server),
        paths: target.paths,
        connections,
        duration: seconds,
      });
      // Requests still queued in the server would slow the next target down: wait until it answers.
      if (target.server === 'aperture') await waitIdle(origin('aperture'));
      const answered = result.total + result.errors;
      if (answered > 0 && (result.non2xx + result.errors) / answered > MAX_FAILURE_SHARE) {
        throw new Error(
          `${target.name} (${target.paths[0]}) failed: ${result.non2xx} non-2xx answers and ${result.errors} socket errors of ${answered}`,
        );
      }
      return result;
    };

    log(`  ${connections} connections, ${duration} s per target, ${WARM_UP_S} s warm-up each`);
    for (const target of targets) await run(target, WARM_UP_S);

    const measured = new Map<string, LoadTestResult[]>(targets.map((target) => [target.name, []]));
    const loads: number[] = [];
    for (let round = 0; round < runs; round++) {
      loads.push(currentLoad());
      // Alternate the order so a drift in machine load does not favour the ceiling or the routes.
      const order = round % 2 === 0 ? targets : [...targets].reverse();
      for (const target of order) measured.get(target.name)!.push(await run(target, duration));
      log(
        `  round ${round + 1}/${runs}: ${targets
          .map((target) => {
            const last = measured.get(target.name)!.at(-1)!;
            return `${target.name} ${Math.round(last.requestsPerSecond)} req/s p95 ${fixed(last.p95, 1)} ms`;
          })
          .join(', ')}`,
      );
    }

    const summary = (target: Target): RouteSummary => {
      const results = measured.get(target.name);
      if (!results) {
        // Not loaded: a synchronous SQLite server answers one request at a time, so its throughput is
        // at most 1 ÷ the time of one request and a p95 under load is at least that time.
        const ms = single.get(target.name)!;
        return { target, rps: 1000 / ms, p50: ms, p95: ms, p99: ms, timeouts: 0, loaded: false };
      }
      // A run with no 2xx answer at all has no percentiles: it counts as infinitely slow.
      const worstCase = (value: number) => (Number.isNaN(value) ? Number.POSITIVE_INFINITY : value);
      return {
        target,
        rps: median(results.map((result) => result.requestsPerSecond)),
        p50: median(results.map((result) => worstCase(result.p50))),
        p95: median(results.map((result) => worstCase(result.p95))),
        p99: median(results.map((result) => worstCase(result.p99))),
        timeouts: results.reduce((sum, result) => sum + result.timeouts, 0),
        loaded: true,
      };
    };
    const ceiling = summary(hello);
    const routeSummaries = routes.map(summary);
    const worst = routeSummaries.reduce((a, b) => (b.p95 > a.p95 ? b : a));
    const slowest = routeSummaries.reduce((a, b) => (b.rps < a.rps ? b : a));
    const ratio = worst.p95 / P95_BUDGET_MS;
    const info: BenchResult['info'] = {
      models: rows,
      connections,
      'duration per target s': duration,
      'hello world req/s': Math.round(ceiling.rps),
      'hello world p95 ms': fixed(ceiling.p95, 1),
    };
    for (const route of routeSummaries) {
      const name = route.target.name;
      info[`${name}: path`] = route.target.paths[0]!;
      info[`${name}: one request alone ms (cold / warm)`] =
        `${fixed(cold.get(name)!, 1)} / ${fixed(single.get(name)!, 1)}`;
      if (!route.loaded) {
        info[`${name}: under load`] =
          `not loaded (one request > ${SLOW_SINGLE_MS} ms); at most ${fixed(route.rps, 2)} req/s`;
        continue;
      }
      info[`${name}: req/s`] = Math.round(route.rps);
      info[`${name}: ÷ hello world`] = fixed(route.rps / ceiling.rps, 3);
      info[`${name}: p50 / p95 / p99 ms`] =
        `${fixed(route.p50, 1)} / ${fixed(route.p95, 1)} / ${fixed(route.p99, 1)}`;
      if (route.timeouts > 0) info[`${name}: timed-out requests (10 s)`] = route.timeouts;
    }
    info['load during runs'] = loads.map((load) => fixed(load)).join(' ');
    const p95Text = (route: RouteSummary) =>
      route.loaded ? `${fixed(route.p95, 1)} ms` : `≥ ${fixed(route.p95, 0)} ms (not loaded)`;
    return {
      name: NAME,
      title: `HTTP API over ${rows.toLocaleString('en')} models, ${connections} connections`,
      baseline: {
        name: 'Fastify hello world (ceiling)',
        runsMs: [],
        medianMs: Number.NaN,
        display: `${Math.round(ceiling.rps).toLocaleString('en')} req/s, p95 ${fixed(ceiling.p95, 1)} ms`,
      },
      ours: {
        name: `aperture API, slowest route (${slowest.target.name})`,
        runsMs: [],
        medianMs: Number.NaN,
        display: `${fixed(slowest.rps, slowest.rps < 10 ? 2 : 0)} req/s (${fixed(slowest.rps / ceiling.rps, 3)}×), worst p95 ${p95Text(worst)}`,
      },
      ratioLabel: `worst route p95 (${worst.target.name}) ÷ ${P95_BUDGET_MS} ms budget`,
      ratio,
      comparison: '<',
      target: 1,
      pass: judge(ratio, '<', 1),
      extraTargets: routeSummaries.map((route) => ({
        label: `p95 ${route.target.name}${route.loaded ? '' : ' (not loaded: time of one request alone, a lower bound)'}`,
        value: route.p95,
        unit: 'ms',
        comparison: '<' as const,
        target: P95_BUDGET_MS,
        pass: judge(route.p95, '<', P95_BUDGET_MS),
      })),
      info,
      notes: skipped.map(
        (route) =>
          `${route.name} was not put under load: one request alone takes ${fixed(single.get(route.name)!, 0)} ms`,
      ),
    };
  } finally {
    for (const server of Object.values(servers)) await server.stop();
  }
}

/**
 * Times three requests in a row to a route's first path: the first (cold: the server's response cache
 * is empty) and the median of the other two (warm: what a repeated request costs).
 */
async function probe(origin: string, target: Target): Promise<{ cold: number; warm: number }> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    const response = await fetch(`${origin}${target.paths[0]}`);
    await response.arrayBuffer();
    times.push(performance.now() - start);
    if (!response.ok) throw new Error(`${target.name} (${target.paths[0]}) answered ${response.status}`);
  }
  return { cold: times[0]!, warm: median(times.slice(1)) };
}

/**
 * Waits until the server is idle: requests queued before a health check run their queries between
 * its turns, so one answer proves nothing; three quick answers in a row (< 50 ms each) do.
 */
async function waitIdle(origin: string): Promise<void> {
  const deadline = performance.now() + 15 * 60_000;
  for (let quick = 0; quick < 3 && performance.now() < deadline; ) {
    const start = performance.now();
    const response = await fetch(`${origin}/api/health`, { signal: AbortSignal.timeout(15 * 60_000) });
    await response.arrayBuffer();
    quick = performance.now() - start < 50 ? quick + 1 : 0;
  }
}

/**
 * Builds the store of `rows` generated models with the bare loader, unless a stamped one is there, and
 * returns its file (the cold-reads benchmark reads the same store).
 */
export async function ensureStore(rows: number, log: (line: string) => void): Promise<string> {
  const dir = await workSubdir(SUBDIR);
  const file = path.join(dir, `catalog-${rows}.db`);
  const stampFile = `${file}.stamp.json`;
  const migrations = Object.keys(migrationsFor('sqlite')).sort();
  const stamp = await readStamp<Stamp>(stampFile);
  const info = await stat(file).catch(() => null);
  if (
    stamp?.layoutVersion === LAYOUT_VERSION &&
    stamp.generatorVersion === CATALOG_GENERATOR_VERSION &&
    stamp.rows === rows &&
    stamp.migrations.join() === migrations.join() &&
    info?.isFile()
  ) {
    log(`  reusing ${path.relative(process.cwd(), file)} (${rows.toLocaleString('en')} models)`);
    return file;
  }
  log(`  loading ${rows.toLocaleString('en')} generated models into ${path.relative(process.cwd(), file)}…`);
  const loaded = await runTsChild<ImportChildResult>(IMPORT_CHILD, ['bare', String(rows), '10000', file]);
  if (loaded.models !== rows) throw new Error(`the store holds ${loaded.models} models, expected ${rows}`);
  // No size or mtime in the stamp: the server's migration check and WAL checkpoints touch the file.
  await writeStamp(stampFile, {
    layoutVersion: LAYOUT_VERSION,
    generatorVersion: CATALOG_GENERATOR_VERSION,
    rows,
    migrations,
  } satisfies Stamp);
  return file;
}

/** Folders this benchmark generates under bench/.work. */
export const API_SUBDIRS = [SUBDIR];

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await runApiBench();
  console.log(
    `${result.title}: ${fixed(result.ratio)}× (target ${result.comparison} ${result.target}) ${result.pass ? 'PASS' : 'MISS'}`,
  );
}
