/** Safety limits for unpacking an archive. */
export interface ArchiveLimits {
  /** Most entries (files, folders, links) accepted. */
  maxEntries: number;
  /** Most bytes written to the sandbox, over all entries. */
  maxTotalBytes: number;
  /** Most bytes unpacked per byte of archive, once past `ratioGraceBytes` (a decompression-bomb guard). */
  maxCompressionRatio: number;
  /** Bytes that may be unpacked before the compression ratio is enforced, so small text archives pass. */
  ratioGraceBytes: number;
}

/** Defaults: room for a large model release, no room for a bomb. */
export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = {
  maxEntries: 200_000,
  maxTotalBytes: 64 * 1024 ** 3,
  maxCompressionRatio: 200,
  ratioGraceBytes: 64 * 1024 ** 2,
};
