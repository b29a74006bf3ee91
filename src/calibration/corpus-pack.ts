import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ApertureError } from '../errors.ts';
import { memoryPack, type Pack } from '../scan/index.ts';
import type { PackFile, SourceInfo } from '../spec/index.ts';

/**
 * A location of a calibration release as a pack: the files its `listing.tsv` lists, at their real
 * sizes, with the texts under `files/` (a listed file without a text reads as empty).
 *
 * @example
 * const pack = corpusPack('test/calibration/corpus/pythia-6-9b/hub-model', { kind: 'hf', ref: 'hf:EleutherAI/pythia-6.9b' });
 */
export function corpusPack(dir: string, source: SourceInfo): Pack {
  const listingFile = path.join(dir, 'listing.tsv');
  if (!existsSync(listingFile)) throw new ApertureError('ERR_NOT_FOUND', `${listingFile}: no listing`);
  const listing: PackFile[] = [];
  for (const [index, line] of readFileSync(listingFile, 'utf8').split('\n').entries()) {
    if (line.trim() === '') continue;
    const match = /^(\d+)\t(.+)$/.exec(line);
    if (!match)
      throw new ApertureError('ERR_UNREADABLE', `${listingFile}:${index + 1}: not "<size><TAB><path>"`);
    listing.push({ path: match[2]!, size: Number(match[1]) });
  }
  const texts: Record<string, Uint8Array> = {};
  for (const file of listing) {
    const text = path.join(dir, 'files', file.path);
    texts[file.path] = existsSync(text) ? readFileSync(text) : new Uint8Array(0);
  }
  const pack = memoryPack(texts, source);
  const sizes = new Map(listing.map((file) => [file.path, file.size]));
  return {
    ...pack,
    async listFiles() {
      const files = await pack.listFiles();
      // The listing's sizes, not the texts': weights are listed at their real size and hold no bytes.
      return files.map((file) => ({ ...file, size: sizes.get(file.path) ?? file.size }));
    },
  };
}
