import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { loadPolicy } from '../checker/index.ts';
import { ApertureError } from '../errors.ts';
import { decodeUtf8Strict } from '../util/index.ts';
import type { ProgramDefinition } from './program-schema.ts';
import { type ProgramValidation, validateProgramText } from './validate-program.ts';

/** Program files read from a folder or a file: the valid definitions and the invalid files. */
export interface ProgramFiles {
  programs: Array<{ file: string; value: ProgramDefinition }>;
  invalid: Array<Extract<ProgramValidation, { ok: false }>>;
}

/** True for a source that is a local folder (not `hf:`, a URL or an scp-style git address). */
export function isLocalSource(source: string): boolean {
  return !(
    source.startsWith('hf:') ||
    /^[a-z][a-z0-9+.-]*:\/\//i.test(source) ||
    /^[\w.-]+@[\w.-]+:/.test(source)
  );
}

/**
 * Makes a definition independent of where its file lies: folder sources become absolute paths and
 * policy files are read and inlined (validated by the checker's policy loader).
 */
export async function resolveProgramPaths(
  program: ProgramDefinition,
  baseDir: string,
): Promise<ProgramDefinition> {
  const resolveSource = (source: string | undefined) =>
    source === undefined || !isLocalSource(source) ? source : path.resolve(baseDir, source);
  const requirements = await Promise.all(
    program.requirements.map(async (requirement) =>
      requirement.kind === 'release-pack' && typeof requirement.policy === 'string'
        ? { ...requirement, policy: await loadPolicy(path.resolve(baseDir, requirement.policy)) }
        : requirement,
    ),
  );
  const awards = program.awards.map((award) => ({
    ...award,
    source: resolveSource(award.source),
    deliverables: award.deliverables.map((deliverable) => ({
      ...deliverable,
      source: resolveSource(deliverable.source),
    })),
  }));
  return { ...program, requirements, awards };
}

async function programFilesIn(target: string): Promise<string[]> {
  const info = await stat(target).catch(() => {
    throw new ApertureError('ERR_NOT_FOUND', `no such file or folder: ${target}`);
  });
  if (!info.isDirectory()) return [target];
  const names = (await readdir(target)).filter((name) => /\.ya?ml$/i.test(name)).sort();
  if (names.length === 0) {
    throw new ApertureError('ERR_NOT_FOUND', `no program files (*.yaml) in ${target}`);
  }
  return names.map((name) => path.join(target, name));
}

/**
 * Reads and validates every program file of a folder (`*.yaml`, `*.yml`) or one file. Invalid files come
 * back with located issues; valid ones with their paths resolved (see resolveProgramPaths).
 *
 * @example
 * const { programs, invalid } = await readProgramFiles('programs');
 */
export async function readProgramFiles(
  target: string,
  options: { cwd?: string } = {},
): Promise<ProgramFiles> {
  const absolute = path.resolve(options.cwd ?? process.cwd(), target);
  const result: ProgramFiles = { programs: [], invalid: [] };
  for (const file of await programFilesIn(absolute)) {
    const shown = path.relative(options.cwd ?? process.cwd(), file) || file;
    const text = decodeUtf8Strict(await readFile(file), shown);
    const validation = validateProgramText(text, shown);
    if (validation.ok) {
      result.programs.push({
        file: shown,
        value: await resolveProgramPaths(validation.value, path.dirname(file)),
      });
    } else result.invalid.push(validation);
  }
  const seen = new Map<string, string>();
  for (const { file, value } of result.programs) {
    const other = seen.get(value.id);
    if (other)
      throw new ApertureError(
        'ERR_USAGE',
        `program id "${value.id}" is defined in both ${other} and ${file}`,
      );
    seen.set(value.id, file);
  }
  return result;
}
