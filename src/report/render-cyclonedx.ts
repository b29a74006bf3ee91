import { createHash } from 'node:crypto';
import { Enums, Models, Serialize, Spec } from '@cyclonedx/cyclonedx-library';
import { type CheckReport, type ReleaseFacts, toolVersion } from '../checker/index.ts';
import type { ComponentRating } from '../profile/index.ts';
import {
  type ComponentEntry,
  CYCLONEDX_TYPE_OF_COMPONENT,
  type CycloneDxComponentType,
  isShippedStatus,
  APERTURE_PROPERTIES as P,
} from '../spec/index.ts';
import { isUrl } from '../util/index.ts';
import { hubUrl } from './hub-url.ts';
import { isSpdxExpression } from './is-spdx-expression.ts';
import { componentProperties, profileProperties } from './profile-properties.ts';
import { verifiedDigests } from './verified-digests.ts';

/** The CycloneDX version Aperture writes. */
export const CYCLONEDX_SPEC_VERSION = '1.6';

/** The bom-ref of the model component (the final parameters). */
export const MODEL_BOM_REF = 'model';

/** Most paths named per component, so a 100,000-file dataset does not make a 100,000-line BOM. */
const MAX_PATHS = 50;

/** Options of renderCycloneDx. */
export interface CycloneDxOptions {
  /** The model card facts (`releaseFacts(evidence)`): intended use, limitations, metrics, datasets, lineage. */
  facts?: ReleaseFacts;
  /** The BOM's timestamp; now by default. */
  now?: Date;
}

const TYPE: Record<CycloneDxComponentType, Enums.ComponentType> = {
  'machine-learning-model': Enums.ComponentType.MachineLearningModel,
  data: Enums.ComponentType.Data,
  application: Enums.ComponentType.Application,
  library: Enums.ComponentType.Library,
  file: Enums.ComponentType.File,
};

/**
 * A CycloneDX 1.6 JSON ML-BOM of a checked release, built with the official CycloneDX library: the model
 * (final parameters) as a `machine-learning-model` component with its `modelCard`, every other component
 * the release ships as a component of its type (datasets as `data`), licenses as SPDX expressions (other
 * AI licenses by name), the sha256 digests the checker verified as hashes, `base_model` lineage as
 * dependencies, and the openness profile as `aperture:` properties (see docs/interop.md).
 *
 * @example
 * const { report, evidence } = await checkReleaseWithEvidence('examples/open-science-pack');
 * const json = renderCycloneDx(report, { facts: releaseFacts(evidence) });
 */
