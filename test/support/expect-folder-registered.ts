import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect } from 'vitest';

/** How a plug-in family lays out its folder: which files hold no plug-in, and how to tell one. */
export interface FolderRegistryOptions<T> {
  /** Files of the folder that hold no plug-in (the family's type, registry, runner, parsers, helpers). */
  notPlugins: ReadonlyArray<string | RegExp>;
  /** Tells a plug-in object among a module's exports. */
  isPlugin: (value: unknown) => value is T;
  /** The file (without `.ts`) a registered plug-in lives in; its id by default. */
  fileOf?: (plugin: T) => string;
  /** Plug-in files that export a factory (pass@k for any k) rather than one plug-in object. */
  factories?: readonly string[];
  /** How many plug-in files the folder holds at least (guards against reading the wrong folder). */
  atLeast?: number;
}

/** The folder's plug-in files: top-level `.ts` files but tests, declarations and `notPlugins`. */
function pluginFiles(folder: string, notPlugins: ReadonlyArray<string | RegExp>): string[] {
  return readdirSync(folder)
    .filter((name) => statSync(path.join(folder, name)).isFile())
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts'))
    .filter(
      (name) => !notPlugins.some((rule) => (typeof rule === 'string' ? rule === name : rule.test(name))),
    )
    .sort();
}

/**
 * Asserts a plug-in family's registry and folder agree, as Scorecard's check registry test does: every
 * plug-in file exports exactly one plug-in object (a factory file none) and it is registered, every file has a
 * registered plug-in, every registered plug-in has its file (`fileOf`, the id by default), and ids are
 * unique. Each family's own test then checks its documentation fields.
 *
 * @example
 * await expectFolderRegistered(import.meta.dirname, ALL_CHECKS, {
 *   notPlugins: ['check.ts', 'registry.ts', 'run-checks.ts', 'index.ts'],
 *   isPlugin: (value): value is Check => typeof (value as Check)?.run === 'function',
 * });
 */
export async function expectFolderRegistered<T extends { readonly id: string }>(
  folder: string,
  registry: readonly T[],
  options: FolderRegistryOptions<T>,
): Promise<void> {
  const fileOf = options.fileOf ?? ((plugin: T) => plugin.id);
  const files = pluginFiles(folder, options.notPlugins);
  expect(files.length, `plug-in files in ${folder}`).toBeGreaterThanOrEqual(options.atLeast ?? 1);

  const fileIds = files.map((file) => file.replace(/\.ts$/, ''));
  for (const file of files) {
    const module: Record<string, unknown> = await import(pathToFileURL(path.join(folder, file)).href);
    const plugins = Object.values(module).filter(options.isPlugin);
    const expected = options.factories?.includes(file) ? 0 : 1;
    expect(plugins.length, `${file} exports ${expected} plug-in object(s)`).toBe(expected);
    for (const plugin of plugins) expect(registry, `${file}: ${plugin.id} is registered`).toContain(plugin);
    const registered = registry.filter((plugin) => fileOf(plugin) === file.replace(/\.ts$/, ''));
    expect(registered.length, `${file} has a registered plug-in named after it`).toBeGreaterThanOrEqual(1);
  }
  for (const plugin of registry)
    expect(fileIds, `${plugin.id} is registered but has no file of its own`).toContain(fileOf(plugin));

  const ids = registry.map((plugin) => plugin.id);
  expect(new Set(ids).size, `ids are unique: ${ids.join(', ')}`).toBe(ids.length);
}
