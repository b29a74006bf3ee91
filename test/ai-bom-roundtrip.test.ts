import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRelease, checkReleaseWithEvidence, releaseFacts } from '../src/checker/index.ts';
import { main } from '../src/cli/main.ts';
import { recordingIo } from '../src/cli/test-support/recording-io.ts';
import { renderCycloneDx, renderSpdx3 } from '../src/report/index.ts';
import { parseAiBom } from '../src/scan/index.ts';
import { MANIFEST_FILE, validateManifestText } from '../src/spec/index.ts';
import { MIXED_PACK, reportOf } from './fixtures/report-packs.ts';
import { spdx3Errors } from './support/spdx3-validator.ts';

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

/** A copy of the open science pack whose release-pack.yaml is replaced by the SPDX 3 document Aperture wrote of it. */
async function packWithSpdxOnly(name: string): Promise<{ folder: string; document: string }> {
  const { report, evidence } = await checkReleaseWithEvidence(EXAMPLE, { follow: false });
  const folder = path.join(tmp, name);
  await cp(EXAMPLE, folder, { recursive: true });
  await rm(path.join(folder, MANIFEST_FILE));
  const document = renderSpdx3(report, { facts: releaseFacts(evidence) });
  await writeFile(path.join(folder, 'release.spdx3.json'), document);
  return { folder, document };
}

describe('SPDX 3 round trip: check --spdx3, then the document read back as evidence', () => {
  it('rates every component of the example as its own manifest does, digests verified', async () => {
    const original = await checkRelease(EXAMPLE, { follow: false });
    const { folder, document } = await packWithSpdxOnly('spdx-round-trip');
    expect(spdx3Errors(JSON.parse(document))).toEqual([]);
    const fromSpdx = await checkRelease(folder, { follow: false });
    expect(fromSpdx.manifest).toMatchObject({ state: 'valid', file: 'release.spdx3.json' });
    expect(fromSpdx.profile.components.map((c) => [c.id, c.status, c.rating])).toEqual(
      original.profile.components.map((c) => [c.id, c.status, c.rating]),
    );
    expect(fromSpdx.profile.mof.class).toBe(original.profile.mof.class);
    expect(fromSpdx.profile.model).toMatchObject({
      name: 'Pebble-1 Tiny',
      version: '1.0.0',
      organization: 'Lakeside Open ML Lab',
    });
    const verified = (report: typeof original) =>
      report.checksums
        .filter((outcome) => outcome.actual === outcome.expected)
        .map((outcome) => [outcome.path, outcome.actual]);
    expect(verified(fromSpdx)).toEqual(verified(original));
    expect(verified(original)).toHaveLength(3);
    expect(fromSpdx.warnings).toEqual([
      'release.spdx3.json: no release-pack.yaml; this SPDX 3 AI-BOM is read as the manifest',
    ]);
  });

  it('reads back the licenses and the base model as they were written, one model', async () => {
    const manifest = MIXED_PACK['release-pack.yaml']!.replace(
      '  organization: Example Lab\n',
      '  organization: Example Lab\n  baseModel: hf:meta-llama/Llama-3.1-8B\n',
    );
    const report = await reportOf({ ...MIXED_PACK, 'release-pack.yaml': manifest });
    const parsed = parseAiBom(renderSpdx3(report), 'mixed.spdx3.json');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.bom.model).toMatchObject({ name: 'mixed-lm', baseModel: 'meta-llama/Llama-3.1-8B' });
    const weights = parsed.bom.components.find((c) => c.id === 'final-parameters');
    expect(weights).toMatchObject({ license: 'LicenseRef-llama3.1', paths: ['weights/model.safetensors'] });
    expect(parsed.bom.components.map((c) => c.id)).not.toContain(null);
    expect(parsed.bom.components.filter((c) => c.id === 'final-parameters')).toHaveLength(1);
  });

  it('names an SPDX 3 document that lies about a digest in the report', async () => {
    const { folder, document } = await packWithSpdxOnly('spdx-lying');
    const value = JSON.parse(document) as { '@graph': Array<Record<string, unknown>> };
    for (const element of value['@graph']) {
      for (const hash of (element.verifiedUsing ?? []) as Array<{ hashValue: string }>) {
        if (element.name === 'weights/pebble-1-tiny.safetensors') hash.hashValue = '0'.repeat(64);
      }
    }
    expect(spdx3Errors(value)).toEqual([]);
    await writeFile(path.join(folder, 'release.spdx3.json'), JSON.stringify(value));
    const report = await checkRelease(folder, { follow: false });
    expect(report.warnings).toContainEqual(
      expect.stringMatching(
        /^release\.spdx3\.json: sha256 of weights\/pebble-1-tiny\.safetensors does not match the file/,
      ),
    );
  });
});

describe('aperture check --spdx3', () => {
  it('writes the document to a file beside the report, or prints it as the report', async () => {
    const file = path.join(tmp, 'beside.spdx3.json');
    const beside = recordingIo({ cwd: tmp });
    expect(await main(['check', EXAMPLE, '--no-follow', '--json', '--spdx3', file], beside)).toBe(0);
    expect(JSON.parse(beside.out())).toMatchObject({ reportVersion: 'aperture.dev/report/v1' });
    expect(beside.err()).toContain(`SPDX 3 AI-BOM written to ${file}`);
    const written = JSON.parse(await readFile(file, 'utf8')) as unknown;
    expect(spdx3Errors(written)).toEqual([]);
    expect(written).toMatchObject({ '@context': 'https://spdx.org/rdf/3.0.1/spdx-context.jsonld' });

    const printed = recordingIo({ cwd: tmp });
    expect(await main(['check', EXAMPLE, '--no-follow', '--spdx3'], printed)).toBe(0);
    expect(spdx3Errors(JSON.parse(printed.out()))).toEqual([]);
    expect(printed.err()).toBe('');
  });

  it('writes both AI-BOMs beside a text report', async () => {
    const cdx = path.join(tmp, 'both.cdx.json');
    const spdx = path.join(tmp, 'both.spdx3.json');
    const io = recordingIo({ cwd: tmp });
    expect(await main(['check', EXAMPLE, '--no-follow', '--cyclonedx', cdx, '--spdx3', spdx], io)).toBe(0);
    expect(io.out()).toContain('Pebble-1 Tiny');
    expect(JSON.parse(await readFile(cdx, 'utf8'))).toMatchObject({ bomFormat: 'CycloneDX' });
    expect(spdx3Errors(JSON.parse(await readFile(spdx, 'utf8')))).toEqual([]);
  });

  it.each([
    [['--json', '--spdx3'], /--json and --spdx3 cannot be combined/],
    [['--cyclonedx', '--spdx3'], /--cyclonedx and --spdx3 cannot be combined/],
    [['--spdx3', 'doc.json', EXAMPLE], /--spdx3 describes one release/],
    [['--spdx3', path.join('no-such-folder', 'doc.json')], /no folder no-such-folder/],
    [['--spdx3', ' '], /--spdx3 needs a file name, or none/],
  ])('refuses %j with one line and exit 2', async (flags, message) => {
    const io = recordingIo({ cwd: tmp });
    expect(await main(['check', EXAMPLE, '--no-follow', ...flags], io)).toBe(2);
    expect(io.err()).toMatch(message);
    expect(io.err().trim().split('\n')).toHaveLength(1);
  });
});
