import { type Inference, type InferredComponent, MAX_EVIDENCE, STATUS_RANK } from '../infer/index.ts';
import {
  COMPONENTS,
  type ComponentDefinition,
  type ComponentId,
  classifyLicense,
  type EvidenceRef,
  isShippedStatus,
  type LicenseVerdict,
  type ReleaseEvidence,
  type ResolvedComponent,
} from '../spec/index.ts';
import { isUrl } from '../util/index.ts';
import { type FileIndex, resolveLocations } from './file-index.ts';
import { type ReleaseLocation, releasePath } from './release-location.ts';

/** One location of a release with what inference concluded about it. */
export interface LocatedInference {
  location: ReleaseLocation;
  inference: Inference;
  index: FileIndex;
}

const ROLE_RANK = { primary: 2, given: 1, followed: 0 } as const;
/** A dataset repository's README is the dataset's card; its papers are datasheets, not the release's paper. */
const DATASET_REMAP: Partial<Record<ComponentId, ComponentId | null>> = {
  'model-card': 'data-card',
  'research-paper': null,
  'technical-report': null,
  'evaluation-results': null,
};

interface Candidate {
  located: LocatedInference;
  found: InferredComponent;
  files: string[];
  locations: string[];
  missing: string[];
  escaping: string[];
  license: { verdict: LicenseVerdict; origin: ResolvedComponent['licenseOrigin'] };
  evidence: EvidenceRef[];
}

/** The license of a location as a whole, for its components that state none (MOF's distribution license). */
function locationLicense(located: LocatedInference): ReleaseEvidence['packLicense'] {
  const stated = located.inference.packLicense;
  if (!stated) return null;
  return { verdict: classifyLicense(stated.license), evidence: locate(located, stated.evidence) };
}

/** Names the location of a piece of evidence found outside the primary location. */
function locate(located: LocatedInference, ref: EvidenceRef): EvidenceRef {
  const { location } = located;
  if (location.role === 'primary') return ref;
  return {
    ...ref,
    ...(ref.file ? { file: releasePath(location, ref.file) } : {}),
    location: location.ref,
  };
}

function isDatasetLocation(located: LocatedInference): boolean {
  return located.location.ref.startsWith('hf:datasets/');
}

function candidateFor(definition: ComponentDefinition, located: LocatedInference): Candidate | null {
  const id = definition.id as ComponentId;
  const remapped = isDatasetLocation(located)
    ? located.inference.components.filter((component) => {
        const target = component.id in DATASET_REMAP ? DATASET_REMAP[component.id] : component.id;
        return target === id;
      })
    : located.inference.components.filter((component) => component.id === id);
  const found = remapped[0];
  if (!found) return null;
  const resolved = resolveLocations(found.locations, located.index);
  const own = found.license;
  const packLicense = locationLicense(located);
  const license = own
    ? { verdict: classifyLicense(own), origin: 'component' as const }
    : packLicense
      ? { verdict: packLicense.verdict, origin: 'pack' as const }
      : { verdict: classifyLicense(null), origin: 'none' as const };
  // The pack's own paths are release paths already; only other locations' need their prefix.
  const primary = located.location.role === 'primary';
  const path = (p: string) => releasePath(located.location, p);
  const paths = (list: string[]) => (primary ? list : list.map(path));
  return {
    located,
    found,
    files: paths(resolved.files),
    locations: primary
      ? found.locations
      : found.locations.map((location) => (isUrl(location) ? location : path(location))),
    missing: paths(resolved.missing),
    escaping: paths(resolved.escaping),
    license,
    evidence: found.evidence.map((ref) => locate(located, ref)),
  };
}

/** Verified evidence first, then the stronger status, then the location closest to what was checked. */
function rank(candidate: Candidate): number {
  return (
    (candidate.files.length > 0 ? 100 : 0) +
    STATUS_RANK[candidate.found.status] * 10 +
    ROLE_RANK[candidate.located.location.role]
  );
}

/**
 * Merges what inference found in each location of a release into one component per id: the best
 * candidate (verified over linked, then the stronger status, then the primary location over the ones
 * named with it and those links led to) decides status and license; files, locations and evidence are
 * gathered from every location that has the component (a model card only from the best one, since a
 * release has one card). Files and evidence outside the primary location carry the location's name.
 *
 * @example
 * const components = mergeInferences([{ location, inference, index }]);
 */
export function mergeInferences(locatedInferences: readonly LocatedInference[]): ResolvedComponent[] {
  return COMPONENTS.map((definition) => {
    const candidates = locatedInferences
      .map((located) => candidateFor(definition, located))
      .filter((candidate): candidate is Candidate => candidate !== null)
      .sort((a, b) => rank(b) - rank(a));
    const best = candidates[0];
    const id = definition.id as ComponentId;
    if (!best) {
      const license = locatedInferences[0] ? locationLicense(locatedInferences[0]) : null;
      return {
        id,
        status: 'withheld',
        origin: 'inferred',
        locations: [],
        files: [],
        missing: [],
        escaping: [],
        license: license?.verdict ?? classifyLicense(null),
        licenseOrigin: license ? 'pack' : 'none',
        note: 'no evidence found',
        artifacts: [],
        evidence: [],
      } satisfies ResolvedComponent;
    }
    const shipped = (candidate: Candidate) => isShippedStatus(candidate.found.status);
    const contributing =
      id === 'model-card'
        ? candidates.filter((candidate) => candidate.located === best.located)
        : candidates.filter((candidate) => candidate === best || shipped(candidate));
    // One location's lists hold no duplicates: only lists from several need them removed.
    const gather = (pick: (candidate: Candidate) => string[]) =>
      contributing.length === 1 ? pick(best) : [...new Set(contributing.flatMap(pick))];
    return {
      id,
      status: best.found.status,
      origin: 'inferred',
      locations: gather((candidate) => candidate.locations),
      files: gather((candidate) => candidate.files),
      missing: best.missing,
      escaping: best.escaping,
      license: best.license.verdict,
      licenseOrigin: best.license.origin,
      artifacts: [],
      evidence: contributing.flatMap((candidate) => candidate.evidence).slice(0, MAX_EVIDENCE),
    } satisfies ResolvedComponent;
  });
}

/**
 * The license of the release as a whole: the primary location's, else that of the first location
 * named with it. A location a link led to (a dataset, a library) never licenses the release.
 */
export function mergedPackLicense(
  locatedInferences: readonly LocatedInference[],
): ReleaseEvidence['packLicense'] {
  for (const located of locatedInferences) {
    if (located.location.role === 'followed') continue;
    const license = locationLicense(located);
    if (license) return license;
  }
  return null;
}
