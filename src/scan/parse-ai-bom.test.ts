import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../util/index.ts';
import { manifestFromAiBom, UNKNOWN_ORGANIZATION } from './ai-bom-manifest.ts';
import { collectEvidence } from './collect-evidence.ts';
import { memoryPack } from './memory-pack.ts';
import { MAX_AI_BOM_BYTES, MAX_AI_BOM_DEPTH, parseAiBom } from './parse-ai-bom.ts';

const WEIGHTS = 'tiny weights';
const WEIGHTS_SHA = sha256Hex(new TextEncoder().encode(WEIGHTS));

function cyclonedx(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    version: 1,
    components: [
      {
        type: 'machine-learning-model',
        name: 'tiny-lm',
        version: '1.0',
        supplier: { name: 'Example Lab' },
        licenses: [{ license: { id: 'Apache-2.0' } }],
        hashes: [{ alg: 'SHA-256', content: WEIGHTS_SHA }],
        evidence: { occurrences: [{ location: 'model.safetensors' }] },
      },
      {
        type: 'data',
        name: 'corpus',
        licenses: [{ expression: 'CC-BY-4.0' }],
        properties: [{ name: 'aperture:path', value: 'data/' }],
      },
      {
        type: 'library',
        name: 'torch',
        externalReferences: [{ type: 'distribution', url: 'https://pypi.org/project/torch/' }],
      },
    ],
    ...overrides,
  };
}

/** The CycloneDX BOM above with a digest of its first component (the weights) that matches no file. */
function lyingCyclonedx(): Record<string, unknown> {
  const lying = cyclonedx();
  (lying.components as Array<Record<string, unknown>>)[0]!.hashes = [
    { alg: 'SHA-256', content: 'f'.repeat(64) },
  ];
  return lying;
}

const SPDX3 = {
  '@context': 'https://spdx.org/rdf/3.0.1/spdx-context.jsonld',
  '@graph': [
    { type: 'Organization', spdxId: 'urn:org', name: 'Example Lab', creationInfo: '_:c' },
    {
      type: 'ai_AIPackage',
      spdxId: 'urn:model',
      name: 'tiny-lm',
      software_packageVersion: '1.0',
      suppliedBy: 'urn:org',
      creationInfo: '_:c',
    },
    {
      type: 'software_File',
      spdxId: 'urn:weights',
      name: 'model.safetensors',
      verifiedUsing: [{ type: 'Hash', algorithm: 'sha256', hashValue: WEIGHTS_SHA }],
    },
    {
      type: 'dataset_DatasetPackage',
      spdxId: 'urn:data',
      name: 'corpus',
      software_downloadLocation: 'https://example.org/corpus',
    },
    {
      type: 'simplelicensing_LicenseExpression',
      spdxId: 'urn:lic',
      simplelicensing_licenseExpression: 'Apache-2.0',
    },
    {
      type: 'Relationship',
      spdxId: 'urn:r1',
      from: 'urn:model',
      relationshipType: 'contains',
      to: ['urn:weights'],
    },
    {
      type: 'Relationship',
      spdxId: 'urn:r2',
      from: 'urn:model',
      relationshipType: 'hasConcludedLicense',
      to: ['urn:lic'],
    },
  ],
};

