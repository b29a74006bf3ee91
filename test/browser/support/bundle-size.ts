import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Total size of the JavaScript of a built dashboard, raw and gzipped (level 9), in bytes. */
export function javascriptSize(outDir: string): { files: number; bytes: number; gzipBytes: number } {
  const assets = path.join(outDir, 'assets');
  const scripts = readdirSync(assets).filter((name) => name.endsWith('.js'));
  let bytes = 0;
  let gzipBytes = 0;
  for (const name of scripts) {
    const content = readFileSync(path.join(assets, name));
    bytes += content.length;
    gzipBytes += gzipSync(content, { level: 9 }).length;
  }
  return { files: scripts.length, bytes, gzipBytes };
}
