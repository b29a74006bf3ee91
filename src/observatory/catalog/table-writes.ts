import type { TableOutcome } from './catalog-batch.ts';

/*
 * What the per-table writers of writeCatalog share: how they call the store, how they count, and how
 * they look up many keys without passing any engine's limit of bound parameters.
 */

/**
 * Store writes take the whole batch (statements are then bounded only by the store's parameter limit)
 * inside writeCatalog's transaction, which bumps the catalog version once itself.
 */
export const WHOLE_BATCH = { batchSize: Number.MAX_SAFE_INTEGER, bumpCatalog: false } as const;

/** Keys per `in (…)` lookup: well under SQLite's 32,766 and PostgreSQL's 65,535 parameters. */
const LOOKUP_CHUNK = 10_000;

/** Inserted and updated counts of `total` records: a repeat of a key in the batch counts as updated. */
export function outcomeOf(total: number, inserted: number): TableOutcome {
  return { inserted, updated: total - inserted };
}

/** No rows written. */
export const NOTHING_WRITTEN: Readonly<TableOutcome> = { inserted: 0, updated: 0 };

/**
 * The rows `query` finds for the distinct `values`, asked in chunks of LOOKUP_CHUNK; no query for no
 * values.
 *
 * @example
 * const rows = await lookUpInChunks(names, (part) =>
 *   trx.selectFrom('organizations').select(['id', 'name']).where('name', 'in', part).execute(),
 * );
 */
export async function lookUpInChunks<V, R>(
  values: Iterable<V>,
  query: (part: V[]) => Promise<R[]>,
): Promise<R[]> {
  const unique = [...new Set(values)];
  const rows: R[] = [];
  for (let start = 0; start < unique.length; start += LOOKUP_CHUNK)
    rows.push(...(await query(unique.slice(start, start + LOOKUP_CHUNK))));
  return rows;
}

/** A value as JSON text for a JSON column; null for null or undefined. */
export function jsonText(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}
