import { ApertureError } from '../errors.ts';
import { type Inference, identifyLicenseText, inferRelease } from '../infer/index.ts';
import {
  type ChecksumOutcome,
  COMPONENTS,
  type ComponentDefinition,
  type ComponentEntry,
  classifyLicense,
  type EvidenceRef,
  type GlobalLicenses,
  type LicenseVerdict,
  type ManifestState,
  type PackFile,
  type ReleaseEvidence,
  type ReleaseLocationSummary,
  type ResolvedComponent,
  type TextDocument,
  validateManifestText,
} from '../spec/index.ts';
import {
  decodeUtf8Strict,
  hashFilesInParallel,
  isUrl,
  isUtf8Text,
  sha256Hex,
  toPackRelative,
} from '../util/index.ts';
import { type FileIndex, indexFiles, resolveLocations } from './file-index.ts';
import { type FollowLimits, type FollowState, followLinks } from './follow-links.ts';
import type { LocationOpener } from './location-opener.ts';
import { type LocatedInference, mergedPackLicense, mergeInferences } from './merge-inferences.ts';
import type { Pack } from './pack.ts';
import { type ReleaseLocation, releasePath } from './release-location.ts';

/** Progress of collection, for a progress bar: hashing declared artifacts, following links. */
export type CollectProgress = (
  event:
    | { phase: 'hash'; bytesDone: number; bytesTotal: number }
    | { phase: 'follow'; target: string; opened: number },
) => void;

/** Options of evidence collection. */
export interface CollectOptions {
  /** The day to judge schedules on, YYYY-MM-DD; today (UTC) by default. */
  asOf?: string;
  /** Worker threads for hashing; all cores by default. */
  hashWorkers?: number;
  onProgress?: CollectProgress;
  /** Further locations of the same release (its code, its data), checked as one release with the pack. */
  given?: readonly Pack[];
  /**
   * Follows the links the release's texts contain (weights on the Hub, code on GitHub, datasets) through
   * this opener, within limits. Without it no link is followed and no request is made: linked parts
   * are rated *linked, unverified* from what the link and its text say.
   */
  follow?: {
    opener: LocationOpener;
    limits?: Partial<FollowLimits>;
    /** Hosts the destination rule allows (APERTURE_ALLOW_HOSTS): links to them are not refused on sight. */
    allowHosts?: readonly string[];
  };
}

const TEXT_EXTENSIONS =
  /\.(md|markdown|txt|rst|ya?ml|json|jsonl|ndjson|csv|tsv|cff|toml|cfg|ini|log|tex|html?)$/i;
const MAKEFILES = /(^|\/)(GNUmakefile|[Mm]akefile)$/;
const MAX_DEPENDENCY_FILES = 200;
const DEPENDENCY_READ_LIMIT = 512 * 1024;
const DEPENDENCY_FILES =
  /(^|\/)(requirements[^/]*\.txt|pyproject\.toml|setup\.cfg|setup\.py|environment\.ya?ml|Pipfile(\.lock)?|poetry\.lock|uv\.lock|conda-lock\.ya?ml|package(-lock)?\.json|Cargo\.(toml|lock)|go\.(mod|sum))$/;
const LICENSE_FILES = /^(LICEN[CS]E|COPYING)(\.(md|txt|rst))?$/i;
const DOCUMENT_COMPONENTS = new Set([
  'model-card',
  'data-card',
  'safety-notes',
  'reproducibility',
  'evaluation-results',
  'training-logs',
  'technical-report',
  'research-paper',
]);
/**
 * Most documents of one component read for the checks, and their bytes: a sample is enough to judge
 * them, and the rest are listed in `unread` so that checks leave them out rather than call them broken.
 */
const MAX_DOCUMENTS_PER_COMPONENT = 50;
const DOCUMENT_BYTES_PER_COMPONENT = 16 * 1024 * 1024;
const DOCUMENT_READ_LIMIT = 2 * 1024 * 1024;
const MAY_HOLD_PAPER_LINK = /arxiv|doi\.org/i;
const PROSE_DOCUMENT = /\.(md|markdown|mdx|txt|rst|cff|tex|bib|html?)$/i;
// Markdown emphasis (_arXiv:2303.08112_, **doi.org/…**) is not part of an identifier.
const PAPER_LINK =
  /(arxiv\.org\/(?:abs|pdf)\/[^\s)\]}>"'`*_~]+|arXiv:\s*[^\s)\]},;`*_~]+|doi\.org\/[^\s)\]}>"'`*~]+)/gi;

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

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

