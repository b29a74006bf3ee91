import type { ChecksumOutcome, ResolvedComponent } from '../spec/index.ts';
import { hashFilesInParallel, isUrl, sha256Hex, toPackRelative } from '../util/index.ts';
import type { CollectOptions } from './collect-options.ts';
import type { PathLookup } from './file-index.ts';
import type { Pack } from './pack.ts';

/** The largest file fetched to hash it when its source gives no digest. */
const MAX_FETCHED_FOR_HASHING = 64 * 1024 * 1024;

/**
 * Checks the sha256 each component and artifact declares: files on disk are hashed in parallel worker
 * threads (largest first, with progress), remote files are compared with the digest their source gives
 * (LFS) or fetched and hashed up to 64 MiB. A path that escapes the pack or is not in it is an outcome
 * with an error, never an abort.
 *
 * @example
 * const outcomes = await verifyChecksums(pack, components, indexFiles(files).byPath, { hashWorkers: 2 });
 */
export async function verifyChecksums(
  pack: Pack,
  components: ReadonlyArray<Pick<ResolvedComponent, 'sha256' | 'locations' | 'artifacts'>>,
  byPath: PathLookup,
  options: Pick<CollectOptions, 'hashWorkers' | 'onProgress'>,
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
      const { bytes, truncated } = await pack.readFile(relative, MAX_FETCHED_FOR_HASHING);
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
