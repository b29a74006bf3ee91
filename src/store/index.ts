export type { BenchmarksTable, BenchmarkTasksTable, RoundsTable } from './arena-tables.ts';
export { backupDatabase, postgresBackupRefused } from './backup-database.ts';
export type { CatalogSourcesTable } from './catalog-sources.ts';
export { withCatalogSources } from './catalog-sources.ts';
export type { CatalogStateTable } from './catalog-state.ts';
export { bumpCatalogVersion, readCatalogVersion } from './catalog-state.ts';
export type { Database } from './database.ts';
export { TABLE_NAMES } from './database.ts';
export { dialectOf } from './dialect-of.ts';
export type { FoldedNameTable } from './fill-folded-names.ts';
export { fillFoldedNames } from './fill-folded-names.ts';
export type { IndicatorResultsTable } from './indicator-results.ts';
export { appliedMigrations, migrateToLatest, migrationsFor } from './migrate.ts';
export { DEFAULT_TASK_ID } from './migrations/0007-benchmark-tasks.ts';
export type { DatabaseHandle, DialectName } from './open-database.ts';
export { isPostgresUrl, openDatabase } from './open-database.ts';
export type { AwardsTable, ProgramsTable } from './program-tables.ts';
export { readTable, requireTableName, tableColumns } from './read-table.ts';
export { isUniqueViolation } from './unique-violation.ts';
export { insertRows, upsertRows } from './upsert-rows.ts';
export type {
  WatchedOrganizationsTable,
  WatchReleaseStatus,
  WatchReleasesTable,
  WebhookDeliveriesTable,
  WebhookDeliveryStatus,
  WebhookSubscriptionsTable,
} from './watch-tables.ts';
export type { WorkModelMentionsTable, WorksTable } from './work-tables.ts';
