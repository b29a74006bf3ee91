import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { ApertureError } from '../errors.ts';
import type { Database } from '../store/index.ts';
import { readProgramFiles } from './read-program-files.ts';
import { saveProgram } from './save-program.ts';

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

/**
 * Loads the bundled demo programs (fictional, labelled as demos) into the store; safe to repeat.
 * Used by `aperture serve --demo`.
 *
 * @example
 * const { programs } = await loadDemoPrograms(store.db); // ['open-artifacts-fellowship']
 */
export async function loadDemoPrograms(
  db: Kysely<Database>,
): Promise<{ programs: string[]; awards: number }> {
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
  for (const { file, value } of programs) {
    awards += (await saveProgram(db, value, { sourceFile: file })).awards;
  }
  return { programs: programs.map((program) => program.value.id), awards };
}
