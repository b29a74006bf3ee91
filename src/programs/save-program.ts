import type { Insertable, Kysely, Transaction } from 'kysely';
import { ApertureError } from '../errors.ts';
import {
  type AwardsTable,
  bumpCatalogVersion,
  type Database,
  type ProgramsTable,
  upsertRows,
} from '../store/index.ts';
import { openFundingOf } from './open-funding.ts';
import type { Award, AwardDeliverable, ProgramDefinition, Requirement } from './program-schema.ts';
import { requireValidProgram, validateProgramValue } from './validate-program.ts';

/** `funding_programs.source` of rows written for Aperture programs. */
export const FUNDING_SOURCE = 'aperture-program';

/** What one deliverable is asked to do, as stored in `deliverables.definition`. */
export interface DeliverableDefinition {
  requirement: Requirement;
  /** The award's own entry for the requirement, if any. */
  attached: AwardDeliverable | null;
}

/** What saveProgram wrote. */
export interface SaveProgramOutcome {
  program: string;
  awards: number;
  deliverables: number;
  /** Awards of the program that were stored but are no longer defined, now deleted. */
  removedAwards: number;
}

/** Where an award's deliverable for `requirement` comes from and when it is due. */
export function deliverableOf(
  award: Award,
  requirement: Requirement,
): { source: string | null; due: string; attached: AwardDeliverable | null } {
  const attached = award.deliverables.find((entry) => entry.requirement === requirement.id) ?? null;
  const milestones =
    attached?.milestones ?? (requirement.kind === 'staged-release' ? requirement.milestones : []);
  const lastMilestone = milestones
    .map((milestone) => milestone.due)
    .sort()
    .at(-1);
  return {
    source: attached?.source ?? award.source ?? null,
    due: attached?.due ?? lastMilestone ?? award.endDate,
    attached,
  };
}

function fundingUrl(slug: string): string {
  return `aperture:programs/${slug}`;
}

/** The `awards` row of an award of program row `programId`. */
export function awardRow(programId: number, award: Award): Insertable<AwardsTable> {
  return {
    slug: award.id,
    program_id: programId,
    recipient: award.recipient,
    recipient_type: award.recipientType,
    institution: award.institution ?? null,
    country: award.country ?? null,
    money_amount: award.money,
    compute_gpu_hours: award.computeGpuHours,
    start_date: award.startDate,
    end_date: award.endDate,
    definition: JSON.stringify(award),
  };
}

/** The `programs` row of a definition, last updated at `updatedAt`. */
export function programRow(
  program: ProgramDefinition,
  sourceFile: string | null,
  updatedAt: string,
): Insertable<ProgramsTable> {
  return {
    slug: program.id,
    name: program.name,
    kind: program.kind,
    funder: program.funder,
    currency: program.currency,
    total_budget: program.totalBudget,
    compute_budget_gpu_hours: program.computeBudgetGpuHours ?? null,
    start_date: program.startDate ?? null,
    end_date: program.endDate ?? null,
    demo: program.demo ? 1 : 0,
    definition: JSON.stringify(program),
    source_file: sourceFile,
    updated_at: updatedAt,
  };
}

async function writeAwards(
  trx: Kysely<Database>,
  programId: number,
  program: ProgramDefinition,
  awards: readonly Award[],
): Promise<number> {
  let deliverables = 0;
  for (const award of awards) {
    const owner = await trx
      .selectFrom('awards')
      .innerJoin('programs', 'programs.id', 'awards.program_id')
      .select('programs.slug')
      .where('awards.slug', '=', award.id)
      .executeTakeFirst();
    if (owner && owner.slug !== program.id) {
      throw new ApertureError(
        'ERR_USAGE',
        `award id "${award.id}" already belongs to program "${owner.slug}"; award ids are unique across programs`,
      );
    }
    await upsertRows(trx, 'awards', [awardRow(programId, award)], ['slug']);
    const { id: awardId } = await trx
      .selectFrom('awards')
      .select('id')
      .where('slug', '=', award.id)
      .executeTakeFirstOrThrow();
    const rows = program.requirements.map((requirement) => {
      const { source, due, attached } = deliverableOf(award, requirement);
      const definition: DeliverableDefinition = { requirement, attached };
      return {
        award_id: awardId,
        requirement: requirement.id,
        kind: requirement.kind,
        source,
        due_date: due,
        definition: JSON.stringify(definition),
      };
    });
    await upsertRows(trx, 'deliverables', rows, ['award_id', 'requirement']);
    await trx
      .deleteFrom('deliverables')
      .where('award_id', '=', awardId)
      .where(
        'requirement',
        'not in',
        program.requirements.map((requirement) => requirement.id),
      )
      .execute();
    deliverables += rows.length;
  }
  return deliverables;
}

async function writeFunding(trx: Kysely<Database>, program: ProgramDefinition): Promise<void> {
  const { totalAmount, openAmount } = openFundingOf(program);
  await trx
    .deleteFrom('funding_programs')
    .where('source', '=', FUNDING_SOURCE)
    .where('source_url', '=', fundingUrl(program.id))
    .execute();
  await upsertRows(
    trx,
    'funding_programs',
    [
      {
        source: FUNDING_SOURCE,
        name: program.name,
        funder: program.funder,
        country: program.country ?? null,
        currency: program.currency,
        total_amount: totalAmount,
        open_amount: openAmount,
        start_year: program.startDate ? Number(program.startDate.slice(0, 4)) : null,
        source_url: fundingUrl(program.id),
      },
    ],
    ['source', 'name'],
  );
  // funding_programs feeds the open-funding-share indicator, whose cached answers key on this version.
  await bumpCatalogVersion(trx);
}

