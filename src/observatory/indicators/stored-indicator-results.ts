import { type Kysely, sql } from 'kysely';
import { toolVersion } from '../../checker/index.ts';
import type { CatalogStateTable, Database, IndicatorResultsTable } from '../../store/index.ts';
import type { IndicatorParams, IndicatorRow } from './indicator-definition.ts';

/** Rows of one indicator and parameter set, computed at one catalog version. */
export interface StoredIndicatorRows {
  name: string;
  params: IndicatorParams;
  rows: IndicatorRow[];
}

function withResults(db: Kysely<Database>) {
  return db.withTables<{ indicator_results: IndicatorResultsTable; catalog_state: CatalogStateTable }>();
}

/** Validated parameters as a key: entries sorted by name, absent ones dropped. */
export function indicatorParamsKey(params: IndicatorParams): string {
  return JSON.stringify(
    Object.entries(params)
      .filter(([, value]) => value !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
}

/**
 * The stored rows of indicator `name` with `params` when they were computed at the current catalog
 * version by this tool version (one primary-key read, the version compared in the same query), else
 * undefined.
 *
 * @example
 * const rows = await readStoredIndicatorRows(db, 'models-per-region', { source: 'all' });
 */
export async function readStoredIndicatorRows(
  db: Kysely<Database>,
  name: string,
  params: IndicatorParams,
): Promise<IndicatorRow[] | undefined> {
  const row = await withResults(db)
    .selectFrom('indicator_results as r')
    .innerJoin('catalog_state as s', (join) =>
      join.on('s.id', '=', 1).on(sql.ref('s.version'), '=', sql.ref('r.catalog_version')),
    )
    .select('r.rows')
    .where('r.name', '=', name)
    .where('r.params', '=', indicatorParamsKey(params))
    .where('r.tool_version', '=', toolVersion())
    .executeTakeFirst();
  return row === undefined ? undefined : (JSON.parse(row.rows) as IndicatorRow[]);
}

/**
 * Replaces every stored indicator row by `results`, computed at catalog `version`, in one transaction.
 * Writes no catalog table, so the catalog version stays as it is.
 */
export async function replaceStoredIndicatorRows(
  db: Kysely<Database>,
  version: number,
  results: readonly StoredIndicatorRows[],
  now: Date = new Date(),
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await withResults(trx).deleteFrom('indicator_results').execute();
    for (const result of results) {
      await withResults(trx)
        .insertInto('indicator_results')
        .values({
          name: result.name,
          params: indicatorParamsKey(result.params),
          catalog_version: version,
          tool_version: toolVersion(),
          rows: JSON.stringify(result.rows),
          computed_at: now.toISOString(),
        })
        .execute();
    }
  });
}
