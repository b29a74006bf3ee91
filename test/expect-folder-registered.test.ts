import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectFolderRegistered } from './support/expect-folder-registered.ts';

interface Plugin {
  id: string;
  run(): string;
}

const isPlugin = (value: unknown): value is Plugin =>
  typeof value === 'object' && value !== null && typeof (value as Plugin).run === 'function';

let folder = '';
let alpha: Plugin;
let beta: Plugin;
beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'aperture-registry-'));
  const plugin = (id: string) => `export const plugin = { id: '${id}', run: () => '${id}' };\n`;
  await writeFile(path.join(folder, 'alpha.ts'), plugin('alpha'));
  await writeFile(path.join(folder, 'beta.ts'), plugin('beta'));
  await writeFile(path.join(folder, 'registry.ts'), 'export const REGISTRY = [];\n');
  alpha = (await import(pathToFileURL(path.join(folder, 'alpha.ts')).href)).plugin;
  beta = (await import(pathToFileURL(path.join(folder, 'beta.ts')).href)).plugin;
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('expectFolderRegistered', () => {
  const options = { notPlugins: ['registry.ts'], isPlugin };

  it('passes when the folder and the registry agree', async () => {
    await expectFolderRegistered(folder, [alpha, beta], options);
  });

  it('fails for a file whose plug-in is not registered', async () => {
    await expect(expectFolderRegistered(folder, [alpha], options)).rejects.toThrow(
      /beta\.ts: beta is registered/,
    );
  });

  it('fails for a registered plug-in without a file', async () => {
    const stray = { id: 'gamma', run: () => 'gamma' };
    await expect(expectFolderRegistered(folder, [alpha, beta, stray], options)).rejects.toThrow(
      /gamma is registered but has no file of its own/,
    );
  });

  it('fails for duplicate ids and for too few files', async () => {
    const twin = { id: 'alpha', run: () => 'twin' };
    await expect(expectFolderRegistered(folder, [alpha, beta, twin], options)).rejects.toThrow(/unique/);
    await expect(expectFolderRegistered(folder, [alpha, beta], { ...options, atLeast: 3 })).rejects.toThrow(
      /plug-in files/,
    );
  });
});
