import { describe, expect, it } from 'vitest';
import { indexFiles } from './file-index.ts';
import { memoryPack } from './memory-pack.ts';
import { readManifest } from './read-manifest.ts';

async function manifestOf(files: Record<string, string | Uint8Array>) {
  const pack = memoryPack(files);
  return readManifest(pack, indexFiles(await pack.listFiles()).byPath);
}

describe('readManifest', () => {
  it('is absent without release-pack.yaml and reads release-pack.yml too', async () => {
    expect(await manifestOf({ 'README.md': '# x' })).toEqual({ state: 'absent' });
    const yml = await manifestOf({
      'release-pack.yml': 'spec: aperture.dev/release-pack/v1\nmodel: { name: Tiny, organization: Lab }\n',
    });
    expect(yml.state !== 'absent' && yml.file).toBe('release-pack.yml');
  });

  it('records an invalid manifest with its issues', async () => {
    const manifest = await manifestOf({ 'release-pack.yaml': 'spec: nope\n' });
    expect(manifest.state).toBe('invalid');
    expect(manifest.state === 'invalid' && manifest.issues.length).toBeGreaterThan(0);
  });

  it('refuses a manifest that is not UTF-8', async () => {
    await expect(
      manifestOf({ 'release-pack.yaml': new Uint8Array([0x73, 0x70, 0x65, 0x63, 0x3a, 0xff]) }),
    ).rejects.toThrow(/not valid UTF-8/);
  });

  it('refuses a manifest over 1 MiB', async () => {
    await expect(manifestOf({ 'release-pack.yaml': `# ${'x'.repeat(1024 * 1024)}\n` })).rejects.toMatchObject(
      { code: 'ERR_YAML_LIMIT' },
    );
  });
});
