import type { Kysely } from 'kysely';
import { ApertureError } from '../errors.ts';
import {
  type AwardDetail,
  type AwardSummary,
  DELIVERABLE_STATUSES,
  type LatestResult,
  type MilestoneState,
  type ProgramDetail,
  type ProgramSummary,
  type StatusCounts,
  type VerificationStatus,
} from '../spec/index.ts';
import type { Database } from '../store/index.ts';
import { publicSourceLabel, redactServerPaths } from '../util/index.ts';
import type { DeliverableReport } from './judge-deliverable.ts';
import type { ProgramDefinition, Requirement } from './program-schema.ts';
import type { DeliverableDefinition } from './save-program.ts';

/**
 * One program as getProgram returns it: the API's ProgramDetail (which sends the requirements as defined,
 * as plain objects) with its requirements typed as the program schema defines them.
 */
export type ProgramWithRequirements = Omit<ProgramDetail, 'requirements'> & { requirements: Requirement[] };

function parseJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

function emptyCounts(): StatusCounts {
  return Object.fromEntries(DELIVERABLE_STATUSES.map((status) => [status, 0])) as StatusCounts;
}

/** Latest result per deliverable (of the given awards, or all). */
async function latestResults(db: Kysely<Database>, awardIds?: readonly number[]) {
  if (awardIds !== undefined && awardIds.length === 0) return [];
  let query = db
    .selectFrom('deliverables as d')
    .innerJoin('awards as a', 'a.id', 'd.award_id')
    .leftJoin('verification_results as r', (join) =>
      join.onRef('r.deliverable_id', '=', 'd.id').on((eb) =>
        eb(
          'r.run_id',
          '=',
          eb
            .selectFrom('verification_results as r2')
            .select((inner) => inner.fn.max('r2.run_id').as('latest'))
            .whereRef('r2.deliverable_id', '=', 'd.id'),
        ),
      ),
    )
    .select([
      'd.id as id',
      'd.award_id as awardId',
      'a.program_id as programId',
      'd.requirement as requirement',
      'd.kind as kind',
      'd.source as source',
      'd.due_date as due',
      'd.definition as definition',
      'r.run_id as runId',
      'r.checked_at as checkedAt',
      'r.status as status',
      'r.score as score',
      'r.mof_class as mofClass',
      'r.missing as missing',
      'r.report as report',
    ])
    .orderBy('d.requirement');
  if (awardIds !== undefined) query = query.where('d.award_id', 'in', awardIds);
  return query.execute();
}

type LatestRow = Awaited<ReturnType<typeof latestResults>>[number];

function countStatuses(rows: readonly LatestRow[]): StatusCounts {
  const counts = emptyCounts();
  for (const row of rows) counts[(row.status as VerificationStatus | null) ?? 'unchecked'] += 1;
  return counts;
}

function toLatest(row: LatestRow): LatestResult | null {
  if (row.runId === null || row.status === null) return null;
  return {
    runId: row.runId,
    checkedAt: row.checkedAt!,
    status: row.status,
    score: row.score === null ? null : Number(row.score),
    mofClass: row.mofClass,
    // Messages of a failed check may name where the server read the release: never shown.
    missing: parseJson<string[]>(row.missing).map((text) => redactServerPaths(text)),
    fixes: (parseJson<DeliverableReport>(row.report).fixes ?? []).map((text) => redactServerPaths(text)),
  };
}

/**
 * Every program with award totals and its deliverables counted by latest verification status.
 *
 * @example
 * const programs = await listPrograms(db);
 */
export async function listPrograms(db: Kysely<Database>): Promise<ProgramSummary[]> {
  const programs = await db.selectFrom('programs').selectAll().orderBy('slug').execute();
  const awards = await db.selectFrom('awards').selectAll().execute();
  const latest = await latestResults(db);
  return programs.map((program) => {
    const own = awards.filter((award) => award.program_id === program.id);
    return {
      id: program.slug,
      name: program.name,
      kind: program.kind,
      funder: program.funder,
      demo: Boolean(program.demo),
      currency: program.currency,
      totalBudget: Number(program.total_budget),
      computeBudgetGpuHours:
        program.compute_budget_gpu_hours === null ? null : Number(program.compute_budget_gpu_hours),
      startDate: program.start_date,
      endDate: program.end_date,
      awardCount: own.length,
      awardedMoney: own.reduce((sum, award) => sum + Number(award.money_amount), 0),
      awardedGpuHours: own.reduce((sum, award) => sum + Number(award.compute_gpu_hours), 0),
      status: countStatuses(latest.filter((row) => row.programId === program.id)),
    };
  });
}

