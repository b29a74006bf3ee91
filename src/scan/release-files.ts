import { ApertureError } from '../errors.ts';
import type { PackFile, ReleaseLocationSummary, TextDocument } from '../spec/index.ts';
import { isUtf8Text } from '../util/index.ts';
import { type FileIndex, indexFiles } from './file-index.ts';
import type { Pack } from './pack.ts';
import { type ReleaseLocation, releasePath } from './release-location.ts';

/** How much of a document is read for the checks unless a reader asks for another limit. */
export const DOCUMENT_READ_LIMIT = 2 * 1024 * 1024;

/** The files of a release over all its locations, and the texts read from them for the checks. */
export interface ReleaseFiles {
  /** The location checked: the pack itself. */
  readonly primary: ReleaseLocation;
  /** The pack's own files, indexed. */
  readonly primaryIndex: FileIndex;
  /** Texts read so far, by release path (`<location>/<path>` outside the pack). */
  readonly documents: Record<string, TextDocument>;
  /** The pack's warnings, then those of each location added and of each file that could not be read. */
  readonly warnings: string[];
  /** Adds a location's files to the release under their release paths (the pack's own are already in). */
  register(location: ReleaseLocation, list: readonly PackFile[]): void;
  /**
   * The text of a release file, at most `maxBytes` of it, cached; null for a file that is not in the
   * release, is not UTF-8 or (on a remote location) could not be read, with a warning for the last two.
   */
  readText(path: string, maxBytes?: number): Promise<string | null>;
  /** Every file of the release, the pack's first, without copying the lists. */
  files(): Generator<PackFile>;
  /** Every file of the release as one list, the pack's first. */
  list(): PackFile[];
  /** The release paths of the locations registered, in order. */
  locationRefs(): string[];
  /** What the report says of each location: its kind, revision and number of files. */
  summaries(): ReleaseLocationSummary[];
}

/** Where a file of the release is read from: its location's pack and its path there. */
interface FileRoute {
  pack: Pack;
  path: string;
}

/**
 * Starts a release at its pack: further locations (given with it, or followed from its links) join it
 * with `register`, and texts are read through `readText` from whichever location holds the file.
 *
 * @example
 * const release = releaseFiles(pack, await pack.listFiles());
 * const readme = await release.readText('README.md');
 */
export function releaseFiles(pack: Pack, primaryFiles: PackFile[]): ReleaseFiles {
  const primaryIndex = indexFiles(primaryFiles);
  const byPath = primaryIndex.byPath;
  const warnings = [...pack.warnings];
  const documents: Record<string, TextDocument> = {};
  // Files of the locations beyond the pack, by release path; the pack's own are read from it directly.
  const routes = new Map<string, FileRoute>();
  const otherFiles: PackFile[] = [];
  const locations: ReleaseLocation[] = [];
  const fileCounts = new Map<ReleaseLocation, number>();
  // How many bytes each cached document was read with, so a later, larger read is not served a head.
  const readLimits = new Map<string, number>();

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

  return {
    primary,
    primaryIndex,
    documents,
    warnings,
    register,
    readText,
    *files() {
      yield* primaryFiles;
      yield* otherFiles;
    },
    list: () => (otherFiles.length === 0 ? primaryFiles : [...primaryFiles, ...otherFiles]),
    locationRefs: () => locations.map((location) => location.ref),
    summaries: () => locations.map((location) => summariseLocation(location, fileCounts.get(location) ?? 0)),
  };
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

/**
 * The bytes up to the last complete UTF-8 character: a read cut at a byte limit may end inside one.
 *
 * @example
 * trimPartialCharacter(new Uint8Array([0x61, 0xc3])) // Uint8Array [0x61]
 */
export function trimPartialCharacter(bytes: Uint8Array): Uint8Array {
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
