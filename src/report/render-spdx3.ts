import { createHash } from 'node:crypto';
import { type CheckReport, type ReleaseFacts, toolVersion } from '../checker/index.ts';
import type { ComponentRating } from '../profile/index.ts';
import {
  type ComponentEntry,
  type ComponentId,
  isShippedStatus,
  APERTURE_PROPERTIES as P,
} from '../spec/index.ts';
import { isUrl } from '../util/index.ts';
import { hubUrl } from './hub-url.ts';
import { isSpdxExpression } from './is-spdx-expression.ts';
import { componentProperties, profileProperties } from './profile-properties.ts';
import { verifiedDigests } from './verified-digests.ts';

/** The SPDX version Aperture writes. */
export const SPDX3_SPEC_VERSION = '3.0.1';

/** The JSON-LD context of SPDX 3.0.1 documents. */
export const SPDX3_CONTEXT = 'https://spdx.org/rdf/3.0.1/spdx-context.jsonld';

/** Most files named per component, so a 100,000-file dataset does not make a 100,000-element document. */
const MAX_PATHS = 50;

/** The blank node of the document's one CreationInfo. */
const CREATION_INFO = '_:creationinfo';

/** Options of renderSpdx3. */
export interface Spdx3Options {
  /** The model card facts (`releaseFacts(evidence)`): intended use, limitations, metrics, datasets, lineage. */
  facts?: ReleaseFacts;
  /** The document's creation time; now by default. */
  now?: Date;
}

type Json = Record<string, unknown>;

/** What each release-pack component is in SPDX 3: its element type and its software purpose. */
const SPDX_KIND: Record<
  ComponentId,
  { type: 'ai_AIPackage' | 'dataset_DatasetPackage' | 'software_Package'; purpose: string }
> = {
  'model-architecture': { type: 'software_Package', purpose: 'library' },
  'final-parameters': { type: 'ai_AIPackage', purpose: 'model' },
  'intermediate-checkpoints': { type: 'ai_AIPackage', purpose: 'model' },
  'model-metadata': { type: 'software_Package', purpose: 'configuration' },
  'training-code': { type: 'software_Package', purpose: 'source' },
  'inference-code': { type: 'software_Package', purpose: 'source' },
  'evaluation-code': { type: 'software_Package', purpose: 'source' },
  'evaluation-data': { type: 'dataset_DatasetPackage', purpose: 'data' },
  'evaluation-results': { type: 'software_Package', purpose: 'data' },
  'training-datasets': { type: 'dataset_DatasetPackage', purpose: 'data' },
  'data-preprocessing-code': { type: 'software_Package', purpose: 'source' },
  'supporting-libraries': { type: 'software_Package', purpose: 'library' },
  'model-card': { type: 'software_Package', purpose: 'documentation' },
  'data-card': { type: 'software_Package', purpose: 'documentation' },
  'technical-report': { type: 'software_Package', purpose: 'documentation' },
  'research-paper': { type: 'software_Package', purpose: 'documentation' },
  'sample-outputs': { type: 'software_Package', purpose: 'data' },
  'training-logs': { type: 'software_Package', purpose: 'data' },
  'safety-notes': { type: 'software_Package', purpose: 'documentation' },
  reproducibility: { type: 'software_Package', purpose: 'source' },
};

/** The components whose state says something about how the model was trained (`ai_informationAboutTraining`). */
const TRAINING_COMPONENTS: readonly ComponentId[] = [
  'training-datasets',
  'training-code',
  'data-preprocessing-code',
  'training-logs',
  'intermediate-checkpoints',
];

