import {
  APERTURE_PROPERTIES,
  COMPONENT_IDS,
  COMPONENT_STATUSES,
  type ComponentId,
  type ComponentStatus,
} from '../spec/index.ts';
import { isRecord, isUrl, toPackRelative } from '../util/index.ts';

/** The largest AI-BOM read, in bytes: an ML-BOM of a release is kilobytes, not megabytes. */
export const MAX_AI_BOM_BYTES = 8 * 1024 * 1024;
/** The deepest nesting of JSON arrays and objects accepted. */
export const MAX_AI_BOM_DEPTH = 64;
/** The most components (or SPDX elements) read from one BOM. */
export const MAX_AI_BOM_COMPONENTS = 10_000;

/** One component of an AI-BOM as Aperture reads it: the release-pack component it stands for, if any. */
export interface AiBomComponent {
  /** The release-pack component it stands for (`aperture:component`, or by its type), or null. */
  id: ComponentId | null;
  name: string;
  /** `aperture:status` when the BOM says it; otherwise released when it has a location. */
  status?: ComponentStatus;
  /** Its license as an SPDX expression or a license name (several are joined with AND). */
  license?: string;
  /** Paths inside the release it names. */
  paths: string[];
  /** URLs it names (distribution, VCS). */
  urls: string[];
}

/** An AI-BOM (CycloneDX ML-BOM or SPDX 3 AI document) read from a release. */
export interface AiBom {
  format: 'CycloneDX' | 'SPDX 3';
  /** The file it was read from, relative to the release. */
  file: string;
  model: { name?: string; version?: string; organization?: string; baseModel?: string };
  components: AiBomComponent[];
  /** Every sha256 the BOM gives for a file inside the release. */
  digests: Array<{ path: string; sha256: string; component: string }>;
  /** What was ignored, one line each (paths outside the release, hashes of no single file). */
  warnings: string[];
}

/** The result of parsing an AI-BOM: the BOM, or why it is not one (a one-line problem). */
export type ParsedAiBom = { ok: true; bom: AiBom } | { ok: false; problem: string };

const SHA256 = /^[a-fA-F0-9]{64}$/;

/**
 * Reads a CycloneDX ML-BOM (`bomFormat: CycloneDX`) or an SPDX 3 JSON-LD document as evidence. The text is
 * untrusted: size, nesting depth and component counts are capped, every path must stay inside the
 * release (others are dropped with a warning), and anything that is not one of the two formats is a
 * problem, never an abort.
 *
 * @example
 * const parsed = parseAiBom(text, 'bom.cdx.json');
 * if (parsed.ok) parsed.bom.components[0]; // { id: 'final-parameters', name: 'my-model', … }
 */
export function parseAiBom(text: string, file: string): ParsedAiBom {
  if (text.length > MAX_AI_BOM_BYTES) {
    return { ok: false, problem: `is larger than ${MAX_AI_BOM_BYTES / 1024 / 1024} MiB` };
  }
  const depth = jsonDepth(text);
  if (depth > MAX_AI_BOM_DEPTH) return { ok: false, problem: `nests deeper than ${MAX_AI_BOM_DEPTH} levels` };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: `is not JSON (${(error as Error).message.split('\n')[0]})` };
  }
  if (!isRecord(value)) return { ok: false, problem: 'is not a JSON object' };
  if (value.bomFormat === 'CycloneDX') return readCycloneDx(value, file);
  if (isSpdx3(value)) return readSpdx3(value, file);
  return {
    ok: false,
    problem: 'is neither a CycloneDX BOM (bomFormat: CycloneDX) nor an SPDX 3 document (@context of SPDX 3)',
  };
}

/** The deepest nesting of `[` and `{` outside strings, without parsing (so a hostile file costs one pass). */
function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 92) i++;
      else if (char === 34) inString = false;
    } else if (char === 34) inString = true;
    else if (char === 91 || char === 123) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > MAX_AI_BOM_DEPTH) return deepest;
    } else if (char === 93 || char === 125) depth--;
  }
  return deepest;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function isComponentId(value: string | undefined): value is ComponentId {
  return value !== undefined && (COMPONENT_IDS as readonly string[]).includes(value);
}

function isStatus(value: string | undefined): value is ComponentStatus {
  return value !== undefined && (COMPONENT_STATUSES as readonly string[]).includes(value);
}

/** A path inside the release, or null with a warning for one that escapes it. */
function insidePath(candidate: string, file: string, owner: string, warnings: string[]): string | null {
  try {
    const relative = toPackRelative(candidate, 'path');
    return relative === '' ? null : relative;
  } catch {
    warnings.push(
      `${file}: "${owner}" names a path outside the release, ${JSON.stringify(candidate)}: ignored`,
    );
    return null;
  }
}

