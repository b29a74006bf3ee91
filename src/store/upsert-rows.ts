import type { Expression, ExpressionBuilder, Insertable, Kysely, SqlBool } from 'kysely';
import { bumpCatalogVersion } from './catalog-state.ts';
import type { Database, TableName } from './database.ts';

/** Bound parameters one statement may use, under SQLite's 32,766 and PostgreSQL's 65,535. */
const MAX_PARAMETERS = 30_000;
const DEFAULT_BATCH_SIZE = 500;

/** Tables whose writes change what the catalog API answers, so a write to them bumps the catalog version. */
const CATALOG_TABLES: ReadonlySet<TableName> = new Set<TableName>([
  'organizations',
  'models',
  'model_countries',
  'lineage',
  'adoption_snapshots',
  'openness_ratings',
  'transparency_scores',
  'organization_aliases',
  'people',
  'affiliations',
  'funding_programs',
  'works',
  'work_model_mentions',
]);

/** What upsertRows wrote. */
export interface UpsertOutcome {
  /** Rows whose natural key was new. */
  inserted: number;
  /** Rows whose natural key existed and were overwritten. */
  updated: number;
}

/** Options of upsertRows. */
export interface UpsertOptions<T extends TableName = TableName> {
  /** Rows per statement and per transaction (lowered when rows are wide). */
  batchSize?: number;
  /**
   * Columns a stored row takes from the new one on a key conflict (default: every non-key column the
   * row has). Other columns keep their stored value; an empty list leaves the stored row as it is.
   */
  updateColumns?: readonly (keyof Database[T] & string)[];
  /** Of the updated columns, those where a stored value is kept when the new one is null. */
  keepStoredOverNull?: readonly (keyof Database[T] & string)[];
  /** False for a caller that bumps the catalog version itself in the same transaction (default true). */
  bumpCatalog?: boolean;
}

/** What insertRows wrote. */
export interface InsertOutcome {
  /** Rows whose natural key was new (the others were left alone). */
  inserted: number;
}

/** Options of insertRows. */
export interface InsertOptions {
  /** Rows per statement and per transaction (lowered when rows are wide). */
  batchSize?: number;
  /** False for a caller that bumps the catalog version itself in the same transaction (default true). */
  bumpCatalog?: boolean;
}

type Row = Record<string, unknown>;
// Table and column names are checked by the exported signatures; inside, rows are plain records.
type LooseDatabase = Record<string, Row>;

interface WritePlan {
  table: string;
  conflictColumns: readonly string[];
  /** null: every non-key column of the row. */
  updateColumns: readonly string[] | null;
  keepStoredOverNull: readonly string[];
  batchSize: number | undefined;
  bumpCatalog: boolean;
}

/**
 * Inserts `rows` into `table`, or updates the row with the same `conflictColumns` (a unique key of
 * the table), in batches; each batch runs in one transaction, so a failure leaves earlier batches
 * written and the failing one absent. A column missing from a row keeps its stored value (or its
 * default on insert); `updateColumns` narrows what a conflict overwrites and `keepStoredOverNull`
 * keeps a stored value against a null. Two rows with the same key in one call: the last one wins.
 * Rows are written in input order. A write to a catalog table bumps the catalog version in the same
 * transaction. Works the same on SQLite and PostgreSQL. Called with a transaction, it runs inside it.
 *
 * @example
 * await upsertRows(store.db, 'models', [{ source: 'epoch', external_id: 'GPT-4', name: 'GPT-4' }], [
 *   'source',
 *   'external_id',
 * ]);
 */
export async function upsertRows<T extends TableName>(
  db: Kysely<Database>,
  table: T,
  rows: readonly Insertable<Database[T]>[],
  conflictColumns: readonly (keyof Database[T] & string)[],
  options: UpsertOptions<T> = {},
): Promise<UpsertOutcome> {
  if (conflictColumns.length === 0) throw new TypeError('upsertRows needs at least one conflict column');
  return writeRows(db, rows, {
    table,
    conflictColumns,
    updateColumns: options.updateColumns ?? null,
    keepStoredOverNull: options.keepStoredOverNull ?? [],
    batchSize: options.batchSize,
    bumpCatalog: options.bumpCatalog ?? true,
  });
}

/**
 * Inserts the `rows` of `table` whose `conflictColumns` (a unique key) are new and leaves stored rows
 * alone (on conflict do nothing), in batches like upsertRows; no existence query is needed, so it
 * suits link tables. Two rows with the same key in one call: the last one is written. A write to a
 * catalog table bumps the catalog version in the same transaction. Called with a transaction, it runs
 * inside it.
 *
 * @example
 * await insertRows(store.db, 'model_countries', [{ model_id: 1, country: 'FR' }], ['model_id', 'country']);
 */
export async function insertRows<T extends TableName>(
  db: Kysely<Database>,
  table: T,
  rows: readonly Insertable<Database[T]>[],
  conflictColumns: readonly (keyof Database[T] & string)[],
  options: InsertOptions = {},
): Promise<InsertOutcome> {
  if (conflictColumns.length === 0) throw new TypeError('insertRows needs at least one conflict column');
  const plan: WritePlan = {
    table,
    conflictColumns,
    updateColumns: [],
    keepStoredOverNull: [],
    batchSize: options.batchSize,
    bumpCatalog: options.bumpCatalog ?? true,
  };
  return { inserted: (await writeRows(db, rows, plan)).inserted };
}