/** Where a file of the release is read from: its location's pack and its path there. */
interface FileRoute {
  pack: Pack;
  path: string;
}

/**
 * Reads a release once and gathers everything the checks need: the manifest or the inferred components,
 * the file list, the documents to judge, and the verified checksums. A release may span several
 * locations: the pack, the locations given with it, and, with `follow`, the locations its links lead
 * to; files outside the pack are named `<location>/<path>` and evidence from them names its location.
 *
 * @example
 * const evidence = await collectEvidence(await openFolderPack('examples/open-science-pack'));
 */
export async function collectEvidence(pack: Pack, options: CollectOptions = {}): Promise<ReleaseEvidence> {
  const primaryFiles = await pack.listFiles();
  const primaryIndex = indexFiles(primaryFiles);
  const byPath = primaryIndex.byPath;
  const warnings = [...pack.warnings];
  const documents: Record<string, TextDocument> = {};
  // Files of the locations beyond the pack, by release path; the pack's own are read from it directly.
  const routes = new Map<string, FileRoute>();
  const otherFiles: PackFile[] = [];
  const locations: ReleaseLocation[] = [];
  const followed: ReleaseLocation[] = [];
  const fileCounts = new Map<ReleaseLocation, number>();
  const unread: string[] = [];

  /** Adds a location's files to the release under their release paths. */
  function register(location: ReleaseLocation, list: readonly PackFile[]): void {
    locations.push(location);
    fileCounts.set(location, list.length);
    if (location.role === 'primary') return;
    for (const file of list) {
      const path = releasePath(location, file.path);
      if (routes.has(path) || byPath.has(path)) continue;
      routes.set(path, { pack: location.pack, path: file.path });
      otherFiles.push({ ...file, path });
    }
    warnings.push(...location.pack.warnings.map((w) => `${location.ref}: ${w}`));
  }

  /** Every file of the release, the pack's first, without copying the lists. */
  function* releaseFiles(): Generator<PackFile> {
    yield* primaryFiles;
    yield* otherFiles;
  }

  // How many bytes each cached document was read with, so a later, larger read is not served a head.
  const readLimits = new Map<string, number>();

  async function readText(path: string, maxBytes = DOCUMENT_READ_LIMIT): Promise<string | null> {
    const cached = documents[path];
    if (cached && (!cached.truncated || (readLimits.get(path) ?? 0) >= maxBytes)) return cached.text;
    const route = byPath.has(path) ? { pack, path } : routes.get(path);
    if (!route) return null;
    let read: { bytes: Uint8Array; truncated: boolean };
    try {
      read = await route.pack.readFile(route.path, maxBytes);
    } catch (error) {
      // A gated or vanished file of a remote location: the rest of the release is still read.
      if (!(error instanceof ApertureError)) throw error;
      warnings.push(`${path}: not read (${error.message.split('\n')[0]})`);
      return null;
    }
    const { bytes, truncated } = read;
    // A truncated read may cut a multi-byte character: judge only the complete part.
    const complete = truncated ? trimPartialCharacter(bytes) : bytes;
    if (!isUtf8Text(complete)) {
      warnings.push(`${path}: not UTF-8 text; not read`);
      return null;
    }
    // A view, not a copy, of the bytes read.
    const text = Buffer.from(complete.buffer, complete.byteOffset, complete.byteLength).toString('utf8');
    documents[path] = { path, text, truncated };
    readLimits.set(path, maxBytes);
    return text;
  }

  const primary: ReleaseLocation = { ref: pack.source.ref, role: 'primary', pack, depth: 0 };
  register(primary, primaryFiles);
  const given: Array<{ location: ReleaseLocation; files: PackFile[] }> = [];
  for (const other of options.given ?? []) {
    const location: ReleaseLocation = { ref: other.source.ref, role: 'given', pack: other, depth: 0 };
    const files = await other.listFiles();
    given.push({ location, files });
    register(location, files);
  }

  const manifestPath = ['release-pack.yaml', 'release-pack.yml'].find((name) => byPath.has(name));
  let manifest: ManifestState = { state: 'absent' };
  if (manifestPath) {
    const { bytes, truncated } = await pack.readFile(manifestPath, 1024 * 1024 + 1);
    if (truncated) {
      throw new ApertureError(
        'ERR_YAML_LIMIT',
        `${manifestPath}: larger than 1 MiB; a manifest should be a few KiB`,
      );
    }
    manifest = validateManifestText(decodeUtf8Strict(bytes, manifestPath), manifestPath);
  }

  const licenseFile = primaryFiles.find((file) => !file.path.includes('/') && LICENSE_FILES.test(file.path));
  let packLicense: ReleaseEvidence['packLicense'] = null;
  if (licenseFile) {
    const text = await readText(licenseFile.path, 256 * 1024);
    const match = text ? identifyLicenseText(text) : null;
    if (match) {
      packLicense = {
        verdict: classifyLicense(match.id),
        evidence: {
          file: licenseFile.path,
          note: `identified as ${match.id} (${Math.round(match.confidence * 100)}% match)`,
        },
      };
    }
  }

  let components: ResolvedComponent[];
  let inference: Inference | null = null;
  try {
    if (manifest.state === 'valid') {
      const value = manifest.value;
      components = COMPONENTS.map((definition) =>
        declaredComponent(
          definition,
          value.components[definition.id as keyof typeof value.components],
          primaryIndex,
          value.licenses,
          packLicense,
          { file: manifest.file, line: manifest.componentLines[definition.id] },
        ),
      );
    } else {
      const located: LocatedInference[] = [];
      const inferLocation = async (
        location: ReleaseLocation,
        list: PackFile[],
        index = indexFiles(list),
      ): Promise<LocatedInference> => {
        const result: LocatedInference = {
          location,
          index,
          inference: await inferRelease({
            files: list,
            readText: (path, max) => readText(releasePath(location, path), max),
            sourceRef: location.ref,
            gated: location.pack.source.gated === true,
          }),
        };
        located.push(result);
        return result;
      };
      const primaryInference = await inferLocation(primary, primaryFiles, primaryIndex);
      for (const { location, files } of given) await inferLocation(location, files);
      inference = primaryInference.inference;
      if (options.follow) {
        let state = followState(located);
        const outcome = await followLinks(
          located.flatMap((entry) => entry.inference.links),
          {
            opener: options.follow.opener,
            limits: options.follow.limits,
            allowHosts: options.follow.allowHosts,
            known: locations.map((location) => location.ref),
            // Changes only when a location is read, so it is worked out then, not for every link.
            state: () => state,
            read: async (location) => {
              options.onProgress?.({ phase: 'follow', target: location.ref, opened: followed.length + 1 });
              followed.push(location);
              const list = await location.pack.listFiles();
              register(location, list);
              const { links } = (await inferLocation(location, list)).inference;
              state = followState(located);
              return links;
            },
          },
        );
        warnings.push(...outcome.warnings);
      }
      components = mergeInferences(located);
      // Without a manifest, the model card's declared license outranks a guess from the LICENSE text.
      packLicense = mergedPackLicense(located) ?? packLicense;
    }

    for (const component of components) {
      if (
        !DOCUMENT_COMPONENTS.has(component.id) &&
        component.id !== 'evaluation-code' &&
        component.id !== 'reproducibility'
      ) {
        continue;
      }
      const candidates =
        component.id === 'evaluation-code' || component.id === 'reproducibility'
          ? component.files.filter((path) => DEPENDENCY_FILES.test(path) || TEXT_EXTENSIONS.test(path))
          : component.files.filter((path) => TEXT_EXTENSIONS.test(path));
      let bytes = 0;
      for (const [index, path] of candidates.entries()) {
        if (index >= MAX_DOCUMENTS_PER_COMPONENT || bytes >= DOCUMENT_BYTES_PER_COMPONENT) {
          unread.push(...candidates.slice(index));
          break;
        }
        bytes += (await readText(path))?.length ?? 0;
      }
    }
    for (const path of ['README.md', 'CITATION.cff']) await readText(path);
    let dependencyFilesRead = 0;
    // Pins and Makefiles anywhere, for the runnable-harness check: requirements include others (-r)
    // and commands name make targets.
    for (const file of releaseFiles())
      if (DEPENDENCY_FILES.test(file.path) || MAKEFILES.test(file.path)) {
        if (++dependencyFilesRead > MAX_DEPENDENCY_FILES) break;
        await readText(file.path, DEPENDENCY_READ_LIMIT);
      }
  } finally {
    // Followed locations are this collection's own: every text the checks need has been read.
    await Promise.all(followed.map((location) => location.pack.close().catch(() => undefined)));
  }

  const checksums = await verifyChecksums(pack, components, byPath, options);
  const value = manifest.state === 'valid' ? manifest.value : null;
  // A dataset's papers are its datasheets, not the release's paper.
  const paperDocuments = Object.fromEntries(
    Object.entries(documents).filter(([path]) => !path.startsWith('hf:datasets/')),
  );
  const paperLinks = findPaperLinks(
    paperDocuments,
    components,
    value?.citation ?? inference?.citation ?? null,
  );
  for (const link of inference?.paperLinks ?? []) {
    const url = link.url ? normalisePaperLink(link.url) : undefined;
    if (!paperLinks.some((known) => known.url === url)) paperLinks.push({ ...link, url });
  }

  return {
    source: pack.source,
    manifest,
    model: value?.model ?? inference?.model ?? { name: pack.source.ref },
    stages: value?.stages ?? {},
    citation: value?.citation ?? inference?.citation ?? null,
    contacts: value?.contacts ?? [],
    funding: value?.funding ?? [],
    components,
    packLicense,
    files: otherFiles.length === 0 ? primaryFiles : [...primaryFiles, ...otherFiles],
    documents,
    unread,
    checksums,
    paperLinks,
    locations: locations.map((location) => summariseLocation(location, fileCounts.get(location) ?? 0)),
    asOf: options.asOf ?? today(),
    warnings,
  };
}

