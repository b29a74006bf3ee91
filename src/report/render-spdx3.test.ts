import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  MIXED_PACK,
  NAMED_PACKS,
  OPEN_PACK,
  openWashedReport,
  reportOf,
} from '../../test/fixtures/report-packs.ts';
import { spdx3Errors } from '../../test/support/spdx3-validator.ts';
import { DECLARED_WEIGHTS_DIGEST, weightsDigestReport } from '../../test/support/weights-digest-report.ts';
import { type CheckReport, checkReleaseWithEvidence, releaseFacts } from '../checker/index.ts';
import { renderSpdx3, SPDX3_CONTEXT } from './render-spdx3.ts';

const EXAMPLES = path.resolve(import.meta.dirname, '../../examples');
const FIXED = new Date('2025-06-01T12:00:00Z');

type Element = Record<string, unknown> & { type: string; spdxId?: string; name?: string };
interface Spdx3Document {
  '@context': string;
  '@graph': Element[];
}

function validDocument(json: string): Spdx3Document {
  const document = JSON.parse(json) as Spdx3Document;
  expect(spdx3Errors(document)).toEqual([]);
  return document;
}

function model(document: Spdx3Document): Element {
  const found = document['@graph'].find((element) => element.type === 'ai_AIPackage');
  expect(found?.software_primaryPurpose).toBe('model');
  return found!;
}

function byId(document: Spdx3Document, id: string): Element | undefined {
  return document['@graph'].find((element) => element.spdxId === id);
}

/** The `aperture:` properties of an element's CycloneDX-properties extension, name → values. */
function property(element: Element, name: string): string[] {
  const extensions = (element.extension ?? []) as Array<{
    extension_cdxProperty: Array<{ extension_cdxPropName: string; extension_cdxPropValue: string }>;
  }>;
  return extensions
    .flatMap((extension) => extension.extension_cdxProperty)
    .filter((entry) => entry.extension_cdxPropName === name)
    .map((entry) => entry.extension_cdxPropValue);
}

function component(document: Spdx3Document, id: string): Element | undefined {
  return document['@graph'].find((element) => property(element, 'aperture:component')[0] === id);
}

/** The `to` of every relationship of this type from this element. */
function related(document: Spdx3Document, from: string, type: string): string[] {
  return document['@graph']
    .filter(
      (element) =>
        element.type === 'Relationship' && element.from === from && element.relationshipType === type,
    )
    .flatMap((element) => element.to as string[]);
}

function licenseOf(document: Spdx3Document, from: string): string | undefined {
  const [id] = related(document, from, 'hasDeclaredLicense');
  return id === undefined ? undefined : (byId(document, id)?.simplelicensing_licenseExpression as string);
}

