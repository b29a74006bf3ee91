import { readdirSync } from 'node:fs';
import path from 'node:path';
import { Spec, Validation } from '@cyclonedx/cyclonedx-library';
import { describe, expect, it } from 'vitest';
import {
  MIXED_PACK,
  NAMED_PACKS,
  OPEN_PACK,
  openWashedReport,
  reportOf,
} from '../../test/fixtures/report-packs.ts';
import { DECLARED_WEIGHTS_DIGEST, weightsDigestReport } from '../../test/support/weights-digest-report.ts';
import { type CheckReport, checkReleaseWithEvidence, releaseFacts } from '../checker/index.ts';
import { MODEL_BOM_REF, renderCycloneDx } from './render-cyclonedx.ts';

const EXAMPLES = path.resolve(import.meta.dirname, '../../examples');
// The strict 1.6 schema the library ships: unknown properties anywhere are errors too.
const validator = new Validation.JsonStrictValidator(Spec.Version.v1dot6);

interface CdxModelCard {
  modelParameters: { task?: string; datasets: Array<{ ref: string }> };
  quantitativeAnalysis: { performanceMetrics: Array<Record<string, unknown>> };
  considerations: { useCases: string[]; technicalLimitations: string[] };
}

interface CdxComponent {
  type: string;
  name: string;
  'bom-ref'?: string;
  hashes?: Array<{ alg: string; content: string }>;
  licenses?: Array<{ expression?: string; license?: { id?: string; name?: string; url?: string } }>;
  properties?: Array<{ name: string; value: string }>;
  components?: CdxComponent[];
  modelCard?: CdxModelCard;
  data?: Array<{ type: string; name: string }>;
}

interface CdxBom {
  bomFormat: string;
  specVersion: string;
  serialNumber: string;
  components: CdxComponent[];
  dependencies: Array<{ ref: string; dependsOn?: string[] }>;
}

async function validBom(json: string): Promise<CdxBom> {
  expect(await validator.validate(json)).toBeNull();
  return JSON.parse(json) as CdxBom;
}

function property(component: CdxComponent, name: string): string[] {
  return (component.properties ?? []).filter((item) => item.name === name).map((item) => item.value);
}

function model(bom: CdxBom): CdxComponent {
  const found = bom.components.find((component) => component['bom-ref'] === MODEL_BOM_REF);
  expect(found?.type).toBe('machine-learning-model');
  return found!;
}

const FIXED = new Date('2025-06-01T12:00:00Z');

describe('renderCycloneDx', () => {
  it('is checked by a validator that refuses what the schema does not allow', async () => {
    const bom = JSON.parse(renderCycloneDx(await reportOf(OPEN_PACK), { now: FIXED })) as CdxBom;
    bom.components[0]!.type = 'weights';
    expect(await validator.validate(JSON.stringify(bom))).not.toBeNull();
  });

  it.each(NAMED_PACKS)(
    'writes a BOM of %s that the official CycloneDX 1.6 schema accepts',
    async (_name, files) => {
      const report = await reportOf(files);
      const bom = await validBom(renderCycloneDx(report, { now: FIXED }));
      expect(bom.bomFormat).toBe('CycloneDX');
      expect(bom.specVersion).toBe('1.6');
      expect(property(model(bom), 'aperture:score')).toEqual([String(report.profile.score)]);
      expect(property(model(bom), 'aperture:component-rating')).toHaveLength(
        report.profile.components.length,
      );
    },
  );

  it('names a catalogued AI license that is not SPDX by name, and keeps SPDX ones as expressions', async () => {
    const bom = await validBom(renderCycloneDx(await reportOf(MIXED_PACK), { now: FIXED }));
    expect(model(bom).licenses).toEqual([{ license: expect.objectContaining({ name: 'llama3.1' }) }]);
    const architecture = bom.components.find(
      (component) => component['bom-ref'] === 'component:model-architecture',
    );
    expect(architecture?.licenses).toEqual([{ expression: 'Apache-2.0' }]);
  });

  it('carries the open-washing flag, the MOF class and the rating of each component as properties', async () => {
    const report = await openWashedReport();
    const bom = await validBom(renderCycloneDx(report, { now: FIXED }));
    expect(report.profile.openWashing?.flagged).toBe(true);
    expect(property(model(bom), 'aperture:open-washing')).toEqual(['true']);
    expect(property(model(bom), 'aperture:mof-class')).toEqual([report.profile.mof.class ?? 'none']);
    const notClaimed = await validBom(renderCycloneDx(await reportOf(OPEN_PACK), { now: FIXED }));
    expect(property(model(notClaimed), 'aperture:open-washing')).toEqual(['not-claimed']);
  });

  it('gives the same serial number to the same release checked twice, whatever the time', async () => {
    const report = await reportOf(OPEN_PACK);
    const first = JSON.parse(renderCycloneDx(report, { now: FIXED })) as CdxBom;
    const second = JSON.parse(renderCycloneDx(report, { now: new Date() })) as CdxBom;
    expect(first.serialNumber).toBe(second.serialNumber);
    const other = JSON.parse(renderCycloneDx(await reportOf(MIXED_PACK), { now: FIXED })) as CdxBom;
    expect(other.serialNumber).not.toBe(first.serialNumber);
  });

  it('puts a hash only where the checker verified the digest', async () => {
    const report: CheckReport = await reportOf(OPEN_PACK);
    const lying = weightsDigestReport(report, 'b'.repeat(64));
    expect(model(await validBom(renderCycloneDx(lying, { now: FIXED }))).hashes).toBeUndefined();
    const honest = weightsDigestReport(report, DECLARED_WEIGHTS_DIGEST);
    expect(model(await validBom(renderCycloneDx(honest, { now: FIXED }))).hashes).toEqual([
      { alg: 'SHA-256', content: DECLARED_WEIGHTS_DIGEST },
    ]);
  });
});