describe('parseAiBom', () => {
  it('reads a CycloneDX ML-BOM: the model, its license and digest, datasets and libraries', () => {
    const parsed = parseAiBom(JSON.stringify(cyclonedx()), 'bom.json');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.bom.model).toEqual({ name: 'tiny-lm', version: '1.0', organization: 'Example Lab' });
    expect(parsed.bom.digests).toEqual([
      { path: 'model.safetensors', sha256: WEIGHTS_SHA, component: 'tiny-lm' },
    ]);
    expect(parsed.bom.components.map((component) => [component.id, component.license])).toEqual([
      ['final-parameters', 'Apache-2.0'],
      ['training-datasets', 'CC-BY-4.0'],
      ['supporting-libraries', undefined],
    ]);
  });

  it('reads an SPDX 3 AI document: the AI package, its files and hashes, its license and datasets', () => {
    const parsed = parseAiBom(JSON.stringify(SPDX3), 'model.spdx3.json');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.bom.format).toBe('SPDX 3');
    expect(parsed.bom.model.organization).toBe('Example Lab');
    expect(parsed.bom.digests).toEqual([
      { path: 'model.safetensors', sha256: WEIGHTS_SHA, component: 'tiny-lm' },
    ]);
    expect(parsed.bom.components).toContainEqual(
      expect.objectContaining({
        id: 'final-parameters',
        license: 'Apache-2.0',
        paths: ['model.safetensors'],
      }),
    );
    expect(parsed.bom.components).toContainEqual(
      expect.objectContaining({ id: 'training-datasets', urls: ['https://example.org/corpus'] }),
    );
  });

  it("reads Aperture's aperture:component and aperture:status from an SPDX 3 extension, and ignores junk there", () => {
    const properties = (pairs: Array<[string, string]>) => [
      {
        type: 'extension_CdxPropertiesExtension',
        extension_cdxProperty: pairs.map(([name, value]) => ({
          type: 'extension_CdxPropertyEntry',
          extension_cdxPropName: name,
          extension_cdxPropValue: value,
        })),
      },
    ];
    const document = {
      ...SPDX3,
      '@graph': [
        ...SPDX3['@graph'],
        {
          type: 'software_Package',
          spdxId: 'urn:serve',
          name: 'serving code',
          software_primaryPurpose: 'source',
          extension: properties([
            ['aperture:component', 'inference-code'],
            ['aperture:status', 'restricted'],
          ]),
        },
        {
          type: 'dataset_DatasetPackage',
          spdxId: 'urn:hub-data',
          name: 'org/corpus',
          extension: properties([['aperture:source', 'model card front matter (datasets)']]),
        },
        {
          type: 'software_Package',
          spdxId: 'urn:junk',
          name: 'junk',
          software_primaryPurpose: 'source',
          extension: ['x', { extension_cdxProperty: 'no' }, { extension_cdxProperty: [null, 7] }],
        },
      ],
    };
    const parsed = parseAiBom(JSON.stringify(document), 'model.spdx3.json');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const byName = new Map(parsed.bom.components.map((component) => [component.name, component]));
    expect(byName.get('serving code')).toMatchObject({ id: 'inference-code', status: 'restricted' });
    expect(byName.get('org/corpus')?.id).toBeNull();
    expect(byName.get('junk')).toMatchObject({ id: 'training-code', status: undefined });
  });

  it.each([
    ['not JSON', '{"bomFormat": "CycloneDX",', /is not JSON/],
    ['another format', JSON.stringify({ spdxVersion: 'SPDX-2.3' }), /neither a CycloneDX BOM/],
    ['a CycloneDX BOM without a spec version', JSON.stringify(cyclonedx({ specVersion: 6 })), /specVersion/],
    [
      'components that are not an array',
      JSON.stringify(cyclonedx({ components: {} })),
      /components must be an array/,
    ],
    [
      'a component of an unknown type',
      JSON.stringify(cyclonedx({ components: [{ type: 'weights', name: 'x' }] })),
      /unknown type "weights"/,
    ],
    [
      'a nameless component',
      JSON.stringify(cyclonedx({ components: [{ type: 'data' }] })),
      /needs a name and a type/,
    ],
    [
      'an SPDX 3 document without a graph',
      JSON.stringify({ '@context': SPDX3['@context'] }),
      /@graph must be an array/,
    ],
    [
      'nesting too deep',
      `${'['.repeat(MAX_AI_BOM_DEPTH + 1)}${']'.repeat(MAX_AI_BOM_DEPTH + 1)}`,
      /nests deeper/,
    ],
    ['a huge file', `"${'a'.repeat(MAX_AI_BOM_BYTES)}"`, /larger than/],
    [
      'too many components',
      JSON.stringify(
        cyclonedx({
          components: Array.from({ length: 10_001 }, (_, i) => ({ type: 'file', name: `f${i}` })),
        }),
      ),
      /more than 10000 components/,
    ],
  ])('refuses %s with a one-line problem, never a throw', (_name, text, problem) => {
    const parsed = parseAiBom(text, 'bom.json');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problem).toMatch(problem);
    expect(parsed.problem).not.toContain('\n');
  });

  it('drops paths outside the release, absolute or with .., with a warning each', () => {
    const bom = cyclonedx({
      components: [
        { type: 'file', name: '../../etc/passwd', hashes: [{ alg: 'SHA-256', content: WEIGHTS_SHA }] },
        { type: 'data', name: 'corpus', properties: [{ name: 'aperture:path', value: '/etc/shadow' }] },
      ],
    });
    const parsed = parseAiBom(JSON.stringify(bom), 'bom.json');
    if (!parsed.ok) throw new Error(parsed.problem);
    expect(parsed.bom.digests).toEqual([]);
    expect(parsed.bom.components.flatMap((component) => component.paths)).toEqual([]);
    expect(parsed.bom.warnings).toEqual([
      expect.stringMatching(/"\.\.\/\.\.\/etc\/passwd" names a path outside the release/),
      expect.stringMatching(/^bom\.json: "\.\.\/\.\.\/etc\/passwd" gives a sha256 but names no single file/),
      expect.stringMatching(/"corpus" names a path outside the release, "\/etc\/shadow"/),
    ]);
  });
});

