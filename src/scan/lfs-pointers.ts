import type { PackFile } from '../spec/index.ts';
import type { Pack } from './pack.ts';

/** Git LFS pointer files are about 130 bytes; anything outside this range is not one. */
const POINTER_MIN_BYTES = 100;
const POINTER_MAX_BYTES = 1024;
const POINTER =
  /^version https:\/\/git-lfs\.github\.com\/spec\/v1\n(?:[a-z0-9.-]+ .*\n)*?oid sha256:([0-9a-f]{64})\n(?:[a-z0-9.-]+ .*\n)*?size (\d+)\n/;

/** The object a Git LFS pointer names, or null when the text is not a pointer. */
export function parseLfsPointer(text: string): { sha256: string; size: number } | null {
  const match = POINTER.exec(text);
  return match ? { sha256: match[1]!, size: Number(match[2]) } : null;
}

/**
 * Reads Git LFS pointer files of a clone as what they stand for: the file's real size, and the sha256 the
 * pointer vouches for as the source digest. A clone never fetches LFS content (weights may be
 * gigabytes), so declared digests are compared with the pointers instead of failing on pointer bytes.
 */
export function withLfsPointers(pack: Pack): Pack {
  let listing: Promise<PackFile[]> | undefined;
  const pointers = new Set<string>();

  async function list(): Promise<PackFile[]> {
    const files = await pack.listFiles();
    const result: PackFile[] = [];
    for (const file of files) {
      if (file.size < POINTER_MIN_BYTES || file.size > POINTER_MAX_BYTES) {
        result.push(file);
        continue;
      }
      const { bytes } = await pack.readFile(file.path, POINTER_MAX_BYTES);
      const pointer = parseLfsPointer(Buffer.from(bytes).toString('latin1'));
      if (!pointer) {
        result.push(file);
        continue;
      }
      pointers.add(file.path);
      result.push({ path: file.path, size: pointer.size, sourceSha256: pointer.sha256 });
    }
    if (pointers.size > 0) {
      pack.warnings.push(
        `${pointers.size} file(s) are Git LFS pointers: their content was not fetched, their digests come from the pointers`,
      );
    }
    return result;
  }

  return {
    source: pack.source,
    warnings: pack.warnings,
    listFiles() {
      listing ??= list();
      return listing;
    },
    readFile: (path, maxBytes) => pack.readFile(path, maxBytes),
    // Pointer bytes are not the file: hashing them would report a false mismatch.
    localPath: (path) => (pointers.has(path) ? undefined : pack.localPath(path)),
    close: () => pack.close(),
  };
}