describe('renderCycloneDx on the bundled examples', () => {
  const examples = readdirSync(EXAMPLES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'policies')
    .map((entry) => entry.name);

  it.each(examples)('writes a valid CycloneDX 1.6 ML-BOM of examples/%s', async (name) => {
    const { report, evidence } = await checkReleaseWithEvidence(path.join(EXAMPLES, name), { follow: false });
    await validBom(renderCycloneDx(report, { facts: releaseFacts(evidence), now: FIXED }));
  });

  it('describes the open science pack: model card, verified digests, datasets as data, lineage', async () => {
    const { report, evidence } = await checkReleaseWithEvidence(path.join(EXAMPLES, 'open-science-pack'), {
      follow: false,
    });
    const bom = await validBom(renderCycloneDx(report, { facts: releaseFacts(evidence), now: FIXED }));
    const pebble = model(bom);
    const weights = report.checksums.find((outcome) => outcome.path === 'weights/pebble-1-tiny.safetensors');
    expect(pebble.hashes).toEqual([{ alg: 'SHA-256', content: weights!.actual }]);
    const card = pebble.modelCard!;
    expect(card.modelParameters.datasets).toContainEqual({ ref: 'component:training-datasets' });
    expect(card.quantitativeAnalysis.performanceMetrics).toContainEqual({
      type: 'accuracy',
      value: '1',
      slice: 'cloze',
    });
    expect(card.considerations.useCases[0]).toMatch(/teaching and research instrument/);
    expect(card.considerations.technicalLimitations[0]).toMatch(/far too small/);
    const datasets = bom.components.find(
      (component) => component['bom-ref'] === 'component:training-datasets',
    );
    expect(datasets?.type).toBe('data');
    expect(datasets?.data).toEqual([{ type: 'dataset', name: datasets!.name }]);
    const checkpoints = bom.components.find(
      (component) => component['bom-ref'] === 'component:intermediate-checkpoints',
    );
    expect(checkpoints?.components?.map((file) => file.hashes?.[0]?.content)).toEqual(
      report.checksums
        .filter((outcome) => outcome.path.startsWith('checkpoints/'))
        .map((outcome) => outcome.actual),
    );
    const modelDependencies = bom.dependencies.find((dependency) => dependency.ref === MODEL_BOM_REF);
    expect(modelDependencies?.dependsOn).toContain('component:training-datasets');
  });

  it('turns the Hub card of a release without a manifest into datasets and a task', async () => {
    const { report, evidence } = await checkReleaseWithEvidence(
      path.join(EXAMPLES, 'hub-style-no-manifest'),
      {
        follow: false,
      },
    );
    const bom = await validBom(renderCycloneDx(report, { facts: releaseFacts(evidence), now: FIXED }));
    const card = model(bom).modelCard!;
    expect(card.modelParameters.task).toBe('text-generation');
    expect(card.modelParameters.datasets).toContainEqual({ ref: 'dataset:lakeside-lab/pebble-tiny-corpus' });
    expect(card.quantitativeAnalysis.performanceMetrics.length).toBeGreaterThan(0);
  });
});
