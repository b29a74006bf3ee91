import type { Kysely } from 'kysely';
import type { Database } from '../../store/index.ts';
import { readCatalogVersion } from '../../store/index.ts';
import { countingNotesName, INDICATORS, resolveIndicatorParams } from './indicator-registry.ts';
import { replaceStoredIndicatorRows, type StoredIndicatorRows } from './stored-indicator-results.ts';

/** What materializeIndicators did. */
export interface MaterializeOutcome {
  /** The catalog version the rows describe. */
  version: number;
  /**
   * The indicators whose rows (and counting notes, if any) were stored; empty when a catalog write
   * committed meanwhile.
   */
  stored: string[];
}

/**
 * Computes every indicator with its default parameters (what the dashboard asks for first) and stores
 * the rows with the catalog version they describe, replacing the stored ones, so that the first request
 * of that version reads rows instead of aggregating the catalog (`runIndicator(…, { stored: true })`).
 * Call it once a catalog write has committed: runImport does at the end of an import. When another
 * write commits while it computes, it stores nothing (the rows could mix two versions).
 *
 * @example
 * const { version, stored } = await materializeIndicators(store.db);
 */
export async function materializeIndicators(db: Kysely<Database>): Promise<MaterializeOutcome> {
  const version = await readCatalogVersion(db);
  const results: StoredIndicatorRows[] = [];
  for (const indicator of INDICATORS) {
    const params = resolveIndicatorParams(indicator, {});
    results.push({ name: indicator.id, params, rows: await indicator.run(db, params) });
    if (indicator.countingNotes)
      results.push({
        name: countingNotesName(indicator.id),
        params,
        rows: await indicator.countingNotes.run(db, params),
      });
  }
  // Versions only grow: the same version after computing means no catalog write committed meanwhile.
  if ((await readCatalogVersion(db)) !== version) return { version, stored: [] };
  await replaceStoredIndicatorRows(db, version, results);
  return { version, stored: INDICATORS.map((indicator) => indicator.id) };
}
