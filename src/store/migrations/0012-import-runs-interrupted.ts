import { type Kysely, type Migration, sql } from 'kysely';
import { addIdColumn } from '../column-types.ts';
import type { DialectName } from '../open-database.ts';

/** The statuses before this migration and after it; frozen here, as shipped. */
const STATUSES_BEFORE = ['running', 'finished', 'failed'] as const;
const STATUSES_AFTER = [...STATUSES_BEFORE, 'interrupted'] as const;

/** The columns import_runs had before this migration (the ones a rebuild copies). */
const BASE_COLUMNS = [
  'id',
  'kind',
  'source',
  'started_at',
  'finished_at',
  'status',
  'inserted',
  'updated',
  'rejected',
] as const;
const OWNER_COLUMNS = ['owner_host', 'owner_pid', 'heartbeat_at'] as const;

/** `column in ('a', 'b', …)` for a check constraint. */
function oneOf(column: string, values: readonly string[]) {
  return sql`${sql.ref(column)} in (${sql.join(values.map((value) => sql.lit(value)))})`;
}

/**
 * SQLite changes a CHECK constraint only by rebuilding the table (sqlite.org/lang_altertable.html, "making
 * other kinds of table schema changes"): foreign keys off, then in one transaction create the new table,
 * copy the rows with their ids, drop the old one, rename, keep the id sequence (ids are never reused), and
 * check that every rejected row still has its run.
 */
async function rebuildSqliteImportRuns(
  db: Kysely<unknown>,
  statuses: readonly string[],
  withOwner: boolean,
): Promise<void> {
  const { rows: pragma } = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db);
  const foreignKeysWereOn = pragma[0]?.foreign_keys === 1;
  // Off outside the transaction (SQLite ignores the pragma inside one): dropping the parent table
  // must not cascade to rejected_rows.
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await sql`begin immediate`.execute(db);
    try {
      const sequence = async (name: string) =>
        (await sql<{ seq: number }>`select seq from sqlite_sequence where name = ${name}`.execute(db)).rows[0]
          ?.seq ?? 0;
      const lastId = await sequence('import_runs');
      let table = addIdColumn(db.schema.createTable('import_runs_rebuilt'), 'sqlite')
        .addColumn('kind', 'text', (column) => column.notNull())
        .addColumn('source', 'text', (column) => column.notNull())
        .addColumn('started_at', 'text', (column) => column.notNull())
        .addColumn('finished_at', 'text')
        .addColumn('status', 'text', (column) => column.notNull().defaultTo('running'))
        .addColumn('inserted', 'integer', (column) => column.notNull().defaultTo(0))
        .addColumn('updated', 'integer', (column) => column.notNull().defaultTo(0))
        .addColumn('rejected', 'integer', (column) => column.notNull().defaultTo(0));
      if (withOwner) {
        table = table
          .addColumn('owner_host', 'text')
          .addColumn('owner_pid', 'integer')
          .addColumn('heartbeat_at', 'text');
      }
      await table.addCheckConstraint('import_runs_status_check', oneOf('status', statuses)).execute();
      const columns = sql.join(BASE_COLUMNS.map((column) => sql.ref(column)));
      await sql`insert into import_runs_rebuilt (${columns}) select ${columns} from import_runs`.execute(db);
      await db.schema.dropTable('import_runs').execute();
      await sql`alter table import_runs_rebuilt rename to import_runs`.execute(db);
      const seq = Math.max(lastId, await sequence('import_runs'), await sequence('import_runs_rebuilt'));
      await sql`delete from sqlite_sequence where name in ('import_runs', 'import_runs_rebuilt')`.execute(db);
      if (seq > 0)
        await sql`insert into sqlite_sequence (name, seq) values ('import_runs', ${seq})`.execute(db);
      const { rows: orphans } = await sql`pragma foreign_key_check`.execute(db);
      if (orphans.length > 0)
        throw new Error(`${orphans.length} row(s) lost their parent row in the rebuild`);
      await sql`commit`.execute(db);
    } catch (error) {
      await sql`rollback`.execute(db);
      throw error;
    }
  } finally {
    if (foreignKeysWereOn) await sql`pragma foreign_keys = on`.execute(db);
  }
}

/**
 * Import runs that were interrupted: `import_runs.status` also accepts `interrupted` (a run left `running`
 * by a process that is gone), and each run records its owner, `owner_host` and `owner_pid`, and its last
 * sign of life, `heartbeat_at` (null for runs started before this version). An index on `status` serves
 * the search for runs still running. SQLite rebuilds the table to change its CHECK constraint; PostgreSQL
 * replaces the constraint. Down records interrupted runs as failed.
 */
export function importRunsInterruptedMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      if (dialect === 'sqlite') {
        await rebuildSqliteImportRuns(db, STATUSES_AFTER, true);
      } else {
        await sql`alter table import_runs drop constraint import_runs_status_check`.execute(db);
        await db.schema
          .alterTable('import_runs')
          .addCheckConstraint('import_runs_status_check', oneOf('status', STATUSES_AFTER))
          .execute();
        for (const column of OWNER_COLUMNS) {
          await db.schema
            .alterTable('import_runs')
            .addColumn(column, column === 'owner_pid' ? 'integer' : 'text')
            .execute();
        }
      }
      await db.schema.createIndex('import_runs_status_idx').on('import_runs').column('status').execute();
    },
    async down(db: Kysely<unknown>) {
      await sql`update import_runs set status = 'failed' where status = 'interrupted'`.execute(db);
      await db.schema.dropIndex('import_runs_status_idx').execute();
      if (dialect === 'sqlite') {
        await rebuildSqliteImportRuns(db, STATUSES_BEFORE, false);
        return;
      }
      for (const column of OWNER_COLUMNS) {
        await db.schema.alterTable('import_runs').dropColumn(column).execute();
      }
      await sql`alter table import_runs drop constraint import_runs_status_check`.execute(db);
      await db.schema
        .alterTable('import_runs')
        .addCheckConstraint('import_runs_status_check', oneOf('status', STATUSES_BEFORE))
        .execute();
    },
  };
}