/** What following needs to know of the locations read so far. */
function followState(located: readonly LocatedInference[]): FollowState {
  return {
    owners: releaseOwners(located),
    hasWeights: located.some((entry) =>
      entry.inference.components.some(
        (component) =>
          component.id === 'final-parameters' && component.locations.some((location) => !isUrl(location)),
      ),
    ),
  };
}

/** The accounts that publish a release: those of the locations checked, never of those followed. */
function releaseOwners(located: readonly LocatedInference[]): string[] {
  const owners = new Set<string>();
  for (const entry of located)
    if (entry.location.role !== 'followed') for (const owner of entry.inference.owners) owners.add(owner);
  return [...owners];
}

function summariseLocation(location: ReleaseLocation, count: number): ReleaseLocationSummary {
  const source = location.pack.source;
  return {
    ref: location.ref,
    role: location.role,
    kind: source.kind,
    ...(source.revision ? { revision: source.revision } : {}),
    ...(source.url ? { url: source.url } : {}),
    files: count,
    ...(location.via ? { via: location.via } : {}),
  };
}

function trimPartialCharacter(bytes: Uint8Array): Uint8Array {
  const end = bytes.length;
  // Step back over at most three continuation bytes to the start of the last character.
  for (let i = 1; i <= 4 && end - i >= 0; i++) {
    const byte = bytes[end - i]!;
    if ((byte & 0xc0) !== 0x80) {
      const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
      return needed > i ? bytes.subarray(0, end - i) : bytes;
    }
  }
  return bytes;
}

