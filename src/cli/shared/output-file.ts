import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ApertureError } from '../../errors.ts';
import type { CliIo } from '../io.ts';

/**
 * Resolves an output file against the working directory and makes sure its folder exists, so a long
 * check does not end in a write error.
 *
 * @example
 * const output = await resolveOutput(io, options.output); // undefined: standard output
 */
export async function resolveOutput(io: CliIo, file: string | undefined): Promise<string | undefined> {
  if (file === undefined) return undefined;
  if (file.trim() === '') throw new ApertureError('ERR_USAGE', '--output needs a file name');
  const resolved = path.resolve(io.cwd, file);
  const folder = await stat(path.dirname(resolved)).catch(() => null);
  if (!folder?.isDirectory()) {
    throw new ApertureError('ERR_NOT_FOUND', `cannot write ${file}: no folder ${path.dirname(file)}`);
  }
  return resolved;
}

/** Writes a report to the resolved output file. */
export async function writeOutput(resolved: string, shown: string, text: string): Promise<void> {
  await writeFile(resolved, text, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new ApertureError('ERR_USAGE', `cannot write ${shown}: ${error.code ?? error.message}`, {
      cause: error,
    });
  });
}
