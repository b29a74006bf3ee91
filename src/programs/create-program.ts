import type { Kysely } from 'kysely';
import { ApertureError } from '../errors.ts';
import { type Database, isUniqueViolation } from '../store/index.ts';
import type { ProgramDefinition } from './program-schema.ts';
import {
  programRow,
  type SaveProgramOptions,
  type SaveProgramOutcome,
  writeProgram,
} from './save-program.ts';

/**
 * Creates a program with its awards, deliverables and funding row in one transaction. The program row is
 * inserted first and the unique constraint on `programs.slug` decides between concurrent creates: the
 * loser aborts with ERR_EXISTS (HTTP 409) and writes nothing. saveProgram is the create-or-replace.
 *
 * @example
 * await createProgram(db, definition); // ERR_EXISTS when a program with definition.id is stored
 */
export async function createProgram(
  db: Kysely<Database>,
  program: ProgramDefinition,
  options: SaveProgramOptions = {},
): Promise<SaveProgramOutcome> {
  return db.transaction().execute(async (trx) => {
    const updatedAt = (options.now ?? new Date()).toISOString();
    try {
      await trx
        .insertInto('programs')
        .values(programRow(program, options.sourceFile ?? null, updatedAt))
        .execute();
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw new ApertureError(
        'ERR_EXISTS',
        `program "${program.id}" exists; update it with PUT /api/programs/${program.id}`,
        { cause: error },
      );
    }
    return writeProgram(trx, program, options);
  });
}
