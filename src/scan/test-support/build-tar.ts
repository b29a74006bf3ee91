import { gzipSync } from 'node:zlib';
import { Header } from 'tar';

/** One entry of a hand-made tar archive; any path is written as given, however hostile. */
export interface TarEntrySpec {
  path: string;
  type?: 'File' | 'Directory' | 'SymbolicLink' | 'Link' | 'FIFO' | 'CharacterDevice';
  content?: string | Uint8Array;
  linkpath?: string;
}

/**
 * Builds a gzip-compressed tar archive from raw headers, without the sanitising that tar's packer
 * applies, so tests can craft `..`, absolute and link entries.
 *
 * @example
 * writeFileSync(file, buildTarGz([{ path: '../evil', content: 'x' }]));
 */
export function buildTarGz(entries: TarEntrySpec[]): Buffer {
  const blocks: Buffer[] = [];
  for (const entry of entries) {
    const type = entry.type ?? 'File';
    const data = Buffer.from(entry.content ?? '');
    const header = new Header({
      path: entry.path,
      type,
      size: type === 'File' ? data.length : 0,
      linkpath: entry.linkpath,
      mode: type === 'Directory' ? 0o755 : 0o644,
      uid: 0,
      gid: 0,
      mtime: new Date(0),
    });
    const block = Buffer.alloc(512);
    header.encode(block, 0);
    blocks.push(block);
    if (type === 'File' && data.length > 0) {
      blocks.push(data, Buffer.alloc((512 - (data.length % 512)) % 512));
    }
  }
  blocks.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(blocks));
}
