import type { ManifestState } from '../spec/index.ts';
import { bomDisagreements } from './ai-bom-manifest.ts';
import type { CollectOptions } from './collect-options.ts';
import type { PathLookup } from './file-index.ts';
import type { Pack } from './pack.ts';
import type { AiBom } from './parse-ai-bom.ts';
import { verifyChecksums } from './verify-checksums.ts';

/**
 * Checks each AI-BOM against the bytes and the manifest: every sha256 it gives for a file of the release
 * is computed (with the same parallel hashing as the manifest's digests), and each lie, missing file or
 * disagreement with release-pack.yaml (license, status, digest) is one warning line.
 *
 * @example
 * const warnings = await verifyAiBoms(boms, manifest, pack, byPath, { hashWorkers: 2 });
 */
export async function verifyAiBoms(
  boms: readonly AiBom[],
  manifest: ManifestState,
  pack: Pack,
  byPath: PathLookup,
  options: Pick<CollectOptions, 'hashWorkers'>,
): Promise<string[]> {
  const warnings: string[] = [];
  for (const bom of boms) {
    const outcomes = await verifyChecksums(
      pack,
      [
        {
          sha256: undefined,
          locations: [],
          artifacts: bom.digests.map(({ path, sha256 }) => ({ path, sha256 })),
        },
      ],
      byPath,
      { hashWorkers: options.hashWorkers },
    );
    for (const outcome of outcomes) {
      if (outcome.error)
        warnings.push(`${bom.file}: sha256 of ${outcome.path} not verified: ${outcome.error}`);
      else if (outcome.actual !== outcome.expected) {
        warnings.push(
          `${bom.file}: sha256 of ${outcome.path} does not match the file (the BOM says ${outcome.expected.slice(0, 12)}…, the bytes hash to ${outcome.actual?.slice(0, 12)}…)`,
        );
      }
    }
    if (manifest.state === 'valid') warnings.push(...bomDisagreements(bom, manifest.value, manifest.file));
  }
  return warnings;
}