describe('manifestFromAiBom', () => {
  it('drafts a valid manifest; a model without a supplier is plainly of an unknown organisation', () => {
    const bom = cyclonedx();
    (bom.components as Array<Record<string, unknown>>)[0]!.supplier = undefined;
    const parsed = parseAiBom(JSON.stringify(bom), 'bom.json');
    if (!parsed.ok) throw new Error(parsed.problem);
    const manifest = manifestFromAiBom(parsed.bom);
    expect(manifest.value.model.organization).toBe(UNKNOWN_ORGANIZATION);
    expect(manifest.value.components['final-parameters']).toMatchObject({
      status: 'released',
      location: 'model.safetensors',
      sha256: WEIGHTS_SHA,
      license: 'Apache-2.0',
    });
    // The library is named only by a URL: it is released there.
    expect(manifest.value.components['supporting-libraries']).toMatchObject({
      status: 'released',
      location: 'https://pypi.org/project/torch/',
    });
  });
});

describe('collectEvidence with an AI-BOM', () => {
  const manifest = `spec: aperture.dev/release-pack/v1
model: { name: tiny-lm, organization: Example Lab }
components:
  final-parameters: { status: released, location: model.safetensors, license: MIT, sha256: ${WEIGHTS_SHA} }
  training-datasets: { status: withheld, reason: legal }
`;

  /** The evidence of the pack above, its BOM lying about the weights' digest, with `extra` files. */
  const lyingBomEvidence = (extra: Record<string, string> = {}) =>
    collectEvidence(
      memoryPack({
        'release-pack.yaml': manifest,
        'bom.json': JSON.stringify(lyingCyclonedx()),
        'model.safetensors': WEIGHTS,
        ...extra,
      }),
    );

  it('reads the BOM as the manifest of a release without one, and verifies its digests against the bytes', async () => {
    const evidence = await collectEvidence(
      memoryPack({
        'bom.json': JSON.stringify(cyclonedx()),
        'model.safetensors': WEIGHTS,
        'data/a.txt': 'a',
      }),
    );
    expect(evidence.manifest).toMatchObject({ state: 'valid', file: 'bom.json' });
    expect(evidence.checksums).toEqual([
      expect.objectContaining({ path: 'model.safetensors', expected: WEIGHTS_SHA, actual: WEIGHTS_SHA }),
    ]);
    const datasets = evidence.components.find((component) => component.id === 'training-datasets');
    expect(datasets).toMatchObject({ status: 'released', files: ['data/a.txt'] });
  });

  it('warns when the BOM lies about a digest', async () => {
    const evidence = await lyingBomEvidence();
    expect(evidence.warnings).toContainEqual(
      expect.stringMatching(/^bom\.json: sha256 of model\.safetensors does not match the file/),
    );
  });

  it('reports where the BOM and the manifest disagree: license, status and digest', async () => {
    const evidence = await lyingBomEvidence({ 'data/a.txt': 'a' });
    const disagreements = evidence.warnings.filter((line) =>
      line.includes('disagrees with release-pack.yaml'),
    );
    expect(disagreements).toEqual([
      'bom.json disagrees with release-pack.yaml: final-parameters license is Apache-2.0 in the BOM, MIT in the manifest',
      'bom.json disagrees with release-pack.yaml: training-datasets is released in the BOM, withheld in the manifest',
      'bom.json disagrees with release-pack.yaml: supporting-libraries is listed in the BOM (released) but not in the manifest',
      `bom.json disagrees with release-pack.yaml: sha256 of model.safetensors is ffffffffffff… in the BOM, ${WEIGHTS_SHA.slice(0, 12)}… in the manifest`,
    ]);
  });

  it('warns about a file named as a BOM that is not one, and goes on', async () => {
    const evidence = await collectEvidence(
      memoryPack({
        'release-pack.yaml': manifest,
        'model.cdx.json': '{"bomFormat": "SPDX"}',
        'model.safetensors': WEIGHTS,
      }),
    );
    expect(evidence.manifest.state).toBe('valid');
    expect(evidence.warnings).toContainEqual(
      expect.stringMatching(/^model\.cdx\.json: not read as an AI-BOM: is neither/),
    );
  });
});
