import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { loadDemoArena } from '../src/arena/index.ts';
import { type CheckReport, checkRelease } from '../src/checker/index.ts';
import {
  type CheckFunction,
  exportResults,
  getAward,
  listPrograms,
  loadDemoPrograms,
  programPortfolio,
  readProgramFiles,
  saveProgram,
  verifyDeliverables,
} from '../src/programs/index.ts';
import { migrateToLatest } from '../src/store/index.ts';
import { forEachDialect } from './support/dialects.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const AS_OF = '2026-06-01';

// Real reports of the example packs, checked once; the injected check counts calls.
const reports = new Map<string, CheckReport>();
beforeAll(async () => {
  const { programs } = await readProgramFiles(path.join(ROOT, 'programs'));
  for (const award of programs[0]!.value.awards) {
    reports.set(award.source!, await checkRelease(award.source!, { asOf: AS_OF }));
  }
});

function countingCheck(options: { failAfter?: number } = {}): CheckFunction & { calls: string[] } {
  const calls: string[] = [];
  const check = async (target: string) => {
    if (options.failAfter !== undefined && calls.length >= options.failAfter) {
      throw new Error('simulated crash (process killed)');
    }
    calls.push(target);
    return reports.get(target)!;
  };
  return Object.assign(check, { calls });
}

forEachDialect('programs store', (ctx) => {
  it('verifies the demo program once when asked, so the dashboard has results, and never again', async () => {
    const store = await ctx.openFresh();
    await migrateToLatest(store);
    const first = await loadDemoPrograms(store.db, { verify: true, asOf: '2026-06-01' });
    expect(first.verified).toEqual(['open-artifacts-fellowship']);
    const again = await loadDemoPrograms(store.db, { verify: true, asOf: '2026-06-01' });
    expect(again.verified).toEqual([]);
    expect(await store.db.selectFrom('verification_runs').select('id').execute()).toHaveLength(1);
    const [program] = await listPrograms(store.db);
    expect(program!.status.unchecked).toBe(0);
    expect(program!.status.pass).toBeGreaterThan(0);
    await store.close();
  });

  it('loads the demo program idempotently with its funding row', async () => {
    const store = await ctx.openFresh();
    await migrateToLatest(store);
    const first = await loadDemoPrograms(store.db);
    const again = await loadDemoPrograms(store.db);
    // Without the demo arena, the benchmark the program names is missing: said, not fatal.
    expect(first).toEqual({
      programs: ['open-artifacts-fellowship'],
      awards: 3,
      verified: [],
      warnings: [expect.stringContaining('"demo-toy-sentiment", which the arena does not have')],
    });
    expect(again).toEqual(first);
    await loadDemoArena(store.db);
    expect((await loadDemoPrograms(store.db)).warnings).toEqual([]);
    expect(await store.db.selectFrom('deliverables').select('id').execute()).toHaveLength(9);
    const funding = await store.db.selectFrom('funding_programs').selectAll().execute();
    expect(funding).toHaveLength(1);
    expect(funding[0]).toMatchObject({
      funder: 'Demo Funder',
      total_amount: 300000,
      open_amount: 230000,
      start_year: 2026,
    });
    const [program] = await listPrograms(store.db);
    expect(program).toMatchObject({
      id: 'open-artifacts-fellowship',
      demo: true,
      awardCount: 3,
      awardedMoney: 230000,
    });
  });

  it('records results, keeps history across runs and gives the same results for the same inputs', async () => {
    const store = await ctx.openFresh();
    await migrateToLatest(store);
    await loadDemoPrograms(store.db);
    const check = countingCheck();
    const first = await verifyDeliverables(store.db, { asOf: AS_OF, check });
    // Each source is checked once per run, although two deliverables read it.
    expect(check.calls).toHaveLength(3);
    expect(first.counts).toEqual({ pass: 2, fail: 1, overdue: 2, pending: 1, unverifiable: 3 });
    const second = await verifyDeliverables(store.db, { asOf: AS_OF, check });
    expect(second.runId).not.toBe(first.runId);
    const strip = (outcome: typeof first) =>
      outcome.results.map(({ checkedAt: _checkedAt, ...rest }) => rest);
    expect(strip(second)).toEqual(strip(first));
    const runs = await store.db.selectFrom('verification_runs').selectAll().orderBy('id').execute();
    expect(runs.map((run) => run.status)).toEqual(['finished', 'finished']);
    expect(await exportResults(store.db)).toHaveLength(18);
    const award = await getAward(store.db, 'oaf-2026-quarry');
    expect(award.history).toHaveLength(6);
    expect(award.deliverables.find((item) => item.requirement === 'open-release')!.latest).toMatchObject({
      status: 'overdue',
      mofClass: 'III',
    });
    expect(award.timeline.map((item) => [item.stage, item.state])).toEqual([
      ['preprint', 'overdue'],
      ['code', 'overdue'],
      ['evals', 'late'],
      ['weights', 'met'],
    ]);
    const portfolio = await programPortfolio(store.db, 'open-artifacts-fellowship');
    expect(portfolio.funded).toMatchObject({ count: 3, classes: { I: 1, II: 0, III: 1, none: 1 } });
  });

  it('resumes an interrupted run without re-checking what it recorded', async () => {
    const store = await ctx.openFresh();
    await migrateToLatest(store);
    await loadDemoPrograms(store.db);
    const crashing = countingCheck({ failAfter: 1 });
    await expect(verifyDeliverables(store.db, { asOf: AS_OF, check: crashing })).rejects.toThrow(
      /simulated crash/,
    );
    const [run] = await store.db.selectFrom('verification_runs').selectAll().execute();
    expect(run!.status).toBe('running');
    const recorded = await store.db.selectFrom('verification_results').select('deliverable_id').execute();
    // Sorted by award: oaf-2026-chem's three (one check of harness-only), then oaf-2026-pebble's benchmark
    // (no check); the crash hits the check of open-science-pack.
    expect(recorded).toHaveLength(4);
    const check = countingCheck();
    const resumed = await verifyDeliverables(store.db, { asOf: AS_OF, check });
    expect(resumed).toMatchObject({ runId: run!.id, resumed: true, skipped: 4 });
    expect(check.calls.map((target) => path.basename(target))).toEqual([
      'open-science-pack',
      'open-weights-only',
    ]);
    expect(resumed.results).toHaveLength(9);
    expect(resumed.counts).toEqual({ pass: 2, fail: 1, overdue: 2, pending: 1, unverifiable: 3 });
    const runs = await store.db.selectFrom('verification_runs').selectAll().execute();
    expect(runs).toHaveLength(1);
    expect(runs[0]!.status).toBe('finished');
  });

  it('removes awards dropped from a reloaded definition and scopes verification to one program', async () => {
    const store = await ctx.openFresh();
    await migrateToLatest(store);
    const { programs } = await readProgramFiles(path.join(ROOT, 'programs'));
    const demo = programs[0]!.value;
    await saveProgram(store.db, demo);
    const smaller = { ...demo, awards: demo.awards.slice(0, 1) };
    const outcome = await saveProgram(store.db, smaller);
    expect(outcome).toMatchObject({ awards: 1, deliverables: 3, removedAwards: 2 });
    const verified = await verifyDeliverables(store.db, {
      program: demo.id,
      asOf: AS_OF,
      check: countingCheck(),
    });
    expect(verified.results).toHaveLength(3);
    await expect(verifyDeliverables(store.db, { program: 'nope' })).rejects.toThrow(/no program "nope"/);
  });
});