async function writeRows(
  db: Kysely<Database>,
  rows: readonly object[],
  plan: WritePlan,
): Promise<UpsertOutcome> {
  const loose = db as unknown as Kysely<LooseDatabase>;
  const cleaned = dedupeByKey(rows.map(withoutUndefined), plan.conflictColumns);
  const widest = cleaned.reduce((max, row) => Math.max(max, Object.keys(row).length), 1);
  const batchSize = Math.max(
    1,
    Math.min(
      plan.batchSize ?? DEFAULT_BATCH_SIZE,
      Math.floor(MAX_PARAMETERS / (widest + plan.conflictColumns.length)),
    ),
  );
  const bumps = plan.bumpCatalog && CATALOG_TABLES.has(plan.table as TableName);
  const outcome: UpsertOutcome = { inserted: 0, updated: 0 };
  for (let start = 0; start < cleaned.length; start += batchSize) {
    const batch = cleaned.slice(start, start + batchSize);
    const result = loose.isTransaction
      ? await writeBatch(loose, batch, plan)
      : await loose.transaction().execute(async (trx) => {
          const written = await writeBatch(trx, batch, plan);
          // Readers of the catalog (the API's answer cache) see the write the moment it commits.
          if (bumps) await bumpCatalogVersion(trx as unknown as Kysely<Database>);
          return written;
        });
    outcome.inserted += result.inserted;
    outcome.updated += result.updated;
  }
  // Inside the caller's transaction one bump commits (or rolls back) with every batch.
  if (bumps && loose.isTransaction && cleaned.length > 0) await bumpCatalogVersion(db);
  return outcome;
}

function withoutUndefined(row: object): Row {
  const values = Object.values(row);
  if (!values.includes(undefined)) return row as Row;
  return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== undefined));
}

function keyOf(row: Row, columns: readonly string[]): string | null {
  const values = columns.map((column) => row[column]);
  return values.some((value) => value === null || value === undefined) ? null : JSON.stringify(values);
}

/** Keeps the last row of each natural key where it stands (PostgreSQL refuses to update one row twice in a statement). */
function dedupeByKey(rows: Row[], columns: readonly string[]): Row[] {
  const lastIndex = new Map<string, number>();
  const keys = rows.map((row, index) => {
    const key = keyOf(row, columns);
    if (key !== null) lastIndex.set(key, index);
    return key;
  });
  return rows.filter((_, index) => keys[index] === null || lastIndex.get(keys[index]!) === index);
}

/** Consecutive rows with the same columns, in order (ids then follow the input order). */
function runsOfSameShape(rows: Row[]): { columns: string[]; rows: Row[] }[] {
  const runs: { shape: string; columns: string[]; rows: Row[] }[] = [];
  for (const row of rows) {
    const columns = Object.keys(row).sort();
    const shape = columns.join(',');
    const last = runs[runs.length - 1];
    if (last?.shape === shape) last.rows.push(row);
    else runs.push({ shape, columns, rows: [row] });
  }
  return runs;
}

async function writeBatch(db: Kysely<LooseDatabase>, batch: Row[], plan: WritePlan): Promise<UpsertOutcome> {
  const { table, conflictColumns } = plan;
  if (plan.updateColumns?.length === 0) {
    // On conflict do nothing: both dialects report only the rows inserted, so no existence query.
    let inserted = 0;
    for (const run of runsOfSameShape(batch)) {
      const [result] = await db
        .insertInto(table)
        .values(run.rows)
        .onConflict((conflict) => conflict.columns(conflictColumns as string[]).doNothing())
        .execute();
      inserted += Number(result?.numInsertedOrUpdatedRows ?? 0);
    }
    return { inserted, updated: batch.length - inserted };
  }
  const existing = await countExisting(db, table, batch, conflictColumns);
  // Rows with different column sets go in separate statements so absent columns are left alone.
  for (const run of runsOfSameShape(batch)) {
    const updatable = run.columns.filter(
      (column) =>
        !conflictColumns.includes(column) &&
        (plan.updateColumns === null || plan.updateColumns.includes(column)),
    );
    await db
      .insertInto(table)
      .values(run.rows)
      .onConflict((conflict) => {
        const target = conflict.columns(conflictColumns as string[]);
        if (updatable.length === 0) return target.doNothing();
        return target.doUpdateSet((eb: ExpressionBuilder<LooseDatabase, string>) =>
          Object.fromEntries(
            updatable.map((column) => {
              const incoming = eb.ref(`excluded.${column}`);
              if (!plan.keepStoredOverNull.includes(column)) return [column, incoming];
              return [column, eb.fn.coalesce(incoming, eb.ref(`${table}.${column}`))];
            }),
          ),
        );
      })
      .execute();
  }
  return { inserted: batch.length - existing, updated: existing };
}

/**
 * How many rows of `batch` already have their natural key in `table`, in one query: keys sharing all
 * but the last conflict column become one `last IN (…)` term, so a key of (source, id) costs one term
 * per source rather than one per row.
 */
async function countExisting(
  db: Kysely<LooseDatabase>,
  table: string,
  batch: Row[],
  conflictColumns: readonly string[],
): Promise<number> {
  const prefix = conflictColumns.slice(0, -1);
  const last = conflictColumns[conflictColumns.length - 1]!;
  const groups = new Map<string, { row: Row; values: unknown[] }>();
  for (const row of batch) {
    if (keyOf(row, conflictColumns) === null) continue;
    const group = JSON.stringify(prefix.map((column) => row[column]));
    const known = groups.get(group);
    if (known) known.values.push(row[last]);
    else groups.set(group, { row, values: [row[last]] });
  }
  if (groups.size === 0) return 0;
  const result = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where((eb) =>
      eb.or(
        [...groups.values()].map(({ row, values }) => {
          const terms: Expression<SqlBool>[] = prefix.map((column) => eb(column, '=', row[column]));
          terms.push(values.length === 1 ? eb(last, '=', values[0]) : eb(last, 'in', values));
          return eb.and(terms);
        }),
      ),
    )
    .executeTakeFirstOrThrow();
  return Number(result.count);
}
