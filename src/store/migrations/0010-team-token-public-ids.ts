import { type Kysely, type Migration, sql } from 'kysely';

/**
 * `team_tokens.public_id`: the identifier a token shows between `apt_` and its secret, unique. Tokens issued
 * from now on get a random one (24 hex digits), so no token can be named by guessing; tokens issued before
 * keep working under their old identifier, their row id as text (`apt_13_…` finds public id `13`), until
 * they are revoked. Self-contained: it reads and writes only `team_tokens`.
 */
export function teamTokenPublicIdsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('team_tokens').addColumn('public_id', 'text').execute();
      await sql`update team_tokens set public_id = cast(id as text)`.execute(db);
      await db.schema
        .createIndex('team_tokens_public_id_idx')
        .unique()
        .on('team_tokens')
        .column('public_id')
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('team_tokens_public_id_idx').execute();
      await db.schema.alterTable('team_tokens').dropColumn('public_id').execute();
    },
  };
}
