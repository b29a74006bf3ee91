import type { Kysely } from 'kysely';
import { ApertureError } from '../errors.ts';
import { type Database, isTableName, TABLE_NAMES, type TableName } from './database.ts';

const DEFAULT_PAGE_SIZE = 1_000;

/** The table name `name`, or a usage error listing the tables. */
export function requireTableName(name: string): TableName {
  if (!isTableName(name)) {
    throw new ApertureError(
      'ERR_USAGE',
      `unknown table ${JSON.stringify(name)}; tables: ${TABLE_NAMES.join(', ')}`,
    );
  }
  return name;
}

/** The columns of `table` in their declared order, read from the database itself. */
export async function tableColumns(db: Kysely<Database>, table: TableName): Promise<string[]> {
  const tables = await db.introspection.getTables();
  const found = tables.find((candidate) => candidate.name === table);
  if (!found) {
    throw new ApertureError(
      'ERR_NOT_FOUND',
      `table ${table} does not exist; run \`aperture db migrate\` first`,
    );
  }
  return found.columns.map((column) => column.name);
}

/**
 * Yields every row of `table` in `id` order, a page at a time (keyset pagination), so a table of any
 * size streams in constant memory on both dialects without a server-side cursor.
 *
 * @example
 * for await (const row of readTable(store.db, 'models')) console.log(row.name);
 */
export async function* readTable<T extends TableName>(
  db: Kysely<Database>,
  table: T,
  options: { pageSize?: number } = {},
): AsyncGenerator<Record<string, unknown>> {
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  // Every table has the integer surrogate key `id`; a loose view keeps the generic query simple.
  const loose = db as unknown as Kysely<Record<string, { id: number }>>;
  let after: number | null = null;
  for (;;) {
    let query = loose
      .selectFrom(table as string)
      .selectAll()
      .orderBy('id')
      .limit(pageSize);
    if (after !== null) query = query.where('id', '>', after);
    const page = (await query.execute()) as Record<string, unknown>[];
    for (const row of page) yield row;
    if (page.length < pageSize) return;
    after = Number(page[page.length - 1]!.id);
  }
}
