import type { ExpressionBuilder, Insertable, Kysely } from 'kysely';
import type { Database, TableName } from './database.ts';

/** Bound parameters one statement may use, under SQLite's 32,766 and PostgreSQL's 65,535. */
const MAX_PARAMETERS = 30_000;
const DEFAULT_BATCH_SIZE = 500;

/** What upsertRows wrote. */
export interface UpsertOutcome {
  /** Rows whose natural key was new. */
  inserted: number;
  /** Rows whose natural key existed and were overwritten. */
  updated: number;
}

/** Options of upsertRows. */
export interface UpsertOptions {
  /** Rows per statement and per transaction (lowered when rows are wide). */
  batchSize?: number;
}

type Row = Record<string, unknown>;
// Table and column names are checked by upsertRows's signature; inside, rows are plain records.
type LooseDatabase = Record<string, Row>;

/**
 * Inserts `rows` into `table`, or updates the row with the same `conflictColumns` (a unique key of
 * the table), in batches; each batch runs in one transaction, so a failure leaves earlier batches
 * written and the failing one absent. A column missing from a row keeps its stored value (or its
 * default on insert); two rows with the same key in one call: the last one wins. Rows are written in input order. Works the same on
 * SQLite and PostgreSQL. Called with a transaction, it runs inside it.
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
  options: UpsertOptions = {},
): Promise<UpsertOutcome> {
  if (conflictColumns.length === 0) throw new TypeError('upsertRows needs at least one conflict column');
  const loose = db as unknown as Kysely<LooseDatabase>;
  const cleaned = dedupeByKey(rows.map(withoutUndefined), conflictColumns);
  const widest = cleaned.reduce((max, row) => Math.max(max, Object.keys(row).length), 1);
  const batchSize = Math.max(
    1,
    Math.min(
      options.batchSize ?? DEFAULT_BATCH_SIZE,
      Math.floor(MAX_PARAMETERS / (widest + conflictColumns.length)),
    ),
  );
  const outcome: UpsertOutcome = { inserted: 0, updated: 0 };
  for (let start = 0; start < cleaned.length; start += batchSize) {
    const batch = cleaned.slice(start, start + batchSize);
    const write = (executor: Kysely<LooseDatabase>) => writeBatch(executor, table, batch, conflictColumns);
    const result = loose.isTransaction
      ? await write(loose)
      : await loose.transaction().execute((trx) => write(trx));
    outcome.inserted += result.inserted;
    outcome.updated += result.updated;
  }
  return outcome;
}

function withoutUndefined(row: object): Row {
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

async function writeBatch(
  db: Kysely<LooseDatabase>,
  table: string,
  batch: Row[],
  conflictColumns: readonly string[],
): Promise<UpsertOutcome> {
  const existing = await countExisting(db, table, batch, conflictColumns);
  // Rows with different column sets go in separate statements so absent columns are left alone.
  for (const run of runsOfSameShape(batch)) {
    const updatable = run.columns.filter((column) => !conflictColumns.includes(column));
    await db
      .insertInto(table)
      .values(run.rows)
      .onConflict((conflict) => {
        const target = conflict.columns(conflictColumns as string[]);
        if (updatable.length === 0) return target.doNothing();
        return target.doUpdateSet((eb: ExpressionBuilder<LooseDatabase, string>) =>
          Object.fromEntries(updatable.map((column) => [column, eb.ref(`excluded.${column}`)])),
        );
      })
      .execute();
  }
  return { inserted: batch.length - existing, updated: existing };
}

/** How many rows of `batch` already have their natural key in `table`. */
async function countExisting(
  db: Kysely<LooseDatabase>,
  table: string,
  batch: Row[],
  conflictColumns: readonly string[],
): Promise<number> {
  const keyed = batch.filter((row) => keyOf(row, conflictColumns) !== null);
  if (keyed.length === 0) return 0;
  const result = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where((eb) =>
      eb.or(keyed.map((row) => eb.and(conflictColumns.map((column) => eb(column, '=', row[column]))))),
    )
    .executeTakeFirstOrThrow();
  return Number(result.count);
}
