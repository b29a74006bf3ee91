import type { PackFile, SourceInfo } from '../spec/index.ts';

/** Bytes read from a pack file; `truncated` when only the first `maxBytes` were read. */
export interface ReadResult {
  bytes: Uint8Array;
  truncated: boolean;
}

/**
 * A release opened for reading: a local folder, an unpacked archive, a clone, the Hub or memory.
 * All IO of a release goes through this interface, so that checks never touch the file system.
 */
export interface Pack {
  readonly source: SourceInfo;
  /** Every regular file of the pack, relative paths with forward slashes, sorted. */
  listFiles(): Promise<PackFile[]>;
  /** Reads a file, at most `maxBytes` of it. The path must be one that `listFiles` returned. */
  readFile(path: string, maxBytes?: number): Promise<ReadResult>;
  /** The absolute local path of a file for hashing in worker threads, or undefined for remote packs. */
  localPath(path: string): string | undefined;
  /** Notes about things skipped while opening (unsafe links, unreadable entries). */
  readonly warnings: string[];
  /** Releases temporary files. */
  close(): Promise<void>;
}

/** Default cap for reading one text file of a pack. */
export const DEFAULT_READ_LIMIT = 2 * 1024 * 1024;