/**
 * An SPDX 3.0.1 JSON-LD document of a checked release with its AI and Dataset profiles: the model
 * (final parameters) as an `ai_AIPackage` with the AI fields the release states (intended use,
 * limitations, metrics of its machine-readable results), datasets as `dataset_DatasetPackage`, code
 * and documents as `software_Package`, each component's files as `software_File`s it `contains` with
 * the sha256 digests the checker verified, licenses as `simplelicensing_LicenseExpression`s (catalogued
 * AI licenses as `LicenseRef-`), `base_model` lineage as `descendantOf`, datasets as `trainedOn` /
 * `testedOn`, and the openness profile as `aperture:` properties in a CycloneDX-properties extension
 * plus a `review` Annotation (see docs/interop.md). Element ids derive from the content, not the time.
 *
 * @example
 * const { report, evidence } = await checkReleaseWithEvidence('examples/open-science-pack');
 * const json = renderSpdx3(report, { facts: releaseFacts(evidence) });
 */
export function renderSpdx3(report: CheckReport, options: Spdx3Options = {}): string {
  const created = (options.now ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  // The namespace is a digest of the document written without its time, so it names the content.
  const draft = JSON.stringify(buildGraph(report, options.facts, 'urn:aperture:pending', ''));
  const digest = createHash('sha256').update(draft).digest('hex').slice(0, 32);
  const base = `https://aperture.dev/spdx/${digest}`;
  const document = { '@context': SPDX3_CONTEXT, '@graph': buildGraph(report, options.facts, base, created) };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** Every element of the document, creation info first and the SpdxDocument last. */
function buildGraph(
  report: CheckReport,
  facts: ReleaseFacts | undefined,
  base: string,
  created: string,
): Json[] {
  const profile = report.profile;
  const manifest = report.manifest.state === 'valid' ? report.manifest.value : null;
  const verified = verifiedDigests(report);
  const graph: Json[] = [];
  const relationships: Json[] = [];
  const element = (type: string, spdxId: string, fields: Json): Json => {
    const value: Json = { type, spdxId, creationInfo: CREATION_INFO, ...fields };
    graph.push(value);
    return value;
  };
  const relate = (from: string, relationshipType: string, to: readonly string[]): void => {
    if (to.length === 0) return;
    relationships.push({
      type: 'Relationship',
      spdxId: `${base}/relationship/${relationships.length + 1}`,
      creationInfo: CREATION_INFO,
      from,
      relationshipType,
      to: [...to],
    });
  };

  const agentId = `${base}/agent/aperture`;
  const toolId = `${base}/tool/aperture`;
  graph.push({
    type: 'CreationInfo',
    '@id': CREATION_INFO,
    specVersion: SPDX3_SPEC_VERSION,
    created: created || '1970-01-01T00:00:00Z',
    createdBy: [agentId],
    createdUsing: [toolId],
  });
  element('SoftwareAgent', agentId, { name: 'aperture' });
  element('Tool', toolId, {
    name: `aperture ${toolVersion()}`,
    externalRef: [{ type: 'ExternalRef', externalRefType: 'altWebPage', locator: ['https://aperture.dev'] }],
  });

  const organization = profile.model.organization;
  const organizationId = organization ? `${base}/agent/${slug(organization)}` : undefined;
  if (organization && organizationId) element('Organization', organizationId, { name: organization });

  const licenses = new Map<string, string>();
  const licenseId = (rating: ComponentRating): string | undefined => {
    const expression = spdxLicense(rating);
    if (!expression) return undefined;
    const existing = licenses.get(expression.text);
    if (existing) return existing;
    const id = `${base}/license/${slug(expression.text)}`;
    const fields: Json = { simplelicensing_licenseExpression: expression.text };
    if (expression.links.length > 0) {
      fields.simplelicensing_customIdToUri = expression.links.map(([key, value]) => ({
        type: 'DictionaryEntry',
        key,
        value,
      }));
    }
    graph.push({
      type: 'simplelicensing_LicenseExpression',
      spdxId: id,
      creationInfo: CREATION_INFO,
      ...fields,
    });
    licenses.set(expression.text, id);
    return id;
  };

  // The model first: SPDX readers (Aperture's own) take the first ai_AIPackage as the model.
  const ratings = new Map(profile.components.map((rating) => [rating.id, rating]));
  const weights = ratings.get('final-parameters');
  const modelId = `${base}/model`;
  const model = element('ai_AIPackage', modelId, {
    name: profile.model.name,
    description: `${profile.model.name}: openness score ${profile.score}/100, MOF class ${profile.mof.class ?? 'none'}`,
    software_primaryPurpose: 'model',
  });
  if (profile.model.version) model.software_packageVersion = profile.model.version;
  if (organizationId) {
    model.suppliedBy = organizationId;
    model.originatedBy = [organizationId];
  }
  if (manifest?.model.releaseDate) model.releaseTime = `${manifest.model.releaseDate}T00:00:00Z`;
  if (manifest?.model.homepage) model.software_homePage = manifest.model.homepage;
  addAiFields(model, report, facts, manifest?.model.modality);

  const packages = new Map<ComponentId, string>();
  const describe = (
    id: string,
    rating: ComponentRating,
    target: Json,
    extra: ReadonlyArray<[string, string]> = [],
  ): void => {
    const entry = manifest?.components[rating.id];
    const { paths, urls } = locationsOf(rating, entry);
    const files: string[] = [];
    for (const path of paths) {
      const fileId = `${id}/file/${encodeURIComponent(path)}`;
      const file: Json = { name: path };
      if (path.endsWith('/')) file.software_fileKind = 'directory';
      const sha256 = verified.get(path);
      if (sha256) file.verifiedUsing = [hash(sha256)];
      element('software_File', fileId, file);
      files.push(fileId);
    }
    relate(id, 'contains', files);
    // One file: its verified digest is the package's too, as CycloneDX puts it on the component.
    const single = paths.length === 1 ? verified.get(paths[0]!) : undefined;
    if (single && (entry?.sha256 === undefined || entry.sha256 === single)) {
      target.verifiedUsing = [hash(single)];
    }
    const download = urls[0] ?? (rating.id === 'final-parameters' ? profile.source.url : undefined);
    if (download && isUrl(download)) target.software_downloadLocation = download;
    const others = urls.slice(1).map((url) => ({
      type: 'ExternalRef',
      externalRefType: /github\.com|gitlab|\.git$/i.test(url) ? 'vcs' : 'altDownloadLocation',
      locator: [url],
    }));
    if (others.length > 0) target.externalRef = others;
    if (entry?.note) target.summary = entry.note;
    target.extension = [properties([...componentProperties(rating), ...extra])];
    const license = licenseId(rating);
    if (license) relate(id, 'hasDeclaredLicense', [license]);
  };

  if (weights) describe(modelId, weights, model, profileProperties(report));
  else model.extension = [properties(profileProperties(report))];

  for (const rating of profile.components) {
    if (rating.id === 'final-parameters' || !isShippedStatus(rating.status)) continue;
    const kind = SPDX_KIND[rating.id];
    const id = `${base}/component/${rating.id}`;
    const fields: Json = {
      name: `${profile.model.name} ${rating.title.toLowerCase()}`,
      software_primaryPurpose: kind.purpose,
    };
    if (profile.model.version) fields.software_packageVersion = profile.model.version;
    if (organizationId) fields.suppliedBy = organizationId;
    // The schema requires a dataset type; Aperture does not know the modality of a dataset's records.
    if (kind.type === 'dataset_DatasetPackage') fields.dataset_datasetType = ['noAssertion'];
    const target = element(kind.type, id, fields);
    describe(id, rating, target);
    packages.set(rating.id, id);
  }

  // Datasets the card names on the Hub and the base models: known by name only.
  const hubDatasets: string[] = [];
  for (const name of facts?.datasets ?? []) {
    const id = `${base}/dataset/${slug(name)}`;
    const fields: Json = {
      name,
      dataset_datasetType: ['noAssertion'],
      software_primaryPurpose: 'data',
      extension: [properties([['aperture:source', 'model card front matter (datasets)']])],
    };
    const url = hubUrl(name, 'datasets');
    if (url) fields.software_downloadLocation = url;
    element('dataset_DatasetPackage', id, fields);
    hubDatasets.push(id);
  }
  const baseModels = facts?.baseModels ?? (manifest?.model.baseModel ? [manifest.model.baseModel] : []);
  const bases: string[] = [];
  for (const raw of baseModels) {
    const name = raw.replace(/^hf:/, '');
    const id = `${base}/base-model/${slug(name)}`;
    const fields: Json = {
      name,
      software_primaryPurpose: 'model',
      extension: [properties([['aperture:lineage', 'base_model']])],
    };
    const url = hubUrl(name, 'models');
    if (url) fields.software_downloadLocation = url;
    element('ai_AIPackage', id, fields);
    bases.push(id);
  }

  const present = (ids: readonly ComponentId[]) =>
    ids.map((id) => packages.get(id)).filter((id): id is string => id !== undefined);
  relate(modelId, 'trainedOn', [...present(['training-datasets']), ...hubDatasets]);
  relate(modelId, 'testedOn', present(['evaluation-data']));
  relate(modelId, 'descendantOf', bases);
  relate(
    modelId,
    'dependsOn',
    present(['model-architecture', 'training-code', 'data-preprocessing-code', 'supporting-libraries']),
  );
  graph.push(...relationships);

  const annotationId = `${base}/annotation/openness-review`;
  element('Annotation', annotationId, {
    annotationType: 'review',
    subject: modelId,
    contentType: 'text/plain',
    statement: reviewStatement(report),
  });

  const documentId = `${base}/document`;
  const ids = graph
    .map((item) => item.spdxId)
    .filter((id): id is string => typeof id === 'string' && id !== documentId);
  graph.push({
    type: 'SpdxDocument',
    spdxId: documentId,
    creationInfo: CREATION_INFO,
    name: `${profile.model.name}: AI-BOM with its openness profile`,
    profileConformance: ['core', 'software', 'ai', 'dataset', 'simpleLicensing', 'extension'],
    rootElement: [modelId],
    element: ids,
    extension: [
      properties([
        [P.reportVersion, report.reportVersion],
        ['aperture:target', report.target],
      ]),
    ],
  });
  return graph;
}

/** The AI profile fields the release states: none is filled in when the release does not say it. */
function addAiFields(
  model: Json,
  report: CheckReport,
  facts: ReleaseFacts | undefined,
  modality: string | undefined,
): void {
  if (facts?.pipelineTag) model.ai_typeOfModel = [facts.pipelineTag];
  if (modality) model.ai_domain = [modality];
  if (facts?.intendedUse) model.ai_informationAboutApplication = facts.intendedUse;
  if (facts?.limitations) model.ai_limitation = facts.limitations;
  const training = trainingInformation(report);
  if (training) model.ai_informationAboutTraining = training;
  const metrics: Json[] = [];
  const keys = new Set<string>();
  for (const metric of facts?.metrics ?? []) {
    const slice = [metric.task, metric.dataset].filter(Boolean).join(' / ');
    const key = slice ? `${slice}: ${metric.metric}` : metric.metric;
    if (keys.has(key)) continue;
    keys.add(key);
    metrics.push({ type: 'DictionaryEntry', key, value: String(metric.value) });
    if (metric.stderr !== undefined && metric.stderr > 0) {
      metrics.push({ type: 'DictionaryEntry', key: `${key} (stderr)`, value: String(metric.stderr) });
    }
  }
  if (metrics.length > 0) model.ai_metric = metrics;
}

/** One line per training component the release-pack rates: its status, its rating and where it is. */
function trainingInformation(report: CheckReport): string | undefined {
  const lines: string[] = [];
  for (const id of TRAINING_COMPONENTS) {
    const rating = report.profile.components.find((candidate) => candidate.id === id);
    if (!rating || rating.status === 'not-applicable') continue;
    lines.push(`${rating.title}: ${rating.status} (${rating.rating}): ${rating.reason}`);
  }
  return lines.length === 0 ? undefined : `As Aperture rated the release:\n${lines.join('\n')}`;
}

/**
 * The paths inside the release and the URLs a component names (its manifest entry, else its evidence):
 * at most MAX_PATHS locations, and every declared artifact (each has its digest).
 */
function locationsOf(
  rating: ComponentRating,
  entry: ComponentEntry | undefined,
): { paths: string[]; urls: string[] } {
  const locations =
    entry?.location === undefined ? [] : Array.isArray(entry.location) ? entry.location : [entry.location];
  const paths: string[] = [];
  const urls: string[] = [];
  for (const location of locations) (isUrl(location) ? urls : paths).push(location);
  if (!entry) {
    for (const ref of rating.evidence) {
      if (ref.file && !ref.location && !ref.url) paths.push(ref.file);
      if (ref.url && /^https?:\/\//.test(ref.url)) urls.push(ref.url);
    }
  }
  const artifacts = (entry?.artifacts ?? []).map((artifact) => artifact.path);
  const named = [...new Set(paths)].filter((path) => !artifacts.includes(path)).slice(0, MAX_PATHS);
  return { paths: [...new Set([...named, ...artifacts])], urls: [...new Set(urls)] };
}

function hash(sha256: string): Json {
  return { type: 'Hash', algorithm: 'sha256', hashValue: sha256 };
}

/** Name/value pairs as SPDX 3's CycloneDX-properties extension. */
function properties(pairs: ReadonlyArray<readonly [string, string]>): Json {
  return {
    type: 'extension_CdxPropertiesExtension',
    extension_cdxProperty: pairs.map(([name, value]) => ({
      type: 'extension_CdxPropertyEntry',
      extension_cdxPropName: name,
      extension_cdxPropValue: value,
    })),
  };
}

/** The openness profile in words, for readers that show annotations and know no extension. */
function reviewStatement(report: CheckReport): string {
  const profile = report.profile;
  const washing =
    profile.openWashing === null
      ? 'the release does not call itself open source'
      : profile.openWashing.flagged
        ? `open-washing flagged: ${profile.openWashing.reason}`
        : `not open-washing: ${profile.openWashing.reason}`;
  return [
    `Aperture openness review of ${profile.model.name} as of ${profile.asOf}:`,
    `score ${profile.score}/100, MOF class ${profile.mof.class ?? 'none'}, ${profile.osaid.verdict}, release-pack completeness ${profile.completeness.percent}%; ${washing}.`,
    `Components: ${profile.components.map((rating) => `${rating.id}=${rating.rating}`).join(', ')}.`,
  ].join('\n');
}

/**
 * A component's license as an SPDX expression: valid SPDX as it is, other licenses (catalogued AI
 * licenses such as `llama3.1`, free text) as `LicenseRef-` ids with their link when the catalogue has one.
 */
function spdxLicense(rating: ComponentRating): { text: string; links: Array<[string, string]> } | undefined {
  const license = rating.license;
  if (license.class === 'none') return undefined;
  const expression = (license.expression ?? license.input).trim();
  if (expression === '') return undefined;
  if (isSpdxExpression(expression)) return { text: expression, links: [] };
  const refs = new Set<string>();
  const rewritten = expression.replace(/[A-Za-z0-9][A-Za-z0-9.+:-]*/g, (token) => {
    if (token === 'AND' || token === 'OR' || token === 'WITH' || isSpdxExpression(token)) return token;
    const ref = licenseRef(token);
    refs.add(ref);
    return ref;
  });
  const text = isSpdxExpression(rewritten) ? rewritten : licenseRef(expression);
  const link = license.source && /^https?:\/\//.test(license.source) ? license.source : undefined;
  const ids = isSpdxExpression(rewritten) ? [...refs] : [text];
  return { text, links: link && ids.length === 1 ? [[ids[0]!, link]] : [] };
}

function licenseRef(text: string): string {
  if (/^LicenseRef-[A-Za-z0-9.-]+$/.test(text)) return text;
  const id = text
    .replace(/^LicenseRef-/, '')
    .replace(/[^A-Za-z0-9.-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `LicenseRef-${id || 'unnamed'}`;
}

/** A readable, IRI-safe piece of an id. */
function slug(text: string): string {
  return encodeURIComponent(text.trim()).replaceAll('%20', '-') || 'unnamed';
}