// ---------------------------------------------------------------- CycloneDX

const CYCLONEDX_TYPES = new Set([
  'application',
  'framework',
  'library',
  'container',
  'platform',
  'operating-system',
  'device',
  'device-driver',
  'firmware',
  'file',
  'machine-learning-model',
  'data',
  'cryptographic-asset',
]);

function readCycloneDx(bom: Record<string, unknown>, file: string): ParsedAiBom {
  const specVersion = text(bom.specVersion);
  if (!specVersion || !/^1\.\d+$/.test(specVersion)) {
    return { ok: false, problem: 'is not valid CycloneDX: specVersion must be a version such as "1.6"' };
  }
  if (bom.components !== undefined && !Array.isArray(bom.components)) {
    return { ok: false, problem: 'is not valid CycloneDX: components must be an array' };
  }
  const metadata = isRecord(bom.metadata) ? bom.metadata : {};
  const subject = isRecord(metadata.component) ? metadata.component : undefined;
  const listed = [...(subject ? [subject] : []), ...((bom.components as unknown[] | undefined) ?? [])];
  if (listed.length > MAX_AI_BOM_COMPONENTS) {
    return { ok: false, problem: `lists more than ${MAX_AI_BOM_COMPONENTS} components` };
  }
  for (const [index, component] of listed.entries()) {
    if (!isRecord(component) || typeof component.name !== 'string' || typeof component.type !== 'string') {
      return { ok: false, problem: `is not valid CycloneDX: component ${index} needs a name and a type` };
    }
    if (!CYCLONEDX_TYPES.has(component.type)) {
      return {
        ok: false,
        problem: `is not valid CycloneDX: component "${component.name}" has unknown type "${component.type}"`,
      };
    }
  }
  const components = listed as Array<Record<string, unknown>>;
  const warnings: string[] = [];
  const digests: AiBom['digests'] = [];
  const read: AiBomComponent[] = [];
  const model =
    components.find(
      (component) => property(component, APERTURE_PROPERTIES.component) === 'final-parameters',
    ) ??
    components.find(
      (component) =>
        component.type === 'machine-learning-model' && property(component, 'aperture:lineage') === undefined,
    );
  let baseModel: string | undefined;
  for (const component of components) {
    const name = component.name as string;
    if (property(component, 'aperture:lineage') === 'base_model') {
      baseModel ??= name;
      continue;
    }
    const declared = property(component, APERTURE_PROPERTIES.component);
    const id: ComponentId | null = isComponentId(declared)
      ? declared
      : component === model
        ? 'final-parameters'
        : component.type === 'data' && !String(component['bom-ref'] ?? '').startsWith('dataset:')
          ? 'training-datasets'
          : component.type === 'library' || component.type === 'framework'
            ? 'supporting-libraries'
            : null;
    const paths: string[] = [];
    for (const candidate of [
      ...properties(component, APERTURE_PROPERTIES.path),
      ...occurrences(component),
      ...(component.type === 'file' ? [name] : []),
    ]) {
      const inside = insidePath(candidate, file, name, warnings);
      if (inside && !paths.includes(inside)) paths.push(inside);
    }
    const urls = externalUrls(component);
    const ownDigest = sha256Of(component.hashes);
    if (ownDigest) {
      if (paths.length === 1) digests.push({ path: paths[0]!, sha256: ownDigest, component: name });
      else if (paths.length > 1 || urls.length === 0) {
        warnings.push(
          `${file}: "${name}" gives a sha256 but names no single file of the release: not verified`,
        );
      }
    }
    for (const nested of Array.isArray(component.components)
      ? component.components.slice(0, MAX_AI_BOM_COMPONENTS)
      : []) {
      if (!isRecord(nested) || typeof nested.name !== 'string') continue;
      const inside = insidePath(nested.name, file, name, warnings);
      if (!inside) continue;
      if (!paths.includes(inside)) paths.push(inside);
      const digest = sha256Of(nested.hashes);
      if (digest) digests.push({ path: inside, sha256: digest, component: name });
    }
    const status = property(component, APERTURE_PROPERTIES.status);
    read.push({
      id,
      name,
      status: isStatus(status) ? status : undefined,
      license: licenseOf(component.licenses),
      paths,
      urls,
    });
  }
  const supplier = isRecord(model?.supplier) ? text(model.supplier.name) : undefined;
  const manufacturer = isRecord(metadata.manufacturer) ? text(metadata.manufacturer.name) : undefined;
  return {
    ok: true,
    bom: {
      format: 'CycloneDX',
      file,
      model: {
        name: text(model?.name) ?? (subject ? text(subject.name) : undefined),
        version: text(model?.version),
        organization:
          supplier ??
          manufacturer ??
          (isRecord(model?.manufacturer) ? text(model.manufacturer.name) : undefined),
        baseModel,
      },
      components: read,
      digests,
      warnings,
    },
  };
}

