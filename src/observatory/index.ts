export type { CatalogModelRecord } from './catalog/catalog-batch.ts';
export { writeCatalog } from './catalog/write-catalog.ts';
export { getModel } from './catalog-queries/get-model.ts';
export { getOrganization } from './catalog-queries/get-organization.ts';
export { listCountries } from './catalog-queries/list-countries.ts';
export { listDataSources } from './catalog-queries/list-data-sources.ts';
export { listImportRuns } from './catalog-queries/list-import-runs.ts';
export { countModels, iterateModels, listModelItems } from './catalog-queries/list-models.ts';
export {
  countOrganizations,
  iterateOrganizations,
  listOrganizationItems,
} from './catalog-queries/list-organizations.ts';
export type {
  Accessibility,
  ModelRecord,
  MofRatingRecord,
  OrganizationKind,
  OrganizationRecord,
  OsaiRatingRecord,
  SourceRef,
} from './catalog-records.ts';
export { loadDemoCatalog } from './demo/load-demo-catalog.ts';
export type { CatalogOverrides, MatchingOutcome, OverrideDecision } from './entities/index.ts';
export {
  getMatch,
  listMatches,
  readCatalogOverrides,
  runMatching,
  writeOverrideDecision,
} from './entities/index.ts';
export { currentImportRunOwner } from './import/import-run-owner.ts';
export type { InterruptedImportRun } from './import/mark-interrupted-import-runs.ts';
export { IMPORT_RUN_LEASE_MS, markInterruptedImportRuns } from './import/mark-interrupted-import-runs.ts';
export type { ImportProgress, ImportResult } from './import/run-import.ts';
export { runImport } from './import/run-import.ts';
export type { Importer } from './importers/importer.ts';
export { parseEpochCsvFile } from './importers/parse-epoch-csv.ts';
export { parseFmtiScoresFile } from './importers/parse-fmti-csv.ts';
export { collectItems } from './importers/parse-item.ts';
export { parseMotFolder, parseMotYaml } from './importers/parse-mot-yaml.ts';
export { parseOsaiFolder, parseOsaiParameters, parseOsaiYaml } from './importers/parse-osai-yaml.ts';
export { IMPORTERS, requireImporter } from './importers/registry.ts';
export type { IndicatorDefinition } from './indicators/indicator-definition.ts';
export type { IndicatorParameter } from './indicators/indicator-parameter.ts';
export { listIndicatorParameters } from './indicators/indicator-parameter.ts';
export { indicatorQueryFields } from './indicators/indicator-query-fields.ts';
export {
  countingNotesName,
  INDICATORS,
  requireIndicator,
  resolveIndicatorParams,
  runIndicator,
} from './indicators/indicator-registry.ts';
export { materializeIndicators } from './indicators/materialize-indicators.ts';
export { regionOf } from './regions.ts';
export type { BuildSnapshotResult } from './snapshot/build-snapshot.ts';
export { buildSnapshot, combineEpochExports } from './snapshot/build-snapshot.ts';
export { factsOnly, PROSE_KEYS } from './snapshot/facts-only.ts';
export type { LoadSnapshotOutcome, SnapshotSourceOutcome } from './snapshot/load-snapshot.ts';
export { loadSnapshot } from './snapshot/load-snapshot.ts';
export type { PublicSource } from './snapshot/public-sources.ts';
export { PUBLIC_SOURCES, publicSource } from './snapshot/public-sources.ts';
export { bundledSnapshotDir, readSnapshotManifest, snapshotItems } from './snapshot/read-snapshot.ts';
export type { SnapshotManifest, SnapshotSourceEntry } from './snapshot/snapshot-manifest.ts';
export type { RunSyncOptions } from './sync/run-sync.ts';
export { runSync } from './sync/run-sync.ts';
export type { SyncOutcome } from './sync/sync-source.ts';
export { DEFAULT_SYNC_MAX_BYTES, DEFAULT_SYNC_TIMEOUT_MS, syncSource } from './sync/sync-source.ts';
export type { SyncTarget } from './sync/sync-targets.ts';
export { syncTargets, urlVariable } from './sync/sync-targets.ts';
export type {
  DeadLetter,
  DeliverOptions,
  DeliverResult,
  DeliveryAttempt,
  RunWatchOptions,
  WatchedOrganization,
  WatchProgress,
  WatchRunResult,
  WatchSchedule,
  WebhookSubscription,
  WebhookVerdict,
} from './watch/index.ts';
export {
  addWatchedOrganization,
  addWebhookSubscription,
  deliverDueWebhooks,
  enqueueDeliveries,
  listDeadLetters,
  listWatchedOrganizations,
  listWatchedReleases,
  listWebhookSubscriptions,
  parseInterval,
  removeWatchedOrganization,
  removeWebhookSubscription,
  renderAtomFeed,
  replayDeadLetters,
  runWatch,
  signWebhook,
  startWatchSchedule,
  toWatchedRelease,
  verifyWebhook,
} from './watch/index.ts';
