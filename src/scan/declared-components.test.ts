import { describe, expect, it } from 'vitest';
import { classifyLicense, validateManifestText } from '../spec/index.ts';
import { declaredComponents } from './declared-components.ts';
import { indexFiles } from './file-index.ts';

const HEADER = `spec: aperture.dev/release-pack/v1
model:
  name: Tiny
  organization: Example Lab
`;

function declared(manifestText: string, paths: string[]) {
  const manifest = validateManifestText(`${HEADER}${manifestText}`, 'release-pack.yaml');
  if (manifest.state !== 'valid') throw new Error(`invalid manifest: ${JSON.stringify(manifest)}`);
  const files = indexFiles(paths.sort().map((path) => ({ path, size: 1 })));
  const components = declaredComponents(manifest, files, null);
  return (id: string) => components.find((component) => component.id === id)!;
}

describe('declaredComponents', () => {
  it('resolves declared locations: files, folders, globs, URLs, missing and escaping paths', () => {
    const byId = declared(
      `components:
  final-parameters:
    status: released
    location: "weights/*.safetensors"
  training-code:
    status: released
    location: [src/, https://github.com/example/tiny]
  model-card:
    status: released
    location: MISSING.md
  data-card:
    status: released
    location: ../../etc/passwd
`,
      [
        'weights/a.safetensors',
        'weights/b.safetensors',
        'weights/notes.txt',
        'src/train.py',
        'src/model/arch.py',
      ],
    );
    expect(byId('final-parameters').files).toEqual(['weights/a.safetensors', 'weights/b.safetensors']);
    expect(byId('training-code').files).toEqual(['src/model/arch.py', 'src/train.py']);
    expect(byId('training-code').evidence.some((ref) => ref.url === 'https://github.com/example/tiny')).toBe(
      true,
    );
    expect(byId('final-parameters').evidence[0]).toMatchObject({
      file: 'release-pack.yaml',
      note: 'declared released',
    });
    expect(byId('model-card').missing).toEqual(['MISSING.md']);
    expect(byId('data-card').escaping).toEqual(['../../etc/passwd']);
    expect(byId('data-card').files).toEqual([]);
    expect(byId('inference-code')).toMatchObject({
      status: 'withheld',
      origin: 'declared',
      note: 'not listed in release-pack.yaml',
      evidence: [],
    });
  });

  it('resolves licenses as MOF does: component, type-specific global, distribution, LICENSE', () => {
    const byId = declared(
      `licenses:
  code: MIT
  distribution: CC-BY-4.0
components:
  training-code: { status: released, location: t.py }
  final-parameters: { status: released, location: w.bin }
  model-card: { status: released, location: README.md, license: CC-BY-SA-4.0 }
  evaluation-data: { status: released, location: e.jsonl }
`,
      ['t.py', 'w.bin', 'README.md', 'e.jsonl'],
    );
    expect(byId('training-code').license.expression).toBe('MIT');
    expect(byId('training-code').licenseOrigin).toBe('pack');
    // Weights are data in the MOT's evaluator and no data license is given, so the distribution license applies.
    expect(byId('final-parameters').license.expression).toBe('CC-BY-4.0');
    expect(byId('final-parameters').licenseOrigin).toBe('pack');
    expect(byId('model-card').license.expression).toBe('CC-BY-SA-4.0');
    expect(byId('model-card').licenseOrigin).toBe('component');
    expect(byId('evaluation-data').license.expression).toBe('CC-BY-4.0');
  });

  it('falls back to the LICENSE file, and to no license without one', () => {
    const manifest = validateManifestText(
      `${HEADER}components:\n  training-code: { status: released, location: t.py }\n`,
      'release-pack.yaml',
    );
    if (manifest.state !== 'valid') throw new Error('invalid manifest');
    const files = indexFiles([{ path: 't.py', size: 1 }]);
    const withFile = declaredComponents(manifest, files, {
      verdict: classifyLicense('Apache-2.0'),
      evidence: { file: 'LICENSE' },
    }).find((component) => component.id === 'training-code')!;
    expect(withFile).toMatchObject({ licenseOrigin: 'pack', license: { expression: 'Apache-2.0' } });
    const without = declaredComponents(manifest, files, null).find((c) => c.id === 'training-code')!;
    expect(without.licenseOrigin).toBe('none');
  });
});