export function renderCycloneDx(report: CheckReport, options: CycloneDxOptions = {}): string {
  const facts = options.facts;
  const profile = report.profile;
  const manifest = report.manifest.state === 'valid' ? report.manifest.value : null;
  const verified = verifiedDigests(report);

  const bom = new Models.Bom();
  bom.metadata.timestamp = options.now ?? new Date();
  bom.metadata.tools.components.add(
    new Models.Component(Enums.ComponentType.Application, 'aperture', {
      version: toolVersion(),
      externalReferences: new Models.ExternalReferenceRepository([
        new Models.ExternalReference('https://aperture.dev', Enums.ExternalReferenceType.Website),
      ]),
    }),
  );
  bom.metadata.properties.add(new Models.Property(P.reportVersion, report.reportVersion));
  bom.metadata.properties.add(new Models.Property('aperture:target', report.target));

  const ratings = new Map(profile.components.map((rating) => [rating.id, rating]));
  const weights = ratings.get('final-parameters');
  const model = new Models.Component(Enums.ComponentType.MachineLearningModel, profile.model.name, {
    bomRef: MODEL_BOM_REF,
    version: profile.model.version,
    description: `${profile.model.name}: openness score ${profile.score}/100, MOF class ${profile.mof.class ?? 'none'}`,
  });
  if (profile.model.organization) {
    model.supplier = new Models.OrganizationalEntity({ name: profile.model.organization });
  }
  if (weights) describeComponent(model, weights, manifest?.components['final-parameters'], verified);
  for (const [name, value] of profileProperties(report))
    model.properties.add(new Models.Property(name, value));
  if (profile.source.url) {
    model.externalReferences.add(
      new Models.ExternalReference(profile.source.url, Enums.ExternalReferenceType.Distribution),
    );
  }
  if (manifest?.model.homepage) {
    model.externalReferences.add(
      new Models.ExternalReference(manifest.model.homepage, Enums.ExternalReferenceType.Website),
    );
  }
  bom.components.add(model);

  const componentRefs = new Map<string, Models.Component>();
  for (const rating of profile.components) {
    if (rating.id === 'final-parameters' || !isShippedStatus(rating.status)) continue;
    const type = TYPE[CYCLONEDX_TYPE_OF_COMPONENT[rating.id]];
    const component = new Models.Component(type, `${profile.model.name} ${rating.title.toLowerCase()}`, {
      bomRef: `component:${rating.id}`,
      version: profile.model.version,
    });
    describeComponent(component, rating, manifest?.components[rating.id], verified);
    bom.components.add(component);
    componentRefs.set(rating.id, component);
  }

  // Datasets the card names on the Hub, and the base models: lineage as dependencies of the model.
  const datasetRefs: string[] = [];
  for (const name of facts?.datasets ?? []) {
    const dataset = new Models.Component(Enums.ComponentType.Data, name, {
      bomRef: `dataset:${name}`,
      externalReferences: hubReference(name, 'datasets'),
    });
    dataset.properties.add(new Models.Property('aperture:source', 'model card front matter (datasets)'));
    bom.components.add(dataset);
    datasetRefs.push(dataset.bomRef.value!);
    model.dependencies.add(dataset.bomRef);
  }
  const baseModels = facts?.baseModels ?? (manifest?.model.baseModel ? [manifest.model.baseModel] : []);
  for (const name of baseModels) {
    const base = new Models.Component(Enums.ComponentType.MachineLearningModel, name.replace(/^hf:/, ''), {
      bomRef: `base-model:${name.replace(/^hf:/, '')}`,
      externalReferences: hubReference(name.replace(/^hf:/, ''), 'models'),
    });
    base.properties.add(new Models.Property('aperture:lineage', 'base_model'));
    bom.components.add(base);
    model.dependencies.add(base.bomRef);
  }
  for (const id of [
    'training-datasets',
    'model-architecture',
    'training-code',
    'data-preprocessing-code',
  ] as const) {
    const component = componentRefs.get(id);
    if (component) model.dependencies.add(component.bomRef);
  }

  const normalized = new Serialize.JSON.Normalize.Factory(Spec.Spec1dot6)
    .makeForBom()
    .normalize(bom, { sortLists: false }) as unknown as Record<string, unknown>;
  addModelCard(normalized, facts, componentRefs, datasetRefs);
  addDataFields(normalized);
  normalized.serialNumber = serialNumberOf(normalized);
  return `${JSON.stringify(orderKeys(normalized), null, 2)}\n`;
}

/** Licenses, hashes, paths and the rating of one release-pack component on its CycloneDX component. */
function describeComponent(
  component: Models.Component,
  rating: ComponentRating,
  entry: ComponentEntry | undefined,
  verified: ReadonlyMap<string, string>,
): void {
  const license = licenseOf(rating);
  if (license) component.licenses.add(license);
  if (entry?.note) component.description ??= entry.note;
  for (const [name, value] of componentProperties(rating))
    component.properties.add(new Models.Property(name, value));

  const locations =
    entry?.location === undefined ? [] : Array.isArray(entry.location) ? entry.location : [entry.location];
  const paths = new Set<string>();
  for (const location of locations) {
    if (isUrl(location)) {
      const type = /github\.com|gitlab|\.git$/i.test(location)
        ? Enums.ExternalReferenceType.VCS
        : Enums.ExternalReferenceType.Distribution;
      component.externalReferences.add(new Models.ExternalReference(location, type));
    } else paths.add(location);
  }
  if (!entry) {
    for (const ref of rating.evidence) if (ref.file && !ref.location && !ref.url) paths.add(ref.file);
    for (const ref of rating.evidence) {
      if (ref.url && /^https?:\/\//.test(ref.url)) {
        component.externalReferences.add(
          new Models.ExternalReference(ref.url, Enums.ExternalReferenceType.Distribution),
        );
      }
    }
  }
  // One digest on the component itself; several files become nested `file` components with theirs.
  if (entry?.sha256 && locations.length === 1 && verified.get(locations[0]!) === entry.sha256) {
    component.hashes.set(Enums.HashAlgorithm['SHA-256'], entry.sha256);
  }
  for (const artifact of entry?.artifacts ?? []) {
    const digest = verified.get(artifact.path);
    const file = new Models.Component(Enums.ComponentType.File, artifact.path, {
      bomRef: `${component.bomRef.value}:${artifact.path}`,
    });
    if (digest) file.hashes.set(Enums.HashAlgorithm['SHA-256'], digest);
    component.components.add(file);
    paths.delete(artifact.path);
  }
  for (const path of [...paths].slice(0, MAX_PATHS))
    component.properties.add(new Models.Property(P.path, path));
}

