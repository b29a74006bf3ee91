import { ApertureError } from '../../errors.ts';
import { epoch } from './epoch.ts';
import { fmti } from './fmti.ts';
import { hf } from './hf.ts';
import type { Importer } from './importer.ts';
import { mot } from './mot.ts';
import { openalex } from './openalex.ts';
import { openalexWorks } from './openalex-works.ts';
import { osai } from './osai.ts';
import { releasePack } from './release-pack.ts';

/**
 * Every importer, in the order `aperture import --help` and docs/importers.md list them. A test asserts
 * each importer file is registered here and documented.
 */
export const IMPORTERS: readonly Importer[] = [
  epoch,
  mot,
  osai,
  fmti,
  openalex,
  openalexWorks,
  hf,
  releasePack,
];

/** The importer of kind `id`, or a usage error listing the kinds. */
export function requireImporter(id: string): Importer {
  const importer = IMPORTERS.find((candidate) => candidate.id === id);
  if (!importer) {
    throw new ApertureError(
      'ERR_USAGE',
      `unknown import kind ${JSON.stringify(id)}; kinds: ${IMPORTERS.map((known) => known.id).join(', ')}`,
    );
  }
  return importer;
}
