import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkRelease } from '../checker/index.ts';
import { collectEvidence } from './collect-evidence.ts';
import { parseLfsPointer, withLfsPointers } from './lfs-pointers.ts';
import { memoryPack } from './memory-pack.ts';
import { tempGitRepo } from './test-support/temp-git-repo.ts';

const WEIGHTS = Buffer.alloc(4096, 7);
const OID = createHash('sha256').update(WEIGHTS).digest('hex');
const POINTER = `version https://git-lfs.github.com/spec/v1\noid sha256:${OID}\nsize ${WEIGHTS.length}\n`;
const MANIFEST = `spec: aperture.dev/release-pack/v1
model: { name: Tiny, organization: Lab }
licenses: { distribution: Apache-2.0 }
components:
  final-parameters: { status: released, location: model.safetensors, sha256: ${OID} }
`;

describe('Git LFS pointers', () => {
  it('parses the pointer format and nothing else', () => {
    expect(parseLfsPointer(POINTER)).toEqual({ sha256: OID, size: 4096 });
    expect(parseLfsPointer(POINTER.replace('version https://git-lfs', 'version http://x'))).toBeNull();
    expect(parseLfsPointer(`${POINTER.replace(OID, 'abc')}`)).toBeNull();
    expect(parseLfsPointer('# A model card that merely mentions oid sha256:')).toBeNull();
  });

  it('lists a pointer as the file it stands for, with the digest it vouches for', async () => {
    const pack = withLfsPointers(memoryPack({ 'model.safetensors': POINTER, 'README.md': 'x'.repeat(200) }));
    expect(await pack.listFiles()).toEqual([
      { path: 'README.md', size: 200 },
      { path: 'model.safetensors', size: 4096, sourceSha256: OID },
    ]);
    const evidence = await collectEvidence(
      withLfsPointers(memoryPack({ 'release-pack.yaml': MANIFEST, 'model.safetensors': POINTER })),
    );
    expect(evidence.checksums).toEqual([
      { path: 'model.safetensors', expected: OID, actual: OID, method: 'source' },
    ]);
    expect(evidence.warnings.join('\n')).toContain('1 file(s) are Git LFS pointers');
  });

  it('verifies declared digests of a cloned repository against its LFS pointers', async () => {
    const repo = await tempGitRepo({
      files: { 'release-pack.yaml': MANIFEST, 'model.safetensors': POINTER },
    });
    try {
      const report = await checkRelease(repo.url);
      expect(report.checksums).toEqual([
        { path: 'model.safetensors', expected: OID, actual: OID, method: 'source' },
      ]);
      expect(report.checks.find((check) => check.id === 'checksums-match')!.score).toBe(10);
    } finally {
      await repo.remove();
    }
  });
});