/** Options of saveProgram and createProgram. */
export interface SaveProgramOptions {
  /** The file the definition was read from; null over the API. */
  sourceFile?: string | null;
  /** The clock of `updated_at`; now by default. */
  now?: Date;
}

/**
 * Inserts or updates a program with its awards and their deliverables (one per program requirement), in
 * one transaction, and writes its `funding_programs` row for the observatory. Idempotent: saving the
 * same definition again changes nothing; awards no longer in the definition are deleted with their
 * deliverables and verification results.
 *
 * @example
 * await saveProgram(db, definition, { sourceFile: 'programs/fellowship.yaml' });
 */
export async function saveProgram(
  db: Kysely<Database>,
  program: ProgramDefinition,
  options: SaveProgramOptions = {},
): Promise<SaveProgramOutcome> {
  return db.transaction().execute((trx) => writeProgram(trx, program, options));
}

/**
 * saveProgram's writes inside the caller's transaction `trx`, for writers that first claim a row in
 * that transaction (createProgram, addAward).
 */
export async function writeProgram(
  trx: Transaction<Database>,
  program: ProgramDefinition,
  options: SaveProgramOptions = {},
): Promise<SaveProgramOutcome> {
  const existing = await trx
    .selectFrom('programs')
    .select(['id', 'definition', 'updated_at'])
    .where('slug', '=', program.id)
    .executeTakeFirst();
  // Re-saving an unchanged definition leaves updated_at alone, so a reload is a no-op.
  const unchanged = existing !== undefined && normaliseJson(existing.definition) === canonicalJson(program);
  const updatedAt = unchanged ? existing.updated_at : (options.now ?? new Date()).toISOString();
  await upsertRows(trx, 'programs', [programRow(program, options.sourceFile ?? null, updatedAt)], ['slug']);
  const { id: programId } = await trx
    .selectFrom('programs')
    .select('id')
    .where('slug', '=', program.id)
    .executeTakeFirstOrThrow();
  const deliverables = await writeAwards(trx, programId, program, program.awards);
  const keep = program.awards.map((award) => award.id);
  let stale = trx.deleteFrom('awards').where('program_id', '=', programId);
  if (keep.length > 0) stale = stale.where('slug', 'not in', keep);
  const removed = await stale.executeTakeFirst();
  await writeFunding(trx, program);
  return {
    program: program.id,
    awards: program.awards.length,
    deliverables,
    removedAwards: Number(removed.numDeletedRows ?? 0),
  };
}

/** JSON with keys sorted, so text stored by PostgreSQL's jsonb (which reorders keys) compares equal. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

function normaliseJson(value: unknown): string {
  return canonicalJson(typeof value === 'string' ? JSON.parse(value) : value);
}

/** Deletes a program with its awards, deliverables, results and funding row; false when it did not exist. */
export async function deleteProgram(db: Kysely<Database>, slug: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const removed = await trx.deleteFrom('programs').where('slug', '=', slug).executeTakeFirst();
    await trx
      .deleteFrom('funding_programs')
      .where('source', '=', FUNDING_SOURCE)
      .where('source_url', '=', fundingUrl(slug))
      .execute();
    await bumpCatalogVersion(trx);
    return Number(removed.numDeletedRows ?? 0) > 0;
  });
}

/** Reads the stored definition of a program; ERR_NOT_FOUND when there is none. */
export async function readProgramDefinition(db: Kysely<Database>, slug: string): Promise<ProgramDefinition> {
  const row = await db
    .selectFrom('programs')
    .select('definition')
    .where('slug', '=', slug)
    .executeTakeFirst();
  if (!row)
    throw new ApertureError('ERR_NOT_FOUND', `no program "${slug}"; list them with aperture programs list`);
  return (
    typeof row.definition === 'string' ? JSON.parse(row.definition) : row.definition
  ) as ProgramDefinition;
}

/** Adds or replaces one award of a stored program (the program's definition stays the one source of truth). */
export async function saveAward(
  db: Kysely<Database>,
  programSlug: string,
  award: Award,
): Promise<SaveProgramOutcome> {
  const program = await readProgramDefinition(db, programSlug);
  const awards = program.awards.filter((existing) => existing.id !== award.id);
  const index = program.awards.findIndex((existing) => existing.id === award.id);
  awards.splice(index === -1 ? awards.length : index, 0, award);
  const checked = requireValidProgram(validateProgramValue({ ...program, awards }, `program ${programSlug}`));
  return saveProgram(db, checked);
}

/** Deletes one award by id; false when no program has it. */
export async function deleteAward(db: Kysely<Database>, awardSlug: string): Promise<boolean> {
  const owner = await db
    .selectFrom('awards')
    .innerJoin('programs', 'programs.id', 'awards.program_id')
    .select('programs.slug')
    .where('awards.slug', '=', awardSlug)
    .executeTakeFirst();
  if (!owner) return false;
  const program = await readProgramDefinition(db, owner.slug);
  await saveProgram(db, { ...program, awards: program.awards.filter((award) => award.id !== awardSlug) });
  return true;
}
