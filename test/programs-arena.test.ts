import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import {
  exportLog,
  parseBenchmarkDefinition,
  submitPredictions,
  teamBenchmarks,
  teamContributions,
} from '../src/arena/index.ts';
import { runCli } from '../src/cli/test-support/recording-io.ts';
import {
  arenaStoreLookup,
  type CheckFunction,
  ProgramDefinitionSchema,
  saveProgram,
  verifyDeliverables,
} from '../src/programs/index.ts';
import { type DatabaseHandle, migrateToLatest } from '../src/store/index.ts';
import { DURING_ROUND, predictionsCsv, seedArena } from './support/arena-fixture.ts';
import { forEachDialect } from './support/dialects.ts';

const AS_OF = '2025-06-01';

/** No deliverable here has a release to check; a call would be a bug. */
const noCheck: CheckFunction = async (target) => {
  throw new Error(`unexpected check of ${target}`);
};

/** A program whose benchmark deliverables name the fixture arena's teams. */
const PROGRAM = ProgramDefinitionSchema.parse({
  spec: 'aperture.dev/program/v1',
  id: 'arena-fund',
  name: 'Arena fund (test)',
  kind: 'grant',
  funder: 'Test Funder',
  currency: 'EUR',
  totalBudget: 1000,
  requirements: [
    { id: 'qa', kind: 'benchmark-contribution', benchmark: 'fixture-qa' },
    { id: 'any', kind: 'benchmark-contribution', anyAcceptedBenchmark: true },
    { id: 'elsewhere', kind: 'benchmark-contribution', benchmark: 'other-bench' },
  ],
  awards: [
    {
      id: 'owls-grant',
      recipient: 'The Owls lab',
      recipientType: 'team',
      startDate: '2025-01-01',
      endDate: '2025-04-30',
      deliverables: [
        { requirement: 'qa', team: 'owls' },
        { requirement: 'any', team: 'owls' },
        { requirement: 'elsewhere', team: 'owls' },
      ],
    },
    // The recipient is the arena team when no deliverable names one; the foxes never submit.
    {
      id: 'foxes-grant',
      recipient: 'foxes',
      recipientType: 'team',
      startDate: '2025-01-01',
      endDate: '2025-04-30',
    },
    // Owls again, but due before their submission: a late contribution fails. (Every award owes every requirement.)
    {
      id: 'owls-early',
      recipient: 'owls',
      recipientType: 'team',
      startDate: '2025-01-01',
      endDate: '2025-03-05',
      deliverables: [{ requirement: 'qa' }],
    },
  ],
});

async function seeded(store: DatabaseHandle) {
  await migrateToLatest(store);
  const arena = await seedArena(store.db);
  const submitted = await submitPredictions(
    store.db,
    {
      benchmark: 'fixture-qa',
      round: 'round-1',
      token: arena.tokens.owls,
      bytes: predictionsCsv(8, 15),
      format: 'csv',
    },
    { now: DURING_ROUND },
  );
  return submitted;
}

