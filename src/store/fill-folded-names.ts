import { type Kysely, sql } from 'kysely';
import { foldName } from '../util/index.ts';

/** The tables with a `name_folded` column beside `name`. */
export type FoldedNameTable = 'models' | 'organizations';

/** Rows folded per statement: 2 parameters a row, well under every engine's limit. */
const FILL_CHUNK = 5_000;

/**
 * Fills `name_folded` (foldName of `name`) of the rows of `table` that lack it, in chunks by id: the
 * migration that adds the column runs it over existing rows, and so can anything that writes rows
 * without the catalog writers (raw seeds, old tools). Returns how many rows it filled.
 *
 * @example
 * await fillFoldedNames(store.db, 'models');
 */
export async function fillFoldedNames<DB>(db: Kysely<DB>, table: FoldedNameTable): Promise<number> {
  let filled = 0;
  let after = 0;
  for (;;) {
    const { rows } = await sql<{ id: number; name: string }>`
      select id, name from ${sql.table(table)}
      where name_folded is null and id > ${after} order by id limit ${FILL_CHUNK}`.execute(db);
    if (rows.length === 0) return filled;
    const values = sql.join(
      rows.map((row) => sql`(cast(${Number(row.id)} as integer), cast(${foldName(row.name)} as text))`),
    );
    // One statement a chunk, the same on both engines (SQLite ≥ 3.33 and PostgreSQL read UPDATE … FROM).
    await sql`
      with folded(id, name_folded) as (values ${values})
      update ${sql.table(table)} set name_folded = folded.name_folded
      from folded where ${sql.ref(`${table}.id`)} = folded.id`.execute(db);
    filled += rows.length;
    after = Number(rows[rows.length - 1]!.id);
  }
}
