import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { ApertureError } from '../errors.ts';
import type { Database } from '../store/index.ts';
import { arenaStoreLookup } from './arena-store-lookup.ts';
import { findProgramWarnings } from './program-warnings.ts';
import { readProgramFiles } from './read-program-files.ts';
import { saveProgram } from './save-program.ts';
import { verifyDeliverables } from './verify-deliverables.ts';

/** The folder of bundled demo programs, relative to the package root. */
export const DEMO_PROGRAMS_RELATIVE_PATH = 'programs';

/**
 * The bundled programs/ folder: found from this module's location, `src/programs` from source and
 * `dist/src/programs` when built, both under the package root.
 */
export function demoProgramsPath(): string {
  const candidates = [2, 3].map((levels) =>
    path.resolve(import.meta.dirname, ...Array<string>(levels).fill('..'), DEMO_PROGRAMS_RELATIVE_PATH),
  );
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) {
    throw new ApertureError(
      'ERR_NOT_FOUND',
      `the bundled demo programs are missing (looked for ${candidates.join(' and ')}); reinstall Aperture`,
    );
  }
  return found;
}

/** Options of loadDemoPrograms. */
export interface LoadDemoProgramsOptions {
  /**
   * Verify each demo program that was never verified (the bundled example packs are local, so this is
   * offline and takes about a second), so the dashboard shows results. Later runs are the user's.
   */
  verify?: boolean;
  /** Judge as of this day (YYYY-MM-DD); today by default. */
  asOf?: string;
}

/**
 * Loads the bundled demo programs (fictional, labelled as demos) into the store; safe to repeat.
 * Used by `aperture serve --demo`, after the demo arena (so the benchmarks they name exist), which
 * prints the `warnings` (see programWarnings) one line each.
 *
 * @example
 * const { programs } = await loadDemoPrograms(store.db, { verify: true }); // ['open-artifacts-fellowship']
 */
export async function loadDemoPrograms(
  db: Kysely<Database>,
  options: LoadDemoProgramsOptions = {},
): Promise<{ programs: string[]; awards: number; verified: string[]; warnings: string[] }> {
  const folder = demoProgramsPath();
  const { programs, invalid } = await readProgramFiles(folder, { cwd: path.dirname(folder) });
  if (invalid.length > 0) {
    const first = invalid[0]!;
    throw new ApertureError(
      'ERR_INTERNAL',
      `a bundled demo program is invalid: ${first.file}: ${first.issues[0]?.message}`,
    );
  }
  let awards = 0;
  const warnings: string[] = [];
  for (const { file, value } of programs) {
    for (const warning of await findProgramWarnings(db, value)) warnings.push(`${file}: ${warning}`);
    awards += (await saveProgram(db, value, { sourceFile: file })).awards;
  }
  const verified: string[] = [];
  if (options.verify) {
    for (const { value } of programs) {
      const runs = await db
        .selectFrom('verification_runs')
        .select('id')
        .where('program_slug', '=', value.id)
        .limit(1)
        .execute();
      if (runs.length > 0) continue;
      await verifyDeliverables(db, { program: value.id, asOf: options.asOf, arena: arenaStoreLookup(db) });
      verified.push(value.id);
    }
  }
  return { programs: programs.map((program) => program.value.id), awards, verified, warnings };
}