function properties(component: Record<string, unknown>, name: string): string[] {
  if (!Array.isArray(component.properties)) return [];
  return component.properties
    .filter((item): item is Record<string, unknown> => isRecord(item) && item.name === name)
    .map((item) => text(item.value))
    .filter((value): value is string => value !== undefined);
}

function property(component: Record<string, unknown>, name: string): string | undefined {
  return properties(component, name)[0];
}

function occurrences(component: Record<string, unknown>): string[] {
  const evidence = isRecord(component.evidence) ? component.evidence : undefined;
  if (!evidence || !Array.isArray(evidence.occurrences)) return [];
  return evidence.occurrences
    .map((item) => (isRecord(item) ? text(item.location) : undefined))
    .filter((item): item is string => item !== undefined);
}

/** External reference types that say where a component can be had (not its website or its issue tracker). */
const LOCATION_REFERENCES = new Set(['distribution', 'distribution-intake', 'vcs']);

function externalUrls(component: Record<string, unknown>): string[] {
  if (!Array.isArray(component.externalReferences)) return [];
  return component.externalReferences
    .map((item) =>
      isRecord(item) && LOCATION_REFERENCES.has(String(item.type)) ? text(item.url) : undefined,
    )
    .filter((url): url is string => url !== undefined && isUrl(url));
}

function sha256Of(hashes: unknown): string | undefined {
  if (!Array.isArray(hashes)) return undefined;
  for (const hash of hashes) {
    if (
      isRecord(hash) &&
      hash.alg === 'SHA-256' &&
      typeof hash.content === 'string' &&
      SHA256.test(hash.content)
    ) {
      return hash.content.toLowerCase();
    }
  }
  return undefined;
}

function licenseOf(licenses: unknown): string | undefined {
  if (!Array.isArray(licenses)) return undefined;
  const names: string[] = [];
  for (const entry of licenses) {
    if (!isRecord(entry)) continue;
    const expression = text(entry.expression);
    if (expression) names.push(expression);
    else if (isRecord(entry.license)) {
      const name = text(entry.license.id) ?? text(entry.license.name);
      if (name) names.push(name);
    }
  }
  if (names.length === 0) return undefined;
  return names.length === 1
    ? names[0]
    : names.map((name) => (/\s/.test(name) ? `(${name})` : name)).join(' AND ');
}

// ---------------------------------------------------------------- SPDX 3

function isSpdx3(value: Record<string, unknown>): boolean {
  const context = value['@context'];
  const contexts = Array.isArray(context) ? context : [context];
  return contexts.some((item) => typeof item === 'string' && /spdx\.org\/rdf\/3\.\d/.test(item));
}

