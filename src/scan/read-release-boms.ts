import type { PackFile } from '../spec/index.ts';
import { isUtf8Text, toPackRelative } from '../util/index.ts';
import type { Pack } from './pack.ts';
import { type AiBom, MAX_AI_BOM_BYTES, parseAiBom } from './parse-ai-bom.ts';

/** File names of AI-BOMs a release ships, at its root or one folder down (`sbom/bom.json`). */
const AI_BOM_NAME =
  /^(?:[^/]+\/)?(?:bom\.json|[^/]+\.cdx\.json|[^/]+\.cyclonedx\.json|[^/]+\.spdx3?\.json|[^/]+\.spdx3?\.jsonld)$/i;
/** The most BOM files read from one release. */
const MAX_BOM_FILES = 5;

/** The AI-BOMs of a release, and a one-line warning for each file that looked like one and is not. */
export interface ReleaseBoms {
  boms: AiBom[];
  warnings: string[];
}

/**
 * Finds and reads the AI-BOMs a release ships (`bom.json`, `*.cdx.json`, `*.cyclonedx.json`,
 * `*.spdx3.json`, `*.spdx.json`), or the one file `only` names. A file that is not a CycloneDX or SPDX 3
 * document, too large or too deep is a warning, never an abort.
 *
 * @example
 * const { boms, warnings } = await readReleaseBoms(pack, await pack.listFiles());
 */
export async function readReleaseBoms(
  pack: Pack,
  files: readonly PackFile[],
  only?: string,
): Promise<ReleaseBoms> {
  const wanted = only === undefined ? undefined : toPackRelative(only, 'AI-BOM path');
  const candidates = files
    .filter((file) => (wanted === undefined ? AI_BOM_NAME.test(file.path) : file.path === wanted))
    .slice(0, MAX_BOM_FILES);
  const boms: AiBom[] = [];
  const warnings: string[] = [];
  for (const file of candidates) {
    if (file.size > MAX_AI_BOM_BYTES) {
      warnings.push(`${file.path}: AI-BOM not read: larger than ${MAX_AI_BOM_BYTES / 1024 / 1024} MiB`);
      continue;
    }
    const { bytes, truncated } = await pack.readFile(file.path, MAX_AI_BOM_BYTES);
    const text = truncated || !isUtf8Text(bytes) ? null : new TextDecoder().decode(bytes);
    if (text === null) {
      warnings.push(`${file.path}: AI-BOM not read: ${truncated ? 'too large' : 'not UTF-8 text'}`);
      continue;
    }
    const parsed = parseAiBom(text, file.path);
    if (!parsed.ok) {
      // A `*.spdx.json` is often an SPDX 2 software BOM: only a file named as an AI-BOM is worth a warning.
      if (wanted !== undefined || !/\.spdx\.json$/i.test(file.path) || !/neither/.test(parsed.problem)) {
        warnings.push(`${file.path}: not read as an AI-BOM: ${parsed.problem}`);
      }
      continue;
    }
    boms.push(parsed.bom);
    warnings.push(...parsed.bom.warnings);
  }
  return { boms, warnings };
}
