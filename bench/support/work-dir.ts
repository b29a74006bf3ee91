import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Where benchmarks keep generated data (gitignored); reused across runs. */
export const WORK_DIR = path.resolve(import.meta.dirname, '..', '.work');

/**
 * A nested Biome configuration that keeps the formatter and linter out of generated data: the packs
 * hold thousands of JSON files that `biome check .` would otherwise read and want to reformat.
 */
const BIOME_IGNORE_ALL = `${JSON.stringify({ root: false, files: { includes: ['!**'] } })}\n`;

/** Creates the work folder, with its Biome opt-out, when missing. */
export async function ensureWorkDir(): Promise<void> {
  await mkdir(WORK_DIR, { recursive: true });
  await writeFile(path.join(WORK_DIR, 'biome.json'), BIOME_IGNORE_ALL);
}

/** A subfolder of the work folder, created when missing. */
export async function workSubdir(name: string): Promise<string> {
  await ensureWorkDir();
  const dir = path.join(WORK_DIR, name);
  await mkdir(dir, { recursive: true });
  return dir;
}

/** Reads a JSON stamp written by `writeStamp`, or null when it is missing or unreadable. */
export async function readStamp<T>(file: string): Promise<T | null> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

/** Writes a JSON stamp that says generated data is complete and what it holds. */
export async function writeStamp(file: string, value: unknown): Promise<void> {
  await writeFile(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** Removes generated data: the whole work folder, or one benchmark's subfolder. */
export async function cleanWorkDir(name?: string): Promise<string> {
  const target = name ? path.join(WORK_DIR, name) : WORK_DIR;
  await rm(target, { recursive: true, force: true });
  return target;
}
