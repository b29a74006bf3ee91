import {
  COMPONENTS,
  type ComponentDefinition,
  type ComponentEntry,
  classifyLicense,
  type EvidenceRef,
  type GlobalLicenses,
  type LicenseVerdict,
  type ManifestState,
  type ReleaseEvidence,
  type ResolvedComponent,
} from '../spec/index.ts';
import { isUrl } from '../util/index.ts';
import { type FileIndex, resolveLocations } from './file-index.ts';

/** MOF's license resolution: the component's own, then the type-specific global, then the distribution license. */
function resolveLicense(
  definition: ComponentDefinition,
  own: string | undefined,
  globals: GlobalLicenses | undefined,
  packLicense: ReleaseEvidence['packLicense'],
): { verdict: LicenseVerdict; origin: ResolvedComponent['licenseOrigin'] } {
  if (own) return { verdict: classifyLicense(own), origin: 'component' };
  for (const type of definition.contentTypes) {
    const global = globals?.[type];
    if (global) return { verdict: classifyLicense(global), origin: 'pack' };
  }
  if (globals?.distribution) return { verdict: classifyLicense(globals.distribution), origin: 'pack' };
  if (packLicense) return { verdict: packLicense.verdict, origin: 'pack' };
  return { verdict: classifyLicense(null), origin: 'none' };
}

function declaredComponent(
  definition: ComponentDefinition,
  entry: ComponentEntry | undefined,
  files: FileIndex,
  globals: GlobalLicenses | undefined,
  packLicense: ReleaseEvidence['packLicense'],
  declaredAt: { file: string; line: number | undefined },
): ResolvedComponent {
  const locations =
    entry?.location === undefined ? [] : Array.isArray(entry.location) ? entry.location : [entry.location];
  const artifactPaths = (entry?.artifacts ?? []).map((artifact) => artifact.path);
  const resolved = resolveLocations([...locations, ...artifactPaths], files);
  const license = resolveLicense(definition, entry?.license, globals, packLicense);
  const evidence: EvidenceRef[] = entry
    ? [
        { file: declaredAt.file, line: declaredAt.line, note: `declared ${entry.status}` },
        ...resolved.files.slice(0, 5).map((file) => ({ file })),
      ]
    : [];
  for (const location of locations) if (isUrl(location)) evidence.push({ url: location });
  return {
    id: definition.id as ResolvedComponent['id'],
    status: entry?.status ?? 'withheld',
    origin: 'declared',
    locations,
    files: resolved.files,
    missing: resolved.missing,
    escaping: resolved.escaping,
    license: license.verdict,
    licenseOrigin: license.origin,
    reason: entry?.reason,
    command: entry?.command,
    note: entry ? entry.note : 'not listed in release-pack.yaml',
    sha256: entry?.sha256,
    artifacts: entry?.artifacts ?? [],
    evidence,
  };
}

/**
 * Every component of the standard as a valid manifest declares it, resolved against the pack's files:
 * locations (files, folders, globs, URLs) to files, missing and escaping paths, the license by MOF's
 * order, and evidence pointing at the manifest's line. A component the manifest omits is `withheld`.
 *
 * @example
 * const manifest = validateManifestText(text, 'release-pack.yaml');
 * if (manifest.state === 'valid') declaredComponents(manifest, indexFiles(files), null);
 */
export function declaredComponents(
  manifest: Extract<ManifestState, { state: 'valid' }>,
  files: FileIndex,
  packLicense: ReleaseEvidence['packLicense'],
): ResolvedComponent[] {
  const value = manifest.value;
  return COMPONENTS.map((definition) =>
    declaredComponent(
      definition,
      value.components[definition.id as keyof typeof value.components],
      files,
      value.licenses,
      packLicense,
      { file: manifest.file, line: manifest.componentLines[definition.id] },
    ),
  );
}
