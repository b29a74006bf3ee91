import path from 'node:path';
import type { CliIo } from '../io.ts';

/** The overrides file read when neither `--overrides` nor APERTURE_CATALOG_OVERRIDES names one. */
export const DEFAULT_OVERRIDES_FILE = 'catalog-overrides.yaml';

/** Help text of `--overrides`. */
export const OVERRIDES_OPTION_HELP = `reviewed match decisions (YAML; default $APERTURE_CATALOG_OVERRIDES, else ./${DEFAULT_OVERRIDES_FILE})`;

/**
 * The overrides file's path: `--overrides`, else APERTURE_CATALOG_OVERRIDES, else
 * ./catalog-overrides.yaml, resolved against the working directory. A missing file holds no decisions.
 */
export function overridesPath(io: CliIo, option: string | undefined): string {
  const chosen = option ?? io.env.APERTURE_CATALOG_OVERRIDES?.trim() ?? '';
  return path.resolve(io.cwd, chosen === '' ? DEFAULT_OVERRIDES_FILE : chosen);
}