function readSpdx3(document: Record<string, unknown>, file: string): ParsedAiBom {
  const graph = document['@graph'];
  if (!Array.isArray(graph))
    return { ok: false, problem: 'is not valid SPDX 3 JSON-LD: @graph must be an array' };
  if (graph.length > MAX_AI_BOM_COMPONENTS) {
    return { ok: false, problem: `lists more than ${MAX_AI_BOM_COMPONENTS} elements` };
  }
  const elements = graph.filter(isRecord);
  const byId = new Map<string, Record<string, unknown>>();
  for (const element of elements) {
    const id = text(element.spdxId) ?? text(element['@id']);
    if (id) byId.set(id, element);
  }
  const licenses = new Map<string, string>();
  const contains = new Map<string, string[]>();
  let baseModel: string | undefined;
  for (const element of elements) {
    if (element.type !== 'Relationship') continue;
    const from = text(element.from);
    const to = Array.isArray(element.to)
      ? element.to.map(text).filter((item): item is string => item !== undefined)
      : [];
    if (!from) continue;
    const kind = element.relationshipType;
    if (kind === 'hasConcludedLicense' || kind === 'hasDeclaredLicense') {
      const license = byId.get(to[0] ?? '');
      const expression = license
        ? (text(license.simplelicensing_licenseExpression) ?? text(license.name))
        : undefined;
      if (expression && (kind === 'hasConcludedLicense' || !licenses.has(from)))
        licenses.set(from, expression);
    } else if (kind === 'contains') {
      contains.set(from, [...(contains.get(from) ?? []), ...to]);
    } else if (kind === 'ancestorOf' || kind === 'descendantOf') {
      const other = byId.get(kind === 'descendantOf' ? (to[0] ?? '') : from);
      baseModel ??= other ? text(other.name) : undefined;
    }
  }
  const warnings: string[] = [];
  const digests: AiBom['digests'] = [];
  const components: AiBomComponent[] = [];
  // Aperture's own export names the component each package stands for (`aperture:component`).
  let model: Record<string, unknown> | undefined = elements.find(
    (element) => spdxProperty(element, APERTURE_PROPERTIES.component) === 'final-parameters',
  );
  for (const element of elements) {
    const type = element.type;
    if (type !== 'ai_AIPackage' && type !== 'dataset_DatasetPackage' && type !== 'software_Package') continue;
    const name = text(element.name);
    if (!name) return { ok: false, problem: `is not valid SPDX 3: a ${String(type)} needs a name` };
    const spdxId = text(element.spdxId) ?? '';
    const lineage = spdxProperty(element, 'aperture:lineage');
    if (type === 'ai_AIPackage' && (baseModel === name || lineage === 'base_model')) {
      baseModel ??= lineage === 'base_model' ? name : undefined;
      continue;
    }
    if (type === 'ai_AIPackage') model ??= element;
    const purpose = text(element.software_primaryPurpose);
    const declared = spdxProperty(element, APERTURE_PROPERTIES.component);
    const id: ComponentId | null = isComponentId(declared)
      ? declared
      : spdxProperty(element, 'aperture:source') !== undefined
        ? null
        : type === 'ai_AIPackage'
          ? element === model
            ? 'final-parameters'
            : 'intermediate-checkpoints'
          : type === 'dataset_DatasetPackage'
            ? 'training-datasets'
            : purpose === 'library' || purpose === 'framework'
              ? 'supporting-libraries'
              : purpose === 'source'
                ? 'training-code'
                : null;
    const paths: string[] = [];
    for (const child of contains.get(spdxId) ?? []) {
      const member = byId.get(child);
      if (member?.type !== 'software_File') continue;
      const memberName = text(member.name);
      const inside = memberName ? insidePath(memberName, file, name, warnings) : null;
      if (!inside) continue;
      paths.push(inside);
      const digest = spdxSha256(member.verifiedUsing);
      if (digest) digests.push({ path: inside, sha256: digest, component: name });
    }
    const own = spdxSha256(element.verifiedUsing);
    if (own) {
      if (paths.length === 1 && !digests.some((digest) => digest.path === paths[0])) {
        digests.push({ path: paths[0]!, sha256: own, component: name });
      } else if (paths.length !== 1) {
        warnings.push(
          `${file}: "${name}" gives a sha256 but names no single file of the release: not verified`,
        );
      }
    }
    const download = text(element.software_downloadLocation);
    const status = spdxProperty(element, APERTURE_PROPERTIES.status);
    components.push({
      id,
      name,
      status: isStatus(status) ? status : undefined,
      license: licenses.get(spdxId),
      paths,
      urls: download && isUrl(download) ? [download] : [],
    });
  }
  if (!model && components.length === 0) {
    return { ok: false, problem: 'is an SPDX 3 document with no ai_AIPackage, dataset or package' };
  }
  const supplier = model ? byId.get(text(model.suppliedBy) ?? '') : undefined;
  return {
    ok: true,
    bom: {
      format: 'SPDX 3',
      file,
      model: {
        name: model ? text(model.name) : undefined,
        version: model ? text(model.software_packageVersion) : undefined,
        organization: supplier ? text(supplier.name) : undefined,
        baseModel,
      },
      components,
      digests,
      warnings,
    },
  };
}

/** A name/value pair of an element's CycloneDX-properties extension (`extension_CdxPropertiesExtension`). */
function spdxProperty(element: Record<string, unknown>, name: string): string | undefined {
  if (!Array.isArray(element.extension)) return undefined;
  for (const extension of element.extension) {
    if (!isRecord(extension) || !Array.isArray(extension.extension_cdxProperty)) continue;
    for (const entry of extension.extension_cdxProperty) {
      if (isRecord(entry) && entry.extension_cdxPropName === name) return text(entry.extension_cdxPropValue);
    }
  }
  return undefined;
}

function spdxSha256(verifiedUsing: unknown): string | undefined {
  if (!Array.isArray(verifiedUsing)) return undefined;
  for (const hash of verifiedUsing) {
    if (
      isRecord(hash) &&
      hash.algorithm === 'sha256' &&
      typeof hash.hashValue === 'string' &&
      SHA256.test(hash.hashValue)
    ) {
      return hash.hashValue.toLowerCase();
    }
  }
  return undefined;
}