/** An SPDX expression when the license is one, a named license (with its URL) otherwise; none when absent. */
function licenseOf(rating: ComponentRating): Models.License | undefined {
  const license = rating.license;
  if (license.class === 'none') return undefined;
  const expression = license.expression ?? license.input;
  if (isSpdxExpression(expression)) return new Models.LicenseExpression(expression);
  const named = new Models.NamedLicense(license.input || expression);
  if (license.source && /^https?:\/\//.test(license.source)) named.url = license.source;
  return named;
}

function hubReference(name: string, kind: 'models' | 'datasets'): Models.ExternalReferenceRepository {
  const references = new Models.ExternalReferenceRepository();
  const url = hubUrl(name, kind);
  if (url) references.add(new Models.ExternalReference(url, Enums.ExternalReferenceType.Distribution));
  return references;
}

/** The CycloneDX `modelCard` of the model: parameters (task, datasets), metrics and considerations. */
function addModelCard(
  bom: Record<string, unknown>,
  facts: ReleaseFacts | undefined,
  componentRefs: ReadonlyMap<string, Models.Component>,
  datasetRefs: readonly string[],
): void {
  const components = bom.components as Array<Record<string, unknown>>;
  const model = components.find((component) => component['bom-ref'] === MODEL_BOM_REF);
  if (!model) return;
  const datasets = [
    ...(['training-datasets', 'evaluation-data'] as const)
      .map((id) => componentRefs.get(id)?.bomRef.value)
      .filter((ref): ref is string => ref !== undefined),
    ...datasetRefs,
  ].map((ref) => ({ ref }));
  const modelParameters: Record<string, unknown> = {};
  if (facts?.pipelineTag) modelParameters.task = facts.pipelineTag;
  if (datasets.length > 0) modelParameters.datasets = datasets;
  const card: Record<string, unknown> = { 'bom-ref': `${MODEL_BOM_REF}:model-card` };
  if (Object.keys(modelParameters).length > 0) card.modelParameters = modelParameters;
  const metrics = (facts?.metrics ?? []).map((metric) => {
    const entry: Record<string, unknown> = { type: metric.metric, value: String(metric.value) };
    const slice = [metric.task, metric.dataset].filter(Boolean).join(' / ');
    if (slice) entry.slice = slice;
    if (metric.stderr !== undefined && metric.stderr > 0) {
      entry.confidenceInterval = {
        lowerBound: String(round(metric.value - 1.96 * metric.stderr)),
        upperBound: String(round(metric.value + 1.96 * metric.stderr)),
      };
    }
    return entry;
  });
  if (metrics.length > 0) card.quantitativeAnalysis = { performanceMetrics: metrics };
  const considerations: Record<string, unknown> = {};
  if (facts?.intendedUse) considerations.useCases = [facts.intendedUse];
  if (facts?.limitations) considerations.technicalLimitations = [facts.limitations];
  if (Object.keys(considerations).length > 0) card.considerations = considerations;
  card.properties = [
    {
      name: 'aperture:model-card:source',
      value: 'the release files read by aperture check; see aperture:path',
    },
  ];
  model.modelCard = card;
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** Each `data` component gets the `data` field CycloneDX defines for it (a dataset, named). */
function addDataFields(bom: Record<string, unknown>): void {
  for (const component of bom.components as Array<Record<string, unknown>>) {
    if (component.type !== 'data') continue;
    const id = (component.properties as Array<{ name: string; value: string }> | undefined)?.find(
      (property) => property.name === P.component,
    )?.value;
    const type =
      id === undefined || id === 'training-datasets' || id === 'evaluation-data' ? 'dataset' : 'other';
    component.data = [{ type, name: String(component.name) }];
  }
}

/**
 * A stable serial number: a name-based UUID (version 5 layout) of the BOM's content without its
 * timestamp, so the same release checked twice gets the same serial.
 */
function serialNumberOf(bom: Record<string, unknown>): string {
  const { metadata, ...rest } = bom;
  const { timestamp: _timestamp, ...stable } = (metadata ?? {}) as Record<string, unknown>;
  const hex = createHash('sha1')
    .update(JSON.stringify({ ...rest, metadata: stable }))
    .digest('hex');
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The document keys in the order readers expect (`bomFormat`, `specVersion` first). */
function orderKeys(bom: Record<string, unknown>): Record<string, unknown> {
  const order = [
    '$schema',
    'bomFormat',
    'specVersion',
    'serialNumber',
    'version',
    'metadata',
    'components',
    'dependencies',
  ];
  const ordered: Record<string, unknown> = {};
  for (const key of order) if (key in bom) ordered[key] = bom[key];
  for (const [key, value] of Object.entries(bom)) if (!(key in ordered)) ordered[key] = value;
  return ordered;
}
