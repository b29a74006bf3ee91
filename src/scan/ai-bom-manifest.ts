import {
  type ComponentEntry,
  type ComponentId,
  classifyLicense,
  getComponent,
  type ManifestState,
  RELEASE_PACK_SPEC,
  type ReleasePack,
  ReleasePackSchema,
} from '../spec/index.ts';
import type { AiBom, AiBomComponent } from './parse-ai-bom.ts';

/** What the manifest drafted from a BOM says for a model without a supplier: plainly not a name. */
export const UNKNOWN_ORGANIZATION = 'unknown (the AI-BOM names no supplier)';

/**
 * The release-pack manifest an AI-BOM amounts to: its model, and each component it lists that stands
 * for a release-pack component, with its license, locations and digests. Components the BOM lists
 * without a location are `described`. Used as the manifest when a release ships a BOM and no
 * release-pack.yaml, and by `aperture init --from bom.json`.
 *
 * @example
 * const manifest = manifestFromAiBom(bom); // { spec: 'aperture.dev/release-pack/v1', model: {…}, components: {…} }
 */
export function manifestFromAiBom(bom: AiBom): Extract<ManifestState, { state: 'valid' }> {
  const grouped = new Map<ComponentId, AiBomComponent[]>();
  for (const component of bom.components) {
    if (component.id) grouped.set(component.id, [...(grouped.get(component.id) ?? []), component]);
  }
  const components: ReleasePack['components'] = {};
  for (const [id, parts] of grouped) components[id] = entryOf(parts, bom);
  const model: ReleasePack['model'] = {
    name: bom.model.name ?? bom.file,
    organization: bom.model.organization ?? UNKNOWN_ORGANIZATION,
  };
  if (bom.model.version) model.version = bom.model.version;
  if (bom.model.baseModel) model.baseModel = bom.model.baseModel;
  const candidate = { spec: RELEASE_PACK_SPEC, model, components };
  // Whatever the BOM held, the manifest must validate; an entry that does not is dropped, not guessed at.
  const parsed = ReleasePackSchema.safeParse(candidate);
  const value = parsed.success ? parsed.data : { spec: RELEASE_PACK_SPEC, model, components: {} };
  return { state: 'valid', file: bom.file, value: value as ReleasePack, componentLines: {} };
}

function entryOf(parts: readonly AiBomComponent[], bom: AiBom): ComponentEntry {
  const paths = [...new Set(parts.flatMap((part) => part.paths))];
  const urls = [...new Set(parts.flatMap((part) => part.urls))];
  const locations = [...paths, ...urls];
  const licenses = [...new Set(parts.map((part) => part.license).filter((license) => license !== undefined))];
  const declared = parts.find((part) => part.status)?.status ?? 'released';
  // A shipped component needs a location; one the BOM lists without any is only described.
  const shipped = declared === 'released' || declared === 'restricted';
  const entry: ComponentEntry = {
    status: shipped && locations.length === 0 ? 'described' : declared,
    note: `from ${bom.file} (${bom.format}): ${parts
      .map((part) => part.name)
      .slice(0, 3)
      .join(', ')}`,
  };
  if (entry.status === 'restricted' || entry.status === 'withheld') entry.reason = 'other';
  if (locations.length > 0) entry.location = locations.length === 1 ? locations[0]! : locations;
  if (licenses.length > 0) {
    entry.license =
      licenses.length === 1 ? licenses[0]! : licenses.map((license) => `(${license})`).join(' AND ');
  }
  const digests = bom.digests.filter((digest) => paths.includes(digest.path));
  if (digests.length > 0) {
    if (locations.length === 1 && digests.length === 1 && digests[0]!.path === locations[0])
      entry.sha256 = digests[0]!.sha256;
    else entry.artifacts = digests.map((digest) => ({ path: digest.path, sha256: digest.sha256 }));
  }
  return entry;
}

/**
 * Where a release's AI-BOM and its release-pack.yaml disagree, one line each: a component's license
 * (compared as classified, so `apache-2.0` and `Apache-2.0` agree), its status (shipped or not), and
 * the digest of a file both name.
 *
 * @example
 * bomDisagreements(bom, manifest) // ['bom.cdx.json disagrees with release-pack.yaml: final-parameters license …']
 */
export function bomDisagreements(bom: AiBom, manifest: ReleasePack, manifestFile: string): string[] {
  const fromBom = manifestFromAiBom(bom).value;
  const lines: string[] = [];
  const prefix = `${bom.file} disagrees with ${manifestFile}:`;
  for (const [id, bomEntry] of Object.entries(fromBom.components) as Array<[ComponentId, ComponentEntry]>) {
    const declared = manifest.components[id];
    if (!declared) {
      lines.push(`${prefix} ${id} is listed in the BOM (${bomEntry.status}) but not in the manifest`);
      continue;
    }
    const bomShipped = bomEntry.status === 'released' || bomEntry.status === 'restricted';
    const declaredShipped = declared.status === 'released' || declared.status === 'restricted';
    if (bomShipped !== declaredShipped) {
      lines.push(`${prefix} ${id} is ${bomEntry.status} in the BOM, ${declared.status} in the manifest`);
    }
    const license = declared.license ?? manifestLicense(manifest, id);
    if (bomEntry.license && license && !sameLicense(bomEntry.license, license)) {
      lines.push(`${prefix} ${id} license is ${bomEntry.license} in the BOM, ${license} in the manifest`);
    }
  }
  const declaredDigests = new Map<string, string>();
  for (const entry of Object.values(manifest.components) as ComponentEntry[]) {
    if (entry.sha256 && typeof entry.location === 'string') declaredDigests.set(entry.location, entry.sha256);
    for (const artifact of entry.artifacts ?? []) declaredDigests.set(artifact.path, artifact.sha256);
  }
  for (const digest of bom.digests) {
    const declared = declaredDigests.get(digest.path);
    if (declared && declared !== digest.sha256) {
      lines.push(
        `${prefix} sha256 of ${digest.path} is ${digest.sha256.slice(0, 12)}… in the BOM, ${declared.slice(0, 12)}… in the manifest`,
      );
    }
  }
  return lines;
}

/** The pack-wide license a component without its own takes, by MOF's order (content type, then distribution). */
function manifestLicense(manifest: ReleasePack, id: ComponentId): string | undefined {
  for (const type of getComponent(id).contentTypes) {
    const license = manifest.licenses?.[type];
    if (license) return license;
  }
  return manifest.licenses?.distribution;
}

function sameLicense(a: string, b: string): boolean {
  const left = classifyLicense(a);
  const right = classifyLicense(b);
  return (left.expression ?? a.toLowerCase()) === (right.expression ?? b.toLowerCase());
}
