import { ApertureError } from '../errors.ts';
import type { ManifestState } from '../spec/index.ts';
import { validateManifestText } from '../spec/index.ts';
import { decodeUtf8Strict } from '../util/index.ts';
import type { PathLookup } from './file-index.ts';
import type { Pack } from './pack.ts';

/** The largest manifest read: a manifest is a few KiB. */
const MAX_MANIFEST_BYTES = 1024 * 1024;

/**
 * Reads and validates the pack's `release-pack.yaml` (or `.yml`): `absent` without one, `invalid` with
 * its issues, `valid` with its value. Throws ERR_YAML_LIMIT over 1 MiB, and for text that is not UTF-8.
 *
 * @example
 * const manifest = await readManifest(pack, indexFiles(await pack.listFiles()).byPath);
 */
export async function readManifest(pack: Pack, byPath: PathLookup): Promise<ManifestState> {
  const manifestPath = ['release-pack.yaml', 'release-pack.yml'].find((name) => byPath.has(name));
  if (!manifestPath) return { state: 'absent' };
  const { bytes, truncated } = await pack.readFile(manifestPath, MAX_MANIFEST_BYTES + 1);
  if (truncated) {
    throw new ApertureError(
      'ERR_YAML_LIMIT',
      `${manifestPath}: larger than 1 MiB; a manifest should be a few KiB`,
    );
  }
  return validateManifestText(decodeUtf8Strict(bytes, manifestPath), manifestPath);
}
