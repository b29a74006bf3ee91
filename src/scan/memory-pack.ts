import { ApertureError } from '../errors.ts';
import type { PackFile, SourceInfo } from '../spec/index.ts';
import { toPackRelative } from '../util/index.ts';
import { DEFAULT_READ_LIMIT, type Pack } from './pack.ts';

/**
 * A pack held in memory, for tests and for the API's "check a release" of uploaded text.
 *
 * @example
 * const pack = memoryPack({ 'release-pack.yaml': 'spec: …', 'README.md': '# Model' });
 */
export function memoryPack(files: Record<string, string | Uint8Array>, source?: Partial<SourceInfo>): Pack {
  const contents = new Map<string, Uint8Array>();
  for (const [name, content] of Object.entries(files)) {
    contents.set(toPackRelative(name), typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
  }
  const listing: PackFile[] = [...contents.entries()]
    .map(([path, bytes]) => ({ path, size: bytes.byteLength }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    source: { kind: 'memory', ref: 'memory', ...source },
    warnings: [],
    async listFiles() {
      return listing;
    },
    async readFile(path, maxBytes = DEFAULT_READ_LIMIT) {
      const bytes = contents.get(toPackRelative(path));
      if (!bytes) throw new ApertureError('ERR_NOT_FOUND', `${path}: not a file of the pack`);
      return { bytes: bytes.subarray(0, maxBytes), truncated: bytes.byteLength > maxBytes };
    },
    localPath() {
      return undefined;
    },
    async close() {},
  };
}
