import path from 'node:path';
import { ApertureError } from '../errors.ts';
import { type LocationOpener, type Pack, readsNetworkTarget } from '../scan/index.ts';
import { locationKey, type SourceInfo } from '../spec/index.ts';
import { corpusPack } from './corpus-pack.ts';
import type { CorpusRelease } from './corpus-release.ts';

/** The pack of one location of a calibration release, as its source would open it. */
export function openCorpusLocation(release: CorpusRelease, ref: string): Pack {
  const key = locationKey(ref);
  const location = release.locations.find((candidate) => locationKey(candidate.ref) === key);
  if (!location) {
    throw new ApertureError('ERR_SOURCE_UNAVAILABLE', `${ref}: not held by the calibration corpus (offline)`);
  }
  const isHub = location.ref.startsWith('hf:');
  const source: SourceInfo = {
    kind: isHub ? 'hf' : 'git',
    ref: location.ref,
    ...(location.revision ? { revision: location.revision } : {}),
    url: isHub
      ? `https://huggingface.co/${location.ref.slice(3).replace(/^models\//, '')}`
      : location.ref.replace(/\.git$/, ''),
    ...(location.gated ? { gated: true } : {}),
  };
  return corpusPack(path.join(release.dir, location.dir), source);
}

/**
 * Opens the links of a calibration release from the corpus instead of the network: a link to one of
 * the release's locations opens that location's shape; any other link is "not held" and stays linked,
 * as it would be offline.
 *
 * @example
 * await checkPack(openCorpusLocation(release, release.check[0]), …, { follow: { opener: corpusOpener(release) } });
 */
export function corpusOpener(release: CorpusRelease): LocationOpener {
  return {
    reads: readsNetworkTarget,
    async open(target) {
      return openCorpusLocation(release, target);
    },
  };
}