forEachDialect('programs verify with the arena store lookup', (ctx) => {
  it('lists a team’s accepted submissions with their log entries, and nothing for others', async () => {
    const store = await ctx.openFresh();
    const submitted = await seeded(store);
    const found = await teamContributions(store.db, { team: 'owls', benchmark: 'fixture-qa' });
    expect(found).toEqual([
      {
        benchmark: 'fixture-qa',
        round: 'round-1',
        team: 'owls',
        submissionId: submitted.submissionId,
        digest: submitted.digest,
        receivedAt: submitted.receivedAt,
        log: submitted.log,
      },
    ]);
    expect(await teamContributions(store.db, { team: 'owls' })).toHaveLength(1);
    expect(await teamContributions(store.db, { team: 'owls', benchmark: 'other-bench' })).toEqual([]);
    expect(await teamContributions(store.db, { team: 'foxes' })).toEqual([]);
    expect(await teamContributions(store.db, { team: 'no-such-team' })).toEqual([]);
  });

  it('passes a contribution with its evidence, fails a late one, and never passes a missing one', async () => {
    const store = await ctx.openFresh();
    const submitted = await seeded(store);
    await saveProgram(store.db, PROGRAM);
    const outcome = await verifyDeliverables(store.db, {
      asOf: AS_OF,
      check: noCheck,
      arena: arenaStoreLookup(store.db),
    });
    const byKey = new Map(outcome.results.map((result) => [`${result.award}/${result.requirement}`, result]));
    expect(byKey.get('owls-grant/qa')?.status).toBe('pass');
    expect(byKey.get('owls-grant/any')?.status).toBe('pass');
    expect(byKey.get('owls-grant/elsewhere')).toMatchObject({
      status: 'overdue',
      missing: ['no accepted arena submission of team owls to other-bench'],
    });
    expect(byKey.get('foxes-grant/qa')).toMatchObject({
      status: 'overdue',
      missing: ['no accepted arena submission of team foxes to fixture-qa'],
    });
    expect(byKey.get('owls-early/qa')).toMatchObject({
      status: 'fail',
      missing: ['team owls contributed to fixture-qa on 2025-03-10, after the due date 2025-03-05'],
    });

    // The stored report names the submission and the log entry, which the exported log confirms.
    const row = await store.db
      .selectFrom('verification_results')
      .select('report')
      .where('deliverable_id', '=', byKey.get('owls-grant/qa')!.deliverableId)
      .executeTakeFirstOrThrow();
    const report = JSON.parse(row.report) as {
      reason: string;
      contributions: Array<{ evidence: { submissionId: number; log: { index: number; hash: string } } }>;
    };
    expect(report.contributions[0]!.evidence).toEqual({
      submissionId: submitted.submissionId,
      round: 'round-1',
      digest: submitted.digest,
      log: submitted.log,
    });
    expect(report.reason).toContain(`submission ${submitted.submissionId}`);
    expect(report.reason).toContain(`transparency log entry ${submitted.log.index}`);
    const { entries } = await exportLog(store.db);
    expect(entries[submitted.log.index]).toMatchObject({
      hash: submitted.log.hash,
      submission: submitted.digest,
      team: 'owls',
    });

    // Without a lookup the same deliverables are unverifiable, never a pass.
    const without = await verifyDeliverables(store.db, { asOf: '2025-06-02', check: noCheck });
    expect(without.counts).toMatchObject({ pass: 0, unverifiable: without.results.length });
  });

  it('aperture programs verify judges contributions from the same database by default', async () => {
    const store = await ctx.open();
    await seeded(store);
    const file = path.join(ctx.tempDir, 'arena-fund.json');
    // JSON is YAML; the loader reads either.
    await writeFile(file, JSON.stringify(PROGRAM));
    const { args, env } = ctx.cli();
    const loaded = await runCli(['programs', 'load', file, ...args], { env });
    expect(loaded.code, loaded.stderr).toBe(0);
    const result = await runCli(['programs', 'verify', '--as-of', AS_OF, '--json', ...args], { env });
    expect(result.code, result.stderr).toBe(1);
    const outcome = JSON.parse(result.stdout) as {
      results: Array<{ award: string; requirement: string; status: string }>;
    };
    const status = Object.fromEntries(outcome.results.map((r) => [`${r.award}/${r.requirement}`, r.status]));
    expect(status).toEqual({
      'foxes-grant/any': 'overdue',
      'foxes-grant/elsewhere': 'overdue',
      'foxes-grant/qa': 'overdue',
      'owls-early/any': 'fail',
      'owls-early/elsewhere': 'overdue',
      'owls-early/qa': 'fail',
      'owls-grant/any': 'pass',
      'owls-grant/elsewhere': 'overdue',
      'owls-grant/qa': 'pass',
    });
  });

  it('counts a contributed benchmark only where the requirement allows it', async () => {
    const store = await ctx.openFresh();
    await migrateToLatest(store);
    // The owls contributed fixture-qa (created 2025-03-01); nobody submits to it.
    await seedArena(store.db, { contributedBy: 'owls' });
    expect(await teamBenchmarks(store.db, { team: 'owls' })).toEqual([
      { kind: 'benchmark', benchmark: 'fixture-qa', team: 'owls', createdAt: '2025-03-01T00:00:00.000Z' },
    ]);
    expect(await teamBenchmarks(store.db, { team: 'foxes' })).toEqual([]);
    const program = ProgramDefinitionSchema.parse({
      ...PROGRAM,
      id: 'benchmark-fund',
      requirements: [
        { id: 'qa-bench', kind: 'benchmark-contribution', benchmark: 'fixture-qa', counts: 'benchmark' },
        { id: 'any-bench', kind: 'benchmark-contribution', anyAcceptedBenchmark: true, counts: 'either' },
        { id: 'other-bench', kind: 'benchmark-contribution', benchmark: 'other-bench', counts: 'benchmark' },
        { id: 'qa-sub', kind: 'benchmark-contribution', benchmark: 'fixture-qa' },
      ],
      awards: [
        {
          id: 'owls-b',
          recipient: 'owls',
          recipientType: 'team',
          startDate: '2025-01-01',
          endDate: '2025-04-30',
        },
        {
          id: 'foxes-b',
          recipient: 'foxes',
          recipientType: 'team',
          startDate: '2025-01-01',
          endDate: '2025-09-30',
        },
      ],
    });
    await saveProgram(store.db, program);
    const outcome = await verifyDeliverables(store.db, {
      asOf: AS_OF,
      check: noCheck,
      arena: arenaStoreLookup(store.db),
    });
    const byKey = new Map(outcome.results.map((result) => [`${result.award}/${result.requirement}`, result]));
    expect(byKey.get('owls-b/qa-bench')?.status).toBe('pass');
    expect(byKey.get('owls-b/any-bench')?.status).toBe('pass');
    expect(byKey.get('owls-b/other-bench')).toMatchObject({
      status: 'overdue',
      missing: ['no accepted benchmark contributed by team owls (needed: other-bench)'],
    });
    // counts: submission (the default) ignores the contributed benchmark.
    expect(byKey.get('owls-b/qa-sub')).toMatchObject({
      status: 'overdue',
      missing: ['no accepted arena submission of team owls to fixture-qa'],
    });
    expect(byKey.get('foxes-b/qa-bench')).toMatchObject({
      status: 'pending',
      missing: ['no accepted benchmark contributed by team foxes (needed: fixture-qa)'],
    });
    const row = await store.db
      .selectFrom('verification_results')
      .select('report')
      .where('deliverable_id', '=', byKey.get('owls-b/qa-bench')!.deliverableId)
      .executeTakeFirstOrThrow();
    const report = JSON.parse(row.report) as { reason: string; contributions: unknown[] };
    expect(report.reason).toBe(
      'team owls contributed the benchmark fixture-qa (created 2025-03-01T00:00:00.000Z)',
    );
    expect(report.contributions).toHaveLength(1);
  });

  it('reads contributedBy from a benchmark definition and refuses a bad one', () => {
    const base = 'slug: b\ntitle: B\nmetric: exact-match\nladder: { kind: parameter-free }\ndailyCap: 1\n';
    expect(parseBenchmarkDefinition(`${base}contributedBy: owls\n`, 'b.yaml').contributedBy).toBe('owls');
    expect(parseBenchmarkDefinition(base, 'b.yaml').contributedBy).toBeUndefined();
    expect(() => parseBenchmarkDefinition(`${base}contributedBy: Not A Slug\n`, 'b.yaml')).toThrow(
      /contributedBy/,
    );
  });
});
