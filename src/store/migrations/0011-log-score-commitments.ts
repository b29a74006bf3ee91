import { type Kysely, type Migration, sql } from 'kysely';
import { addIdColumn, jsonType } from '../column-types.ts';
import type { DialectName } from '../open-database.ts';

/**
 * The transparency log commits scores: an entry is either a submission's (`submission_id`) or a closed round's
 * (`round_id`, one entry per task), and `salt` keeps, server-side, the random salt of the entry's score
 * digests (never exported). Existing rows are submission entries of the earlier format and keep their
 * content, so old logs verify as before. SQLite cannot drop a NOT NULL, so there the table is rebuilt in one
 * transaction (nothing references it); PostgreSQL alters it in place. Self-contained: it reads and writes
 * only `transparency_log`.
 */
export function logScoreCommitmentsMigration(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      if (dialect === 'postgres') {
        await db.schema
          .alterTable('transparency_log')
          .alterColumn('submission_id', (column) => column.dropNotNull())
          .execute();
        await db.schema
          .alterTable('transparency_log')
          .addColumn('round_id', 'integer', (column) => column.references('rounds.id'))
          .execute();
        await db.schema.alterTable('transparency_log').addColumn('salt', 'text').execute();
        await db.schema
          .alterTable('transparency_log')
          .addCheckConstraint('transparency_log_subject_check', subjectCheck())
          .execute();
        return;
      }
      await db.transaction().execute(async (trx) => {
        await createLogTable(trx, dialect, 'transparency_log_next', true);
        await sql`insert into transparency_log_next (id, entry_index, previous_hash, hash, submission_id, entry)
          select id, entry_index, previous_hash, hash, submission_id, entry from transparency_log`.execute(
          trx,
        );
        await trx.schema.dropTable('transparency_log').execute();
        await trx.schema.alterTable('transparency_log_next').renameTo('transparency_log').execute();
      });
    },
    async down(db: Kysely<unknown>) {
      // Close entries have no submission, which the earlier schema cannot hold.
      await sql`delete from transparency_log where submission_id is null`.execute(db);
      if (dialect === 'postgres') {
        await db.schema
          .alterTable('transparency_log')
          .dropConstraint('transparency_log_subject_check')
          .execute();
        await db.schema.alterTable('transparency_log').dropColumn('salt').execute();
        await db.schema.alterTable('transparency_log').dropColumn('round_id').execute();
        await db.schema
          .alterTable('transparency_log')
          .alterColumn('submission_id', (column) => column.setNotNull())
          .execute();
        return;
      }
      await db.transaction().execute(async (trx) => {
        await createLogTable(trx, dialect, 'transparency_log_previous', false);
        await sql`insert into transparency_log_previous (id, entry_index, previous_hash, hash, submission_id, entry)
          select id, entry_index, previous_hash, hash, submission_id, entry from transparency_log`.execute(
          trx,
        );
        await trx.schema.dropTable('transparency_log').execute();
        await trx.schema.alterTable('transparency_log_previous').renameTo('transparency_log').execute();
      });
    },
  };
}

/** Exactly one of submission_id and round_id is set. */
function subjectCheck() {
  return sql`(submission_id is null) <> (round_id is null)`;
}

/** The log table as 0004 made it, or (`commitments`) with this migration's columns. */
async function createLogTable(
  db: Kysely<unknown>,
  dialect: DialectName,
  name: string,
  commitments: boolean,
): Promise<void> {
  let table = addIdColumn(db.schema.createTable(name), dialect)
    .addColumn('entry_index', 'integer', (column) => column.notNull())
    .addColumn('previous_hash', 'text', (column) => column.notNull())
    .addColumn('hash', 'text', (column) => column.notNull())
    .addColumn('submission_id', 'integer', (column) =>
      commitments ? column.references('submissions.id') : column.notNull().references('submissions.id'),
    );
  if (commitments)
    table = table
      .addColumn('round_id', 'integer', (column) => column.references('rounds.id'))
      .addColumn('salt', 'text');
  table = table
    .addColumn('entry', jsonType(dialect), (column) => column.notNull())
    .addUniqueConstraint('transparency_log_index_unique', ['entry_index'])
    .addUniqueConstraint('transparency_log_previous_unique', ['previous_hash'])
    .addUniqueConstraint('transparency_log_submission_unique', ['submission_id']);
  if (commitments) table = table.addCheckConstraint('transparency_log_subject_check', subjectCheck());
  await table.execute();
}
