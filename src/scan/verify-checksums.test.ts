import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ResolvedComponent, validateManifestText } from '../spec/index.ts';
import { sha256Hex } from '../util/index.ts';
import { declaredComponents } from './declared-components.ts';
import { indexFiles } from './file-index.ts';
import { openFolderPack } from './folder-pack.ts';
import { memoryPack } from './memory-pack.ts';
import type { Pack } from './pack.ts';
import { verifyChecksums } from './verify-checksums.ts';

const HEADER = `spec: aperture.dev/release-pack/v1
model:
  name: Tiny
  organization: Example Lab
`;

async function componentsOf(pack: Pack, components: string): Promise<ResolvedComponent[]> {
  const manifest = validateManifestText(`${HEADER}components:\n${components}`, 'release-pack.yaml');
  if (manifest.state !== 'valid') throw new Error('invalid manifest');
  return declaredComponents(manifest, indexFiles(await pack.listFiles()), null);
}

describe('verifyChecksums', () => {
  it('hashes declared local files in parallel, with progress', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'aperture-collect-'));
    try {
      await writeFile(path.join(dir, 'a.bin'), 'alpha');
      await writeFile(path.join(dir, 'b.bin'), 'beta');
      const pack = await openFolderPack(dir);
      const components = await componentsOf(
        pack,
        `  final-parameters:
    status: released
    location: a.bin
    sha256: ${sha256Hex('alpha')}
  intermediate-checkpoints:
    status: released
    location: .
    artifacts:
      - { path: b.bin, sha256: ${sha256Hex('not beta')} }
      - { path: c.bin, sha256: "${'0'.repeat(64)}" }
`,
      );
      const events: number[] = [];
      const outcomes = await verifyChecksums(pack, components, indexFiles(await pack.listFiles()).byPath, {
        onProgress: (event) => {
          if (event.phase === 'hash') events.push(event.bytesDone);
        },
      });
      expect(outcomes).toEqual([
        { path: 'a.bin', expected: sha256Hex('alpha'), actual: sha256Hex('alpha'), method: 'computed' },
        { path: 'b.bin', expected: sha256Hex('not beta'), actual: sha256Hex('beta'), method: 'computed' },
        {
          path: 'c.bin',
          expected: '0'.repeat(64),
          actual: null,
          method: 'computed',
          error: 'file not found in the pack',
        },
      ]);
      expect(events.at(-1)).toBe(9);
      await pack.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reads a file of a pack without a disk, takes a digest its source gives, and names an escaping path', async () => {
    const digest = 'f'.repeat(64);
    const inMemory = memoryPack({ 'w.bin': 'weights', 'lfs.bin': 'pointer' });
    const listed = (await inMemory.listFiles()).map((file) =>
      file.path === 'lfs.bin' ? { ...file, sourceSha256: digest } : file,
    );
    const pack: Pack = { ...inMemory, listFiles: async () => listed };
    const components = await componentsOf(
      pack,
      `  final-parameters:
    status: released
    location: .
    artifacts:
      - { path: w.bin, sha256: ${sha256Hex('weights')} }
      - { path: lfs.bin, sha256: ${digest} }
      - { path: ../outside.bin, sha256: ${digest} }
`,
    );
    const outcomes = await verifyChecksums(pack, components, indexFiles(listed).byPath, {});
    expect(outcomes.slice(0, 2)).toEqual([
      { path: 'w.bin', expected: sha256Hex('weights'), actual: sha256Hex('weights'), method: 'computed' },
      { path: 'lfs.bin', expected: digest, actual: digest, method: 'source' },
    ]);
    expect(outcomes[2]).toMatchObject({ path: '../outside.bin', actual: null, error: expect.any(String) });
  });
});
