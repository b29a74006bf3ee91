import type { Kysely } from 'kysely';
import type { Database } from '../../store/index.ts';
import { readCatalogOverrides } from '../entities/catalog-overrides.ts';
import { runMatching } from '../entities/run-matching.ts';
import { materializeIndicators } from '../indicators/materialize-indicators.ts';

/** What to recompute once catalog writes have committed. */
export interface RefreshDerivedDataOptions {
  /** Match models and organisations across sources (runMatching): true by default. */
  match?: boolean;
  /** The reviewed overrides file matching applies (catalog-overrides.yaml). */
  overridesFile?: string;
  /** Compute and store every indicator: true by default. */
  indicators?: boolean;
  now?: () => Date;
}

/**
 * What follows committed catalog writes, once for a whole import, snapshot load or sync: matching across
 * sources with the overrides file's decisions (a bad overrides file throws, naming its line: the writes
 * stay), then the stored indicators (a failure there costs only speed, as requests compute the rows).
 *
 * @example
 * await refreshDerivedData(store.db, { overridesFile: 'catalog-overrides.yaml' });
 */
export async function refreshDerivedData(
  db: Kysely<Database>,
  options: RefreshDerivedDataOptions = {},
): Promise<void> {
  if (options.match ?? true) {
    await runMatching(db, { overrides: await readCatalogOverrides(options.overridesFile), now: options.now });
  }
  if (options.indicators ?? true) await materializeIndicators(db).catch(() => undefined);
}