type AwardRow = Awaited<ReturnType<ReturnType<typeof awardRows>['execute']>>[number];

function awardRows(db: Kysely<Database>) {
  return db
    .selectFrom('awards as a')
    .innerJoin('programs as p', 'p.id', 'a.program_id')
    .selectAll('a')
    .select(['p.slug as programSlug', 'p.name as programName', 'p.currency as currency'])
    .orderBy('a.slug');
}

function toAwardSummary(award: AwardRow, latest: readonly LatestRow[]): AwardSummary {
  return {
    id: award.slug,
    program: award.programSlug,
    recipient: award.recipient,
    recipientType: award.recipient_type,
    institution: award.institution,
    country: award.country,
    money: Number(award.money_amount),
    computeGpuHours: Number(award.compute_gpu_hours),
    startDate: award.start_date,
    endDate: award.end_date,
    status: countStatuses(latest.filter((row) => row.awardId === award.id)),
  };
}

/** One program with its requirements and awards; ERR_NOT_FOUND when unknown. */
export async function getProgram(db: Kysely<Database>, slug: string): Promise<ProgramWithRequirements> {
  const summary = (await listPrograms(db)).find((program) => program.id === slug);
  if (!summary) throw new ApertureError('ERR_NOT_FOUND', `no program "${slug}"`);
  const row = await db
    .selectFrom('programs')
    .select('definition')
    .where('slug', '=', slug)
    .executeTakeFirstOrThrow();
  const definition = parseJson<ProgramDefinition>(row.definition);
  const awards = await awardRows(db).where('p.slug', '=', slug).execute();
  const latest = await latestResults(
    db,
    awards.map((award) => award.id),
  );
  return {
    ...summary,
    description: definition.description ?? null,
    url: definition.url ?? null,
    requirements: definition.requirements,
    awards: awards.map((award) => toAwardSummary(award, latest)),
  };
}

/** One award with deliverables, timeline and history; ERR_NOT_FOUND when unknown. */
export async function getAward(db: Kysely<Database>, slug: string): Promise<AwardDetail> {
  const award = await awardRows(db).where('a.slug', '=', slug).executeTakeFirst();
  if (!award) throw new ApertureError('ERR_NOT_FOUND', `no award "${slug}"`);
  const latest = await latestResults(db, [award.id]);
  const deliverables = latest.map((row) => {
    const definition = parseJson<DeliverableDefinition>(row.definition);
    return {
      id: row.id,
      requirement: row.requirement,
      kind: row.kind,
      title: definition.requirement.title ?? null,
      // Local sources are stored resolved on the server: shown relative, or by their last part.
      source: row.source === null ? null : publicSourceLabel(row.source),
      due: row.due,
      latest: toLatest(row),
    };
  });
  const timeline = latest.flatMap((row): MilestoneState[] => {
    if (row.kind !== 'staged-release') return [];
    if (row.report !== null) return parseJson<DeliverableReport>(row.report).timeline ?? [];
    const definition = parseJson<DeliverableDefinition>(row.definition);
    const milestones =
      definition.attached?.milestones ??
      (definition.requirement.kind === 'staged-release' ? definition.requirement.milestones : []);
    return milestones.map((milestone) => ({ ...milestone, released: null, state: 'pending' }));
  });
  const history = await db
    .selectFrom('verification_results as r')
    .innerJoin('deliverables as d', 'd.id', 'r.deliverable_id')
    .innerJoin('verification_runs as v', 'v.id', 'r.run_id')
    .select([
      'r.run_id as runId',
      'r.checked_at as checkedAt',
      'v.as_of as asOf',
      'd.requirement as requirement',
      'r.status as status',
      'r.score as score',
      'r.mof_class as mofClass',
    ])
    .where('d.award_id', '=', award.id)
    .orderBy('r.run_id', 'desc')
    .orderBy('d.requirement')
    .execute();
  return {
    ...toAwardSummary(award, latest),
    programName: award.programName,
    currency: award.currency,
    deliverables,
    timeline,
    history: history.map((entry) => ({ ...entry, score: entry.score === null ? null : Number(entry.score) })),
  };
}
