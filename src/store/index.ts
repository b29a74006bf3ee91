export type {
  ArenaItemsTable,
  BenchmarksTable,
  BenchmarkTasksTable,
  ItemSplit,
  LadderKind,
  PrizeClaimsTable,
  PrizeTracksTable,
  RoundStatus,
  RoundsTable,
  SubmissionsTable,
  TeamsTable,
  TeamTokensTable,
  TokenScope,
  TransparencyLogTable,
} from './arena-tables.ts';
export { ITEM_SPLITS, LADDER_KINDS, ROUND_STATUSES, TOKEN_SCOPES } from './arena-tables.ts';
export { backupDatabase, postgresBackupRefused } from './backup-database.ts';
export type { CatalogStateTable } from './catalog-state.ts';
export { bumpCatalogVersion, readCatalogVersion } from './catalog-state.ts';
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
export { dialectOf } from './dialect-of.ts';
export type { IndicatorResultsTable } from './indicator-results.ts';
export type { MigrationOutcome } from './migrate.ts';
export { appliedMigrations, migrateToLatest, migrationsFor } from './migrate.ts';
export { DEFAULT_TASK_ID } from './migrations/0007-benchmark-tasks.ts';
export type { DatabaseHandle, DialectName, OpenDatabaseOptions } from './open-database.ts';
export { DEFAULT_DATABASE_FILE, isPostgresUrl, openDatabase, redactUrl } from './open-database.ts';
export type {
  AwardsTable,
  DeliverablesTable,
  ProgramKind,
  ProgramsTable,
  VerificationResultsTable,
  VerificationRunStatus,
  VerificationRunsTable,
  VerificationStatus,
} from './program-tables.ts';
export { PROGRAM_KINDS, VERIFICATION_RUN_STATUSES, VERIFICATION_STATUSES } from './program-tables.ts';
export { readTable, requireTableName, tableColumns } from './read-table.ts';
export type { SqliteReadPoolOptions, SqliteReadResult } from './sqlite-read-pool.ts';
export { SqliteReadPool } from './sqlite-read-pool.ts';
export { SqliteReadPoolDialect } from './sqlite-read-pool-dialect.ts';
export { isUniqueViolation } from './unique-violation.ts';
export type { InsertOptions, InsertOutcome, UpsertOptions, UpsertOutcome } from './upsert-rows.ts';
export { insertRows, upsertRows } from './upsert-rows.ts';
