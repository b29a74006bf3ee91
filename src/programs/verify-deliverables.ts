import type { Kysely } from 'kysely';
import { type CheckReport, checkRelease } from '../checker/index.ts';
import { ApertureError, isApertureError } from '../errors.ts';
import { VERIFICATION_STATUSES, type VerificationStatus } from '../spec/index.ts';
import { type Database, upsertRows } from '../store/index.ts';
import type { ArenaContribution, ArenaContributionLookup } from './arena-contribution-lookup.ts';
import { judgeDeliverable, type SourceOutcome } from './judge-deliverable.ts';
import type { DeliverableDefinition } from './save-program.ts';
import { selectVerificationResults } from './verification-results-query.ts';

/** Checks one release; checkRelease unless a test injects another. It only reads the release. */
export type CheckFunction = (target: string, options: { asOf: string }) => Promise<CheckReport>;

/** Options of verifyDeliverables. */
export interface VerifyOptions {
  /** Only this program's deliverables; all programs by default. */
  program?: string;
  /** Judge as of this day (YYYY-MM-DD); today (UTC) by default. */
  asOf?: string;
  check?: CheckFunction;
  /** How to ask the arena for contributions; without it they verify as unverifiable. */
  arena?: ArenaContributionLookup | null;
  /** Called after each deliverable is recorded. */
  onProgress?: (event: { done: number; total: number; deliverable: VerifiedDeliverable }) => void;
  now?: () => Date;
}

/** One deliverable's result in a run. */
export interface VerifiedDeliverable {
  deliverableId: number;
  program: string;
  award: string;
  recipient: string;
  requirement: string;
  kind: string;
  source: string | null;
  due: string;
  status: VerificationStatus;
  score: number | null;
  mofClass: string | null;
  missing: string[];
  /** The checker's top fixes, when a release fell short. */
  fixes: string[];
  checkedAt: string;
}

/** What a verification run did. */
export interface VerifyOutcome {
  runId: number;
  asOf: string;
  /** True when an interrupted run was picked up again. */
  resumed: boolean;
  /** Deliverables recorded before the interruption, not checked again. */
  skipped: number;
  results: VerifiedDeliverable[];
  counts: Record<VerificationStatus, number>;
}

function parseJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** Today in UTC, YYYY-MM-DD. */
function today(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** The deliverables a run covers, in a stable order. */
async function deliverablesInScope(db: Kysely<Database>, program: string | undefined) {
  let query = db
    .selectFrom('deliverables as d')
    .innerJoin('awards as a', 'a.id', 'd.award_id')
    .innerJoin('programs as p', 'p.id', 'a.program_id')
    .select([
      'd.id as id',
      'd.requirement as requirement',
      'd.kind as kind',
      'd.source as source',
      'd.due_date as due',
      'd.definition as definition',
      'a.slug as award',
      'a.recipient as recipient',
      'p.slug as program',
    ])
    .orderBy('p.slug')
    .orderBy('a.slug')
    .orderBy('d.requirement');
  if (program !== undefined) query = query.where('p.slug', '=', program);
  return query.execute();
}

/** Reads a run's recorded results as VerifiedDeliverable rows. */
export async function readRunResults(db: Kysely<Database>, runId: number): Promise<VerifiedDeliverable[]> {
  const rows = await selectVerificationResults(db)
    .select(['d.id as deliverableId', 'r.report as report'])
    .where('r.run_id', '=', runId)
    .orderBy('p.slug')
    .orderBy('a.slug')
    .orderBy('d.requirement')
    .execute();
  return rows.map(({ missing, report, score, ...row }) => ({
    ...row,
    score: score === null ? null : Number(score),
    missing: parseJson<string[]>(missing),
    fixes: parseJson<{ fixes?: string[] }>(report).fixes ?? [],
  }));
}

/** The outcome of opening and checking a source; expected failures are data, never aborts. */
async function checkSource(check: CheckFunction, source: string, asOf: string): Promise<SourceOutcome> {
  try {
    return { kind: 'checked', report: await check(source, { asOf }) };
  } catch (error) {
    if (!isApertureError(error)) throw error;
    if (error.code === 'ERR_SOURCE_UNAVAILABLE' || error.code === 'ERR_TOOL_MISSING') {
      return { kind: 'unreachable', message: error.message };
    }
    return { kind: 'unreadable', message: error.message };
  }
}

/** A run of this scope and day left `running` by an interrupted verification, or a new run. */
async function openRun(
  db: Kysely<Database>,
  program: string | undefined,
  asOf: string,
  now: Date,
): Promise<{ runId: number; resumed: boolean }> {
  let query = db
    .selectFrom('verification_runs')
    .select('id')
    .where('status', '=', 'running')
    .where('as_of', '=', asOf)
    .orderBy('id', 'desc');
  query =
    program === undefined
      ? query.where('program_slug', 'is', null)
      : query.where('program_slug', '=', program);
  const running = await query.executeTakeFirst();
  if (running) return { runId: running.id, resumed: true };
  const inserted = await db
    .insertInto('verification_runs')
    .values({ started_at: now.toISOString(), status: 'running', program_slug: program ?? null, as_of: asOf })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { runId: inserted.id, resumed: false };
}

/**
 * Verifies every deliverable of every award (of one program, or all): checks each source with the
 * checker (which only reads a release; no code from it ever runs), asks the arena for benchmark
 * contributions, counts evidence links, judges each deliverable (see judgeDeliverable) and records one
 * result per deliverable in a new verification run, so history accumulates across runs. A run left
 * `running` by an interruption (same program scope and as-of day) is resumed: deliverables it already
 * recorded are not checked again. Each source is checked once per run.
 *
 * @example
 * const outcome = await verifyDeliverables(db, { program: 'open-artifacts-fellowship', asOf: '2026-07-01' });
 * console.log(outcome.counts.overdue, outcome.results.filter((r) => r.status === 'fail'));
 */
export async function verifyDeliverables(
  db: Kysely<Database>,
  options: VerifyOptions = {},
): Promise<VerifyOutcome> {
  const now = options.now ?? (() => new Date());
  const asOf = options.asOf ?? today(now());
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(`${asOf}T00:00:00Z`))) {
    throw new ApertureError('ERR_USAGE', `--as-of takes a date written YYYY-MM-DD, not "${asOf}"`);
  }
  if (options.program !== undefined) {
    const found = await db
      .selectFrom('programs')
      .select('id')
      .where('slug', '=', options.program)
      .executeTakeFirst();
    if (!found) {
      throw new ApertureError(
        'ERR_NOT_FOUND',
        `no program "${options.program}"; list them with aperture programs list`,
      );
    }
  }
  const check: CheckFunction =
    options.check ?? ((target, checkOptions) => checkRelease(target, checkOptions));
  const { runId, resumed } = await openRun(db, options.program, asOf, now());
  const deliverables = await deliverablesInScope(db, options.program);
  const recorded = new Set(
    (
      await db
        .selectFrom('verification_results')
        .select('deliverable_id')
        .where('run_id', '=', runId)
        .execute()
    ).map((row) => row.deliverable_id),
  );
  const checks = new Map<string, Promise<SourceOutcome>>();
  const contributions = new Map<string, Promise<ArenaContribution[]>>();
  let done = recorded.size;
  for (const deliverable of deliverables) {
    if (recorded.has(deliverable.id)) continue;
    const definition = parseJson<DeliverableDefinition>(deliverable.definition);
    const needsCheck = deliverable.kind === 'release-pack' || deliverable.kind === 'staged-release';
    let outcome: SourceOutcome = { kind: 'none' };
    if (needsCheck && deliverable.source !== null) {
      const source = deliverable.source;
      if (!checks.has(source)) checks.set(source, checkSource(check, source, asOf));
      outcome = await checks.get(source)!;
    }
    let found: ArenaContribution[] | null = null;
    if (deliverable.kind === 'benchmark-contribution' && options.arena) {
      const team = definition.attached?.team ?? deliverable.recipient;
      const benchmark =
        definition.requirement.kind === 'benchmark-contribution'
          ? definition.requirement.benchmark
          : undefined;
      const key = JSON.stringify([team, benchmark ?? null]);
      if (!contributions.has(key))
        contributions.set(key, options.arena.findContributions({ team, benchmark }));
      found = await contributions.get(key)!;
    }
    const verdict = judgeDeliverable({
      definition,
      recipient: deliverable.recipient,
      source: deliverable.source,
      due: deliverable.due,
      asOf,
      outcome,
      contributions: found,
    });
    const checkedAt = now().toISOString();
    await upsertRows(
      db,
      'verification_results',
      [
        {
          run_id: runId,
          deliverable_id: deliverable.id,
          checked_at: checkedAt,
          status: verdict.status,
          score: verdict.score,
          mof_class: verdict.mofClass,
          missing: JSON.stringify(verdict.missing),
          report: JSON.stringify(verdict.report),
        },
      ],
      ['run_id', 'deliverable_id'],
    );
    done += 1;
    options.onProgress?.({
      done,
      total: deliverables.length,
      deliverable: {
        deliverableId: deliverable.id,
        program: deliverable.program,
        award: deliverable.award,
        recipient: deliverable.recipient,
        requirement: deliverable.requirement,
        kind: deliverable.kind,
        source: deliverable.source,
        due: deliverable.due,
        status: verdict.status,
        score: verdict.score,
        mofClass: verdict.mofClass,
        missing: verdict.missing,
        fixes: verdict.report.fixes ?? [],
        checkedAt,
      },
    });
  }
  await db
    .updateTable('verification_runs')
    .set({ status: 'finished', finished_at: now().toISOString() })
    .where('id', '=', runId)
    .execute();
  const results = await readRunResults(db, runId);
  const counts = Object.fromEntries(VERIFICATION_STATUSES.map((status) => [status, 0])) as Record<
    VerificationStatus,
    number
  >;
  for (const result of results) counts[result.status] += 1;
  return { runId, asOf, resumed, skipped: recorded.size, results, counts };
}

/** True when a verification outcome has failing or overdue deliverables (the CLI exits 1). */
export function hasFailures(outcome: Pick<VerifyOutcome, 'counts'>): boolean {
  return outcome.counts.fail + outcome.counts.overdue > 0;
}
