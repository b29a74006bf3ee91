import type { Kysely, Migration } from 'kysely';

/**
 * `benchmarks.contributed_by`: the arena team (slug) that contributed the benchmark, or null for the
 * organiser's own. A benchmark exists only once the organiser created it, so a stored one is accepted.
 */
export function benchmarkContributorsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('benchmarks').addColumn('contributed_by', 'text').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('benchmarks').dropColumn('contributed_by').execute();
    },
  };
}
