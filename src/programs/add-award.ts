import { type Kysely, sql, type Transaction } from 'kysely';
import { ApertureError } from '../errors.ts';
import { type Database, dialectOf, isUniqueViolation } from '../store/index.ts';
import type { Award } from './program-schema.ts';
import { awardRow, readProgramDefinition, type SaveProgramOutcome, writeProgram } from './save-program.ts';
import { requireValidProgram, validateProgramValue } from './validate-program.ts';

/**
 * Holds the program row until `trx` ends, so concurrent writers of one program's definition take turns
 * instead of each saving what it read before the other's commit. PostgreSQL locks the row; SQLite has one
 * writer at a time, and a no-op write takes its lock now rather than failing to upgrade a read later.
 */
async function lockProgram(trx: Transaction<Database>, slug: string): Promise<void> {
  if (dialectOf(trx) === 'postgres')
    await trx.selectFrom('programs').select('id').where('slug', '=', slug).forUpdate().execute();
  else await sql`update programs set slug = slug where 1 = 0`.execute(trx);
}

/**
 * Adds a new award to a stored program in one transaction: ERR_NOT_FOUND without the program, ERR_EXISTS
 * (HTTP 409) when any program has an award with that id. The award row is inserted first and the unique
 * constraint on `awards.slug` decides between concurrent adds; the program's definition is then saved
 * with the award appended (saveAward is the add-or-replace).
 *
 * @example
 * await addAward(db, 'open-artifacts-fellowship', award);
 */
export async function addAward(
  db: Kysely<Database>,
  programSlug: string,
  award: Award,
): Promise<SaveProgramOutcome> {
  return db.transaction().execute(async (trx) => {
    await lockProgram(trx, programSlug);
    const program = await readProgramDefinition(trx, programSlug);
    const { id: programId } = await trx
      .selectFrom('programs')
      .select('id')
      .where('slug', '=', programSlug)
      .executeTakeFirstOrThrow();
    try {
      await trx.insertInto('awards').values(awardRow(programId, award)).execute();
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw new ApertureError(
        'ERR_EXISTS',
        `award "${award.id}" exists; update it with PUT /api/awards/${award.id}`,
        { cause: error },
      );
    }
    const awards = [...program.awards.filter((existing) => existing.id !== award.id), award];
    const checked = requireValidProgram(
      validateProgramValue({ ...program, awards }, `program ${programSlug}`),
    );
    return writeProgram(trx, checked);
  });
}
