import { type Kysely, type Migration, type MigrationResult, Migrator } from 'kysely';
import { ApertureError } from '../errors.ts';
import { catalogMigration } from './migrations/0001-catalog.ts';
import { ratingsMigration } from './migrations/0002-ratings.ts';
import { catalogIndexesMigration } from './migrations/0003-catalog-indexes.ts';
import { arenaMigration } from './migrations/0004-arena.ts';
import { programsMigration } from './migrations/0005-programs.ts';
import { benchmarkContributorsMigration } from './migrations/0006-benchmark-contributors.ts';
import { benchmarkTasksMigration } from './migrations/0007-benchmark-tasks.ts';
import { modelOpenWashingMigration } from './migrations/0008-model-open-washing.ts';
import { unscoredSubmissionsMigration } from './migrations/0009-unscored-submissions.ts';
import { teamTokenPublicIdsMigration } from './migrations/0010-team-token-public-ids.ts';
import { logScoreCommitmentsMigration } from './migrations/0011-log-score-commitments.ts';
import { importRunsInterruptedMigration } from './migrations/0012-import-runs-interrupted.ts';
import { indicatorResultsMigration } from './migrations/0013-indicator-results.ts';
import { modelEntitiesMigration } from './migrations/0014-model-entities.ts';
import { releaseWatchMigration } from './migrations/0015-release-watch.ts';
import { researchSignalsMigration } from './migrations/0016-research-signals.ts';
import { nameNormalizedMigration } from './migrations/0017-name-normalized.ts';
import { catalogSourcesMigration } from './migrations/0018-catalog-sources.ts';
import type { DatabaseHandle, DialectName } from './open-database.ts';

/**
 * Every migration in order, listed here rather than found on disk so the built package needs no
 * file-system scanning. Names sort in the order they run; never rename or edit a shipped one.
 */
export function migrationsFor(dialect: DialectName): Record<string, Migration> {
  return {
    '0001-catalog': catalogMigration(dialect),
    '0002-ratings': ratingsMigration(dialect),
    '0003-catalog-indexes': catalogIndexesMigration(dialect),
    '0004-arena': arenaMigration(dialect),
    '0005-programs': programsMigration(dialect),
    '0006-benchmark-contributors': benchmarkContributorsMigration(),
    '0007-benchmark-tasks': benchmarkTasksMigration(dialect),
    '0008-model-open-washing': modelOpenWashingMigration(),
    '0009-unscored-submissions': unscoredSubmissionsMigration(),
    '0010-team-token-public-ids': teamTokenPublicIdsMigration(),
    '0011-log-score-commitments': logScoreCommitmentsMigration(dialect),
    '0012-import-runs-interrupted': importRunsInterruptedMigration(dialect),
    '0013-indicator-results': indicatorResultsMigration(),
    '0014-model-entities': modelEntitiesMigration(dialect),
    '0015-release-watch': releaseWatchMigration(dialect),
    '0016-research-signals': researchSignalsMigration(dialect),
    '0017-name-normalized': nameNormalizedMigration(),
    '0018-catalog-sources': catalogSourcesMigration(),
  };
}

/** What migrateToLatest did. */
export interface MigrationOutcome {
  /** Migrations applied by this call, in order (empty when the database was up to date). */
  applied: string[];
  /** Every migration the code knows. */
  known: string[];
}

function migratorFor(handle: DatabaseHandle): Migrator {
  const migrations = migrationsFor(handle.dialect);
  return new Migrator({
    db: handle.db as unknown as Kysely<unknown>,
    provider: { getMigrations: async () => migrations },
  });
}

/**
 * Applies every pending migration, each in a transaction; running it again changes nothing.
 *
 * @example
 * const { applied } = await migrateToLatest(store); // ['0001-catalog'] the first time, [] after
 */
export async function migrateToLatest(handle: DatabaseHandle): Promise<MigrationOutcome> {
  const { error, results } = await migratorFor(handle).migrateToLatest();
  const known = Object.keys(migrationsFor(handle.dialect)).sort();
  if (error !== undefined) {
    const failed = results?.find((result: MigrationResult) => result.status === 'Error')?.migrationName;
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ApertureError(
      'ERR_INTERNAL',
      `migration ${failed ?? '(before any migration ran)'} failed on ${handle.location}: ${reason}`,
      { cause: error },
    );
  }
  return {
    applied: (results ?? []).filter((result) => result.status === 'Success').map((r) => r.migrationName),
    known,
  };
}

/** Names of the migrations already applied to the database, in order. */
export async function appliedMigrations(handle: DatabaseHandle): Promise<string[]> {
  const all = await migratorFor(handle).getMigrations();
  return all.filter((migration) => migration.executedAt !== undefined).map((migration) => migration.name);
}