async function verifyChecksums(
  pack: Pack,
  components: ResolvedComponent[],
  byPath: Map<string, PackFile>,
  options: CollectOptions,
): Promise<ChecksumOutcome[]> {
  const declared: Array<{ path: string; expected: string }> = [];
  for (const component of components) {
    if (component.sha256 && component.locations.length === 1 && !isUrl(component.locations[0]!)) {
      declared.push({ path: component.locations[0]!, expected: component.sha256 });
    }
    for (const artifact of component.artifacts)
      declared.push({ path: artifact.path, expected: artifact.sha256 });
  }
  const outcomes: ChecksumOutcome[] = [];
  const local: Array<{ index: number; path: string }> = [];
  for (const item of declared) {
    let relative: string;
    try {
      relative = toPackRelative(item.path, 'artifact path');
    } catch (error) {
      outcomes.push({
        path: item.path,
        expected: item.expected,
        actual: null,
        method: 'computed',
        error: (error as Error).message,
      });
      continue;
    }
    const file = byPath.get(relative);
    if (!file) {
      outcomes.push({
        path: relative,
        expected: item.expected,
        actual: null,
        method: 'computed',
        error: 'file not found in the pack',
      });
      continue;
    }
    const absolute = pack.localPath(relative);
    if (absolute) {
      outcomes.push({ path: relative, expected: item.expected, actual: null, method: 'computed' });
      local.push({ index: outcomes.length - 1, path: absolute });
    } else if (file.sourceSha256) {
      outcomes.push({ path: relative, expected: item.expected, actual: file.sourceSha256, method: 'source' });
    } else {
      const { bytes, truncated } = await pack.readFile(relative, 64 * 1024 * 1024);
      outcomes.push({
        path: relative,
        expected: item.expected,
        actual: truncated ? null : sha256Hex(bytes),
        method: 'computed',
        error: truncated ? 'too large to fetch for hashing; the source gives no digest' : undefined,
      });
    }
  }
  if (local.length > 0) {
    const bytesTotal = local.reduce(
      (sum, job) => sum + (byPath.get(outcomes[job.index]!.path)?.size ?? 0),
      0,
    );
    let bytesDone = 0;
    const results = await hashFilesInParallel(
      // Sizes from the listing let the pool start the biggest files first without stat'ing them again.
      local.map((job) => ({ path: job.path, size: byPath.get(outcomes[job.index]!.path)?.size })),
      {
        workers: options.hashWorkers,
        onProgress: (bytes) => {
          bytesDone += bytes;
          options.onProgress?.({ phase: 'hash', bytesDone, bytesTotal });
        },
      },
    );
    results.forEach((result, i) => {
      const outcome = outcomes[local[i]!.index]!;
      if ('sha256' in result) outcome.actual = result.sha256;
      else outcome.error = result.error;
    });
  }
  return outcomes;
}

