import type { Kysely, Migration } from 'kysely';
import { fillFoldedNames } from '../fill-folded-names.ts';

/**
 * `models.name_folded` and `organizations.name_folded`: the name folded by foldName (case and accents,
 * full Unicode rules) so that name search matches the same rows on SQLite and PostgreSQL, whose
 * `lower()` differ beyond ASCII. Filled for existing rows here, kept in sync by the catalog writers,
 * and indexed.
 */
export function nameNormalizedMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      for (const table of ['models', 'organizations'] as const) {
        await db.schema.alterTable(table).addColumn('name_folded', 'text').execute();
        await fillFoldedNames(db, table);
        await db.schema
          .createIndex(`${table}_name_folded_idx`)
          .ifNotExists()
          .on(table)
          .column('name_folded')
          .execute();
      }
    },
    async down(db: Kysely<unknown>) {
      for (const table of ['models', 'organizations'] as const) {
        await db.schema.dropIndex(`${table}_name_folded_idx`).ifExists().execute();
        await db.schema.alterTable(table).dropColumn('name_folded').execute();
      }
    },
  };
}
