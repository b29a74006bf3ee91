import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRelease, checkReleaseWithEvidence, releaseFacts } from '../src/checker/index.ts';
import { main } from '../src/cli/main.ts';
import { recordingIo } from '../src/cli/test-support/recording-io.ts';
import { renderCycloneDx } from '../src/report/index.ts';
import { MANIFEST_FILE, validateManifestText } from '../src/spec/index.ts';

const EXAMPLE = path.resolve(import.meta.dirname, '../examples/open-science-pack');
let tmp: string;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'aperture-ai-bom-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** A copy of the open science pack whose release-pack.yaml is replaced by the CycloneDX BOM Aperture wrote of it. */
async function packWithBomOnly(
  name: string,
  bomName = 'bom.cdx.json',
): Promise<{ folder: string; bom: string }> {
  const { report, evidence } = await checkReleaseWithEvidence(EXAMPLE, { follow: false });
  const folder = path.join(tmp, name);
  await cp(EXAMPLE, folder, { recursive: true });
  await rm(path.join(folder, MANIFEST_FILE));
  const bom = renderCycloneDx(report, { facts: releaseFacts(evidence) });
  await writeFile(path.join(folder, bomName), bom);
  return { folder, bom };
}

describe('AI-BOM round trip: check --cyclonedx, then the BOM read back as evidence', () => {
  it('rates every component of the example as its own manifest does, digests verified', async () => {
    const original = await checkRelease(EXAMPLE, { follow: false });
    const { folder } = await packWithBomOnly('round-trip');
    const fromBom = await checkRelease(folder, { follow: false });
    expect(fromBom.manifest).toMatchObject({ state: 'valid', file: 'bom.cdx.json' });
    expect(fromBom.profile.components.map((c) => [c.id, c.status, c.rating])).toEqual(
      original.profile.components.map((c) => [c.id, c.status, c.rating]),
    );
    expect(fromBom.profile.mof.class).toBe(original.profile.mof.class);
    expect(fromBom.checksums.map((outcome) => outcome.actual === outcome.expected)).toEqual(
      original.checksums.map(() => true),
    );
    expect(fromBom.warnings).toEqual([
      'bom.cdx.json: no release-pack.yaml; this CycloneDX AI-BOM is read as the manifest',
    ]);
  });

  it('drafts a valid manifest with `aperture init --from bom.json`', async () => {
    const { folder } = await packWithBomOnly('init-from-bom', 'bom.json');
    const io = recordingIo({ cwd: folder });
    expect(await main(['init', '--from', 'bom.json', '--no-follow'], io)).toBe(0);
    const manifest = await readFile(path.join(folder, MANIFEST_FILE), 'utf8');
    const state = validateManifestText(manifest, MANIFEST_FILE);
    expect(state.state).toBe('valid');
    if (state.state !== 'valid') return;
    expect(state.value.model).toMatchObject({ name: 'Pebble-1 Tiny', organization: 'Lakeside Open ML Lab' });
    expect(state.value.components['final-parameters']).toMatchObject({
      status: 'released',
      license: 'Apache-2.0',
      sha256: '5dbac772e7f0ffe284976e81c5f1bcf45705e508c662b042d104b6b2fe7fc4da',
    });
    expect(state.value.components['training-datasets']).toMatchObject({
      status: 'released',
      location: 'data',
    });
  });

  it.each([
    ['not JSON', 'not json at all', /not read as an AI-BOM: is not JSON/],
    ['not a BOM', '{"name": "x"}', /not read as an AI-BOM: is neither a CycloneDX BOM/],
    [
      'too deep',
      `${'['.repeat(100)}${']'.repeat(100)}`,
      /not read as an AI-BOM: nests deeper than 64 levels/,
    ],
  ])(
    'refuses `aperture init --from` a file that is %s, with one line and exit 2',
    async (name, text, message) => {
      const file = path.join(tmp, `${name.replaceAll(' ', '-')}.json`);
      await writeFile(file, text);
      const io = recordingIo({ cwd: tmp });
      expect(await main(['init', path.join(tmp, 'out'), '--from', file, '--no-follow'], io)).toBe(2);
      expect(io.err()).toMatch(message);
      expect(io.err().trim().split('\n')).toHaveLength(1);
    },
  );

  it('names a BOM that lies about a digest in the report, on the command line too', async () => {
    const { folder, bom } = await packWithBomOnly('lying');
    const value = JSON.parse(bom) as { components: Array<{ hashes?: Array<{ content: string }> }> };
    value.components[0]!.hashes![0]!.content = '0'.repeat(64);
    await writeFile(path.join(folder, 'bom.cdx.json'), JSON.stringify(value));
    await cp(path.join(EXAMPLE, MANIFEST_FILE), path.join(folder, MANIFEST_FILE));
    const io = recordingIo({ cwd: folder });
    expect(await main(['check', folder, '--json', '--no-follow'], io)).toBe(0);
    const report = JSON.parse(io.out()) as { warnings: string[] };
    expect(report.warnings).toContainEqual(
      expect.stringMatching(
        /^bom\.cdx\.json: sha256 of weights\/pebble-1-tiny\.safetensors does not match the file/,
      ),
    );
    expect(report.warnings).toContainEqual(
      expect.stringMatching(
        /^bom\.cdx\.json disagrees with release-pack\.yaml: sha256 of weights\/pebble-1-tiny/,
      ),
    );
  });
});

describe('aperture check --cyclonedx', () => {
  it('writes the BOM to a file beside the report, or prints it as the report', async () => {
    const file = path.join(tmp, 'beside.cdx.json');
    const beside = recordingIo({ cwd: tmp });
    expect(await main(['check', EXAMPLE, '--no-follow', '--json', '--cyclonedx', file], beside)).toBe(0);
    expect(JSON.parse(beside.out())).toMatchObject({ reportVersion: 'aperture.dev/report/v1' });
    expect(beside.err()).toContain(`CycloneDX AI-BOM written to ${file}`);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({
      bomFormat: 'CycloneDX',
      specVersion: '1.6',
    });

    const printed = recordingIo({ cwd: tmp });
    expect(await main(['check', EXAMPLE, '--no-follow', '--cyclonedx'], printed)).toBe(0);
    expect(JSON.parse(printed.out())).toMatchObject({ bomFormat: 'CycloneDX' });
  });

  it.each([
    [['--json', '--cyclonedx'], /--json and --cyclonedx cannot be combined/],
    [['--cyclonedx', 'bom.json', EXAMPLE], /--cyclonedx describes one release/],
    [['--cyclonedx', path.join('no-such-folder', 'bom.json')], /no folder no-such-folder/],
  ])('refuses %j with one line and exit 2', async (flags, message) => {
    const io = recordingIo({ cwd: tmp });
    expect(await main(['check', EXAMPLE, '--no-follow', ...flags], io)).toBe(2);
    expect(io.err()).toMatch(message);
    expect(io.err().trim().split('\n')).toHaveLength(1);
  });
});