describe('renderSpdx3', () => {
  it('is checked by a validator that refuses what the SPDX 3.0.1 schema does not allow', async () => {
    const json = renderSpdx3(await reportOf(OPEN_PACK), { now: FIXED });
    const wrongRelationship = JSON.parse(json) as Spdx3Document;
    const relationship = wrongRelationship['@graph'].find((element) => element.type === 'Relationship');
    relationship!.relationshipType = 'derivedFrom';
    expect(spdx3Errors(wrongRelationship)).not.toEqual([]);

    // A model passed off as a dataset: no dataset_datasetType (required) and AI fields a dataset lacks.
    const noDatasetType = JSON.parse(json) as Spdx3Document;
    model(noDatasetType).type = 'dataset_DatasetPackage';
    expect(spdx3Errors(noDatasetType)).not.toEqual([]);

    const unknownField = JSON.parse(json) as Spdx3Document;
    model(unknownField).ai_openness = 100;
    expect(spdx3Errors(unknownField)).not.toEqual([]);
  });

  it.each(NAMED_PACKS)(
    'writes a document of %s that the SPDX 3.0.1 JSON schema accepts',
    async (_name, files) => {
      const report = await reportOf(files);
      const document = validDocument(renderSpdx3(report, { now: FIXED }));
      expect(document['@context']).toBe(SPDX3_CONTEXT);
      const creation = document['@graph'][0]!;
      expect(creation).toMatchObject({
        type: 'CreationInfo',
        specVersion: '3.0.1',
        created: '2025-06-01T12:00:00Z',
      });
      expect(byId(document, (creation.createdBy as string[])[0]!)).toMatchObject({
        type: 'SoftwareAgent',
        name: 'aperture',
      });
      const spdxDocument = document['@graph'].find((element) => element.type === 'SpdxDocument')!;
      expect(spdxDocument.rootElement).toEqual([model(document).spdxId]);
      expect(property(model(document), 'aperture:score')).toEqual([String(report.profile.score)]);
      expect(property(model(document), 'aperture:component-rating')).toHaveLength(
        report.profile.components.length,
      );
      const ids = document['@graph'].map((element) => element.spdxId).filter(Boolean);
      expect(new Set(ids).size).toBe(ids.length);
    },
  );

  it('keeps SPDX licenses as expressions and names a catalogued AI license as a LicenseRef with its link', async () => {
    const document = validDocument(renderSpdx3(await reportOf(MIXED_PACK), { now: FIXED }));
    const modelId = model(document).spdxId!;
    expect(licenseOf(document, modelId)).toBe('LicenseRef-llama3.1');
    const [licenseId] = related(document, modelId, 'hasDeclaredLicense');
    expect(byId(document, licenseId!)?.simplelicensing_customIdToUri).toEqual([
      {
        type: 'DictionaryEntry',
        key: 'LicenseRef-llama3.1',
        value: expect.stringMatching(/^https:\/\/www\.llama\.com\//),
      },
    ]);
    expect(licenseOf(document, component(document, 'model-architecture')!.spdxId!)).toBe('Apache-2.0');
  });

  it('carries the open-washing flag, the MOF class and every rating, as properties and as a review', async () => {
    const report = await openWashedReport();
    const document = validDocument(renderSpdx3(report, { now: FIXED }));
    expect(report.profile.openWashing?.flagged).toBe(true);
    expect(property(model(document), 'aperture:open-washing')).toEqual(['true']);
    expect(property(model(document), 'aperture:mof-class')).toEqual([report.profile.mof.class ?? 'none']);
    const review = document['@graph'].find((element) => element.type === 'Annotation')!;
    expect(review).toMatchObject({ annotationType: 'review', subject: model(document).spdxId });
    expect(review.statement).toMatch(/open-washing flagged/);
    expect(review.statement).toContain(`score ${report.profile.score}/100`);
    const notClaimed = validDocument(renderSpdx3(await reportOf(OPEN_PACK), { now: FIXED }));
    expect(property(model(notClaimed), 'aperture:open-washing')).toEqual(['not-claimed']);
  });

  it('names elements from the content: the same release checked twice gets the same ids, whatever the time', async () => {
    const report = await reportOf(OPEN_PACK);
    const first = JSON.parse(renderSpdx3(report, { now: FIXED })) as Spdx3Document;
    const second = JSON.parse(renderSpdx3(report, { now: new Date() })) as Spdx3Document;
    expect(model(first).spdxId).toBe(model(second).spdxId);
    expect(first['@graph'].slice(1)).toEqual(second['@graph'].slice(1));
    const other = JSON.parse(renderSpdx3(await reportOf(MIXED_PACK), { now: FIXED })) as Spdx3Document;
    expect(model(other).spdxId).not.toBe(model(first).spdxId);
  });

  it('puts a hash only where the checker verified the digest', async () => {
    const report: CheckReport = await reportOf(OPEN_PACK);
    const hashes = (document: Spdx3Document) =>
      document['@graph'].flatMap((element) => (element.verifiedUsing ?? []) as unknown[]);
    const lying = validDocument(renderSpdx3(weightsDigestReport(report, 'b'.repeat(64)), { now: FIXED }));
    expect(hashes(lying)).toEqual([]);
    const honest = validDocument(
      renderSpdx3(weightsDigestReport(report, DECLARED_WEIGHTS_DIGEST), { now: FIXED }),
    );
    const sha = { type: 'Hash', algorithm: 'sha256', hashValue: DECLARED_WEIGHTS_DIGEST };
    expect(model(honest).verifiedUsing).toEqual([sha]);
    const [file] = related(honest, model(honest).spdxId!, 'contains');
    expect(byId(honest, file!)).toMatchObject({
      type: 'software_File',
      name: 'weights/model.safetensors',
      verifiedUsing: [sha],
    });
  });

  it('names at most 50 files of a component, so a large release does not make a huge document', async () => {
    const names = Array.from({ length: 60 }, (_, index) => `train/part-${index}.py`);
    const files = {
      ...OPEN_PACK,
      ...Object.fromEntries(names.map((name) => [name, 'print(1)\n'])),
      'release-pack.yaml': OPEN_PACK['release-pack.yaml']!.replace(
        'training-code: { status: released, location: train/ }',
        `training-code: { status: released, location: [${names.join(', ')}] }`,
      ),
    };
    const document = validDocument(renderSpdx3(await reportOf(files), { now: FIXED }));
    const code = component(document, 'training-code')!;
    expect(property(code, 'aperture:status')).toEqual(['released']);
    expect(related(document, code.spdxId!, 'contains')).toHaveLength(50);
  });

  it('names the base model as what the model descends from', async () => {
    const files = {
      ...OPEN_PACK,
      'release-pack.yaml': OPEN_PACK['release-pack.yaml']!.replace(
        '  country: FR\n',
        '  country: FR\n  baseModel: hf:example-lab/base-lm\n',
      ),
    };
    const document = validDocument(renderSpdx3(await reportOf(files), { now: FIXED }));
    const [base] = related(document, model(document).spdxId!, 'descendantOf');
    expect(byId(document, base!)).toMatchObject({
      type: 'ai_AIPackage',
      name: 'example-lab/base-lm',
      software_downloadLocation: 'https://huggingface.co/example-lab/base-lm',
    });
  });
});

describe('renderSpdx3 on the bundled examples', () => {
  const examples = readdirSync(EXAMPLES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'policies')
    .map((entry) => entry.name);

  it.each(examples)('writes a valid SPDX 3.0.1 document of examples/%s', async (name) => {
    const { report, evidence } = await checkReleaseWithEvidence(path.join(EXAMPLES, name), { follow: false });
    validDocument(renderSpdx3(report, { facts: releaseFacts(evidence), now: FIXED }));
  });

  it('describes the open science pack: AI fields, verified digests, datasets, trainedOn and testedOn', async () => {
    const { report, evidence } = await checkReleaseWithEvidence(path.join(EXAMPLES, 'open-science-pack'), {
      follow: false,
    });
    const document = validDocument(renderSpdx3(report, { facts: releaseFacts(evidence), now: FIXED }));
    const pebble = model(document);
    expect(pebble).toMatchObject({
      name: 'Pebble-1 Tiny',
      software_packageVersion: '1.0.0',
      releaseTime: '2026-03-16T00:00:00Z',
      ai_domain: ['language'],
    });
    expect(byId(document, pebble.suppliedBy as string)).toMatchObject({
      type: 'Organization',
      name: 'Lakeside Open ML Lab',
    });
    const weights = report.checksums.find((outcome) => outcome.path === 'weights/pebble-1-tiny.safetensors');
    expect(pebble.verifiedUsing).toEqual([{ type: 'Hash', algorithm: 'sha256', hashValue: weights!.actual }]);
    expect(pebble.ai_metric).toContainEqual({ type: 'DictionaryEntry', key: 'cloze: accuracy', value: '1' });
    expect(pebble.ai_informationAboutApplication).toMatch(/teaching and research instrument/);
    expect(pebble.ai_limitation).toMatch(/far too small/);
    expect(pebble.ai_informationAboutTraining).toMatch(/Training datasets: released \(open\)/);
    expect(pebble.ai_safetyRiskAssessment).toBeUndefined();

    const datasets = component(document, 'training-datasets')!;
    expect(datasets).toMatchObject({ type: 'dataset_DatasetPackage', dataset_datasetType: ['noAssertion'] });
    expect(related(document, pebble.spdxId!, 'trainedOn')).toContain(datasets.spdxId);
    expect(related(document, pebble.spdxId!, 'testedOn')).toEqual([
      component(document, 'evaluation-data')!.spdxId,
    ]);
    expect(component(document, 'training-code')).toMatchObject({
      type: 'software_Package',
      software_primaryPurpose: 'source',
    });

    const checkpoints = component(document, 'intermediate-checkpoints')!;
    expect(checkpoints.type).toBe('ai_AIPackage');
    const files = related(document, checkpoints.spdxId!, 'contains').map((id) => byId(document, id)!);
    expect(files.map((file) => (file.verifiedUsing as Array<{ hashValue: string }>)[0]!.hashValue)).toEqual(
      report.checksums
        .filter((outcome) => outcome.path.startsWith('checkpoints/'))
        .map((outcome) => outcome.actual),
    );
  });

  it('turns the Hub card of a release without a manifest into a model type and Hub datasets', async () => {
    const { report, evidence } = await checkReleaseWithEvidence(
      path.join(EXAMPLES, 'hub-style-no-manifest'),
      {
        follow: false,
      },
    );
    const document = validDocument(renderSpdx3(report, { facts: releaseFacts(evidence), now: FIXED }));
    const hubModel = model(document);
    expect(hubModel.ai_typeOfModel).toEqual(['text-generation']);
    expect((hubModel.ai_metric as unknown[]).length).toBeGreaterThan(0);
    const trainedOn = related(document, hubModel.spdxId!, 'trainedOn').map((id) => byId(document, id)!);
    expect(trainedOn).toContainEqual(
      expect.objectContaining({
        type: 'dataset_DatasetPackage',
        name: 'lakeside-lab/pebble-tiny-corpus',
        software_downloadLocation: 'https://huggingface.co/datasets/lakeside-lab/pebble-tiny-corpus',
      }),
    );
  });
});
