export { backupDatabase, postgresBackupRefused } from './backup-database.ts';
export { jsonType } from './column-types.ts';
export type {
  AccessibilityValue,
  AdoptionSnapshotsTable,
  AffiliationsTable,
  Database,
  FundingProgramsTable,
  ImportRunStatus,
  ImportRunsTable,
  LineageTable,
  ModelCountriesTable,
  ModelsTable,
  OpennessRatingsTable,
  OpennessScheme,
  OrganizationAliasesTable,
  OrganizationsTable,
  PeopleTable,
  RejectedRowsTable,
  TableName,
  TransparencyScoresTable,
} from './database.ts';
export {
  ACCESSIBILITY_VALUES,
  IMPORT_RUN_STATUSES,
  isTableName,
  OPENNESS_SCHEMES,
  TABLE_NAMES,
} from './database.ts';
export type { MigrationOutcome } from './migrate.ts';
export { appliedMigrations, migrateToLatest, migrationsFor } from './migrate.ts';
export type { DatabaseHandle, DialectName, OpenDatabaseOptions } from './open-database.ts';
export { DEFAULT_DATABASE_FILE, isPostgresUrl, openDatabase, redactUrl } from './open-database.ts';
export { readTable, requireTableName, tableColumns } from './read-table.ts';
export type { UpsertOptions, UpsertOutcome } from './upsert-rows.ts';
export { upsertRows } from './upsert-rows.ts';