/**
 * One spelling per paper: `arXiv:2401.12345`, `arxiv.org/pdf/2401.12345.pdf` and the abs URL all become
 * `https://arxiv.org/abs/2401.12345`; bare `doi.org/…` becomes `https://doi.org/…`. Malformed ids are kept
 * as written so the paper check can name them.
 */
export function normalisePaperLink(url: string): string {
  const trimmed = url.trim().replace(/[.,;:*_~]+$/, '');
  const arxiv =
    /^(?:https?:\/\/)?(?:www\.)?arxiv\.org\/(?:abs|pdf)\/(.+?)(?:\.pdf)?$/i.exec(trimmed) ??
    /^arxiv:\s*(.+)$/i.exec(trimmed);
  if (arxiv) return `https://arxiv.org/abs/${arxiv[1]}`;
  const doi = /^(?:https?:\/\/)?(?:dx\.)?doi\.org\/(.+)$/i.exec(trimmed);
  if (doi) return `https://doi.org/${doi[1]}`;
  return trimmed;
}

function findPaperLinks(
  documents: Record<string, TextDocument>,
  components: ResolvedComponent[],
  citation: ReleaseEvidence['citation'],
): EvidenceRef[] {
  const links: EvidenceRef[] = [];
  const seen = new Set<string>();
  const add = (url: string, ref: Omit<EvidenceRef, 'url'>) => {
    const cleaned = normalisePaperLink(url);
    if (seen.has(cleaned)) return;
    seen.add(cleaned);
    links.push({ url: cleaned, ...ref });
  };
  for (const component of components) {
    if (component.id !== 'research-paper' && component.id !== 'technical-report') continue;
    for (const location of component.locations)
      if (isUrl(location)) add(location, { note: `${component.id} location` });
  }
  for (const doc of Object.values(documents)) {
    // Papers are cited in prose and citation files, not in logs, results tables or data.
    if (!PROSE_DOCUMENT.test(doc.path)) continue;
    // Every link the pattern finds contains one of these words: skip the line split for documents without.
    if (!MAY_HOLD_PAPER_LINK.test(doc.text)) continue;
    const lines = doc.text.split('\n');
    lines.forEach((line, index) => {
      for (const match of line.matchAll(PAPER_LINK)) add(match[0], { file: doc.path, line: index + 1 });
    });
  }
  if (citation?.doi) add(`https://doi.org/${citation.doi}`, { note: 'citation doi' });
  for (const identifier of citation?.identifiers ?? []) {
    if (identifier.type === 'doi')
      add(`https://doi.org/${identifier.value}`, { note: 'citation identifier' });
    if (identifier.type === 'url') add(identifier.value, { note: 'citation identifier' });
  }
  if (citation?.url) add(citation.url, { note: 'citation url' });
  return links;
}
