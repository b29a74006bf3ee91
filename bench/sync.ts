import { rm } from 'node:fs/promises';
import path from 'node:path';
import {
  bundledSnapshotDir,
  readSnapshotManifest,
  runSync,
  snapshotItems,
  syncTargets,
} from '../src/observatory/index.ts';
import { startUpstreamServer } from '../src/observatory/test-support/upstream-server.ts';
import { migrateToLatest, openDatabase } from '../src/store/index.ts';
import { type BenchResult, judge } from './support/bench-result.ts';
import { epochCsv, fmtiCsv, motTarball, osaiTarball } from './support/snapshot-as-upstream.ts';
import { fixed, median, spread, timeMs } from './support/stats.ts';
import { workSubdir } from './support/work-dir.ts';

/** Options of the sync benchmark. */
export interface SyncBenchOptions {
  runs?: number;
  log?: (line: string) => void;
}

const NAME = 'sync';
const SUBDIR = 'sync';
/** The target of issue 14: `aperture sync` of the whole bundled snapshot in under 30 s. */
const TARGET_MS = 30_000;

/** The generated data this benchmark keeps in bench/.work (a database per round, removed after it). */
export const SYNC_SUBDIRS = [SUBDIR] as const;

/**
 * `aperture sync` of the whole bundled snapshot: the four sources rendered back into their upstream
 * formats (Epoch's CSV, FMTI's scores CSV, GitHub tarballs of the MOT and OSAI repositories) and served
 * by a local HTTP server, synced into a fresh SQLite catalog (download, unpack, read, check, one
 * transaction per source, indicators stored), against a plain download of the same four URLs with
 * fetch, in the same run and interleaved. The target is absolute: under 30 s.
 *
 * @example
 * const result = await runSyncBench({ runs: 3 });
 */
export async function runSyncBench(options: SyncBenchOptions = {}): Promise<BenchResult> {
  const log = options.log ?? console.log;
  const runs = Math.max(3, options.runs ?? 3);
  const dir = bundledSnapshotDir();
  if (!dir) throw new Error('the bundled snapshot (data/snapshot) is missing');
  const manifest = await readSnapshotManifest(dir);
  const parts: Record<string, unknown[]> = {};
  for (const entry of manifest.sources) {
    parts[entry.id] = [];
    for await (const item of snapshotItems(path.join(dir, entry.file), entry.file)) {
      if (item.kind === 'record') parts[entry.id]!.push(item.value);
    }
  }
  const upstream = await startUpstreamServer();
  const bodies = {
    '/epoch/notable_ai_models.csv': epochCsv(parts.epoch as never),
    '/fmti/Dec2025_scores.csv': fmtiCsv(parts.fmti as never),
    '/mot/tarball': motTarball(parts.mot as never),
    '/osai/tarball': osaiTarball(parts.osai as never),
  };
  for (const [route, body] of Object.entries(bodies)) upstream.routes.set(route, { body, etag: true });
  const bytes = Object.values(bodies).reduce((sum, body) => sum + Buffer.byteLength(body), 0);
  const env = {
    APERTURE_SYNC_URL_EPOCH: `${upstream.url}/epoch/notable_ai_models.csv`,
    APERTURE_SYNC_URL_FMTI: `${upstream.url}/fmti/Dec2025_scores.csv`,
    APERTURE_SYNC_URL_MOT: `${upstream.url}/mot/tarball`,
    APERTURE_SYNC_URL_OSAI: `${upstream.url}/osai/tarball`,
  };
  const work = await workSubdir(SUBDIR);
  const baselineRuns: number[] = [];
  const syncRuns: number[] = [];
  const repeatRuns: number[] = [];
  let records = 0;
  let rejected = 0;
  try {
    const download = async () => {
      for (const route of Object.keys(bodies)) await (await fetch(`${upstream.url}${route}`)).arrayBuffer();
    };
    const sync = async (round: number) => {
      const file = path.join(work, `round-${round}.db`);
      await rm(file, { force: true });
      const store = await openDatabase({ file, env: {} });
      try {
        await migrateToLatest(store);
        const targets = syncTargets([], {}, env);
        const syncOptions = { destination: { allowHosts: [upstream.host] } };
        const { ms, value } = await timeMs(() => runSync(store.db, targets, syncOptions));
        const failed = value.filter((outcome) => outcome.status !== 'updated');
        if (failed.length > 0)
          throw new Error(`sync failed: ${failed.map((o) => `${o.id}: ${o.reason}`).join('; ')}`);
        records = value.reduce((sum, outcome) => sum + outcome.records, 0);
        rejected = value.reduce((sum, outcome) => sum + outcome.rejected, 0);
        const again = await timeMs(() => runSync(store.db, targets, syncOptions));
        if (again.value.some((outcome) => outcome.status !== 'unchanged'))
          throw new Error('a second sync changed data');
        repeatRuns.push(again.ms);
        return ms;
      } finally {
        await store.close();
        await rm(file, { force: true });
      }
    };
    await download();
    for (let round = 0; round < runs; round++) {
      // Sides take turns going first.
      if (round % 2 === 0) {
        baselineRuns.push((await timeMs(download)).ms);
        syncRuns.push(await sync(round));
      } else {
        syncRuns.push(await sync(round));
        baselineRuns.push((await timeMs(download)).ms);
      }
      log(
        `  round ${round + 1}/${runs}: download ${fixed(baselineRuns.at(-1)!, 1)} ms, sync ${fixed(syncRuns.at(-1)!, 0)} ms`,
      );
    }
  } finally {
    await upstream.close();
  }
  const baselineMs = median(baselineRuns);
  const oursMs = median(syncRuns);
  const ratio = oursMs / baselineMs;
  // The target is absolute (30 s); as a ratio to this run's download it is 30 s ÷ the download's median.
  const ratioTarget = TARGET_MS / baselineMs;
  return {
    name: NAME,
    title: 'aperture sync of the whole bundled snapshot from a local server',
    baseline: {
      name: 'plain download of the same 4 URLs (fetch)',
      runsMs: baselineRuns,
      medianMs: baselineMs,
    },
    ours: {
      name: 'runSync of epoch, fmti, mot, osai into a fresh catalog',
      runsMs: syncRuns,
      medianMs: oursMs,
    },
    ratioLabel: 'sync time ÷ download time',
    ratio,
    comparison: '<',
    target: ratioTarget,
    pass: judge(ratio, '<', ratioTarget),
    extraTargets: [
      {
        label: 'sync time',
        value: oursMs / 1000,
        unit: 's',
        comparison: '<',
        target: TARGET_MS / 1000,
        pass: oursMs < TARGET_MS,
      },
    ],
    info: {
      'bytes served': bytes,
      'records synced': records,
      'rows rejected': rejected,
      'second sync (304s) ms': fixed(median(repeatRuns), 1),
      'sync spread': fixed(spread(syncRuns)),
    },
    notes: [
      "The ratio target is the absolute 30 s target divided by this run's download median.",
      'Upstream files are rendered from data/snapshot (bench/support/snapshot-as-upstream.ts).',
    ],
  };
}
