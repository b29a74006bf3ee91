export type {
  CatalogBatch,
  CatalogModelRecord,
  CatalogRatingRecord,
  OrganizationAliasRecord,
  TableOutcome,
  WriteCatalogOutcome,
} from './catalog/catalog-batch.ts';
export { writeCatalog } from './catalog/write-catalog.ts';
export type { AccessibilityFilter } from './catalog-queries/catalog-vocabulary.ts';
export {
  ACCESSIBILITY_FILTERS,
  accessibilitiesOf,
  CLOSED_ACCESSIBILITIES,
  OPEN_ACCESSIBILITIES,
} from './catalog-queries/catalog-vocabulary.ts';
export type { LineageLink, ModelDetail, ModelRating } from './catalog-queries/get-model.ts';
export { getModel, MAX_LINEAGE_CHILDREN } from './catalog-queries/get-model.ts';
export type { OrganizationDetail } from './catalog-queries/get-organization.ts';
export { getOrganization, MAX_ORGANIZATION_MODELS } from './catalog-queries/get-organization.ts';
export type { CountrySummary } from './catalog-queries/list-countries.ts';
export { countryNameOf, listCountries } from './catalog-queries/list-countries.ts';
export type { ImportRunPage, ImportRunSummary } from './catalog-queries/list-import-runs.ts';
export { listImportRuns } from './catalog-queries/list-import-runs.ts';
export type { ModelFilter, ModelPage, ModelPageRequest, ModelSort } from './catalog-queries/list-models.ts';
export {
  countModels,
  iterateModels,
  listModelItems,
  listModels,
  MODEL_SORTS,
} from './catalog-queries/list-models.ts';
export type {
  OrganizationPage,
  OrganizationPageRequest,
  OrganizationSort,
  OrganizationSummary,
} from './catalog-queries/list-organizations.ts';
export {
  countOrganizations,
  iterateOrganizations,
  listOrganizationItems,
  listOrganizations,
  ORGANIZATION_SORTS,
} from './catalog-queries/list-organizations.ts';
export type { ModelSummary } from './catalog-queries/model-summary.ts';
export type {
  Accessibility,
  AdoptionSnapshotRecord,
  AffiliationRecord,
  InstitutionType,
  LineageEdgeRecord,
  ModelRecord,
  MofComponentVerdict,
  MofRatingRecord,
  MotLicenseOrigin,
  OpennessRatingRecord,
  OrganizationKind,
  OrganizationRecord,
  OsaiDimension,
  OsaiRatingRecord,
  PersonRecord,
  PublishedDate,
  SourceRef,
  TransparencyIndicatorRecord,
  TransparencyScoreRecord,
} from './catalog-records.ts';
export { ACCESSIBILITIES, INSTITUTION_TYPES, ORGANIZATION_KINDS } from './catalog-records.ts';
export { COUNTRY_ALIASES, toCountryCode } from './country-codes.ts';
export type { LoadDemoCatalogOutcome } from './demo/load-demo-catalog.ts';
export { loadDemoCatalog } from './demo/load-demo-catalog.ts';
export type { DemoCatalog } from './demo/read-demo-catalog.ts';
export { DEMO_CATALOG_RELATIVE_PATH, demoCatalogPath, readDemoCatalog } from './demo/read-demo-catalog.ts';
export type { DownloadedFile, DownloadOptions } from './import/download-to-temp-file.ts';
export { DEFAULT_IMPORT_MAX_BYTES, downloadToTempFile } from './import/download-to-temp-file.ts';
export type { ImportRunOwner } from './import/import-run-owner.ts';
export { currentImportRunOwner, processIsGone } from './import/import-run-owner.ts';
export type {
  InterruptedImportRun,
  InterruptionReason,
  MarkInterruptedOptions,
} from './import/mark-interrupted-import-runs.ts';
export {
  IMPORT_RUN_HEARTBEAT_MS,
  IMPORT_RUN_LEASE_MS,
  markInterruptedImportRuns,
} from './import/mark-interrupted-import-runs.ts';
export type { ImportProgress, ImportResult, RunImportOptions } from './import/run-import.ts';
export { DEFAULT_IMPORT_BATCH_SIZE, MAX_REPORTED_REJECTIONS, runImport } from './import/run-import.ts';
export type { HfListedModel, HfListingOptions } from './importers/fetch-hf-listing.ts';
export { fetchHfListing, hubAccessibility, parseHubAuthor } from './importers/fetch-hf-listing.ts';
export type { Importer, ImporterOptions, ImporterSource, ImportInput } from './importers/importer.ts';
export type { EpochParseOptions } from './importers/parse-epoch-csv.ts';
export {
  EPOCH_ACCESSIBILITY,
  EPOCH_COLUMNS,
  normalizeEpochAccessibility,
  parseEpochCsv,
  parseEpochCsvFile,
} from './importers/parse-epoch-csv.ts';
export type { FmtiParseOptions } from './importers/parse-fmti-csv.ts';
export {
  fmtiEditionOf,
  parseFmtiIndicatorsCsv,
  parseFmtiIndicatorsFile,
  parseFmtiScoresCsv,
  parseFmtiScoresFile,
} from './importers/parse-fmti-csv.ts';
export type { ParseItem, RejectedRow } from './importers/parse-item.ts';
export { collectItems } from './importers/parse-item.ts';
export { parseMotFolder, parseMotYaml, resolveMotLicense } from './importers/parse-mot-yaml.ts';
export type {
  OpenAlexAuthor,
  OpenAlexInput,
  OpenAlexLimits,
  OpenAlexParseOptions,
} from './importers/parse-openalex-json.ts';
export {
  OPENALEX_LIMITS,
  parseOpenAlexAuthors,
  parseOpenAlexAuthorsFile,
  parseOpenAlexWorks,
  parseOpenAlexWorksFile,
} from './importers/parse-openalex-json.ts';
export type { OsaiParameter } from './importers/parse-osai-yaml.ts';
export {
  isOsaiSystemFile,
  parseOsaiFolder,
  parseOsaiParameters,
  parseOsaiYaml,
  readOsaiCommentTags,
} from './importers/parse-osai-yaml.ts';
export { parsePublishedDate } from './importers/published-date.ts';
export type { CsvInput } from './importers/read-csv-rows.ts';
export { IMPORTERS, requireImporter } from './importers/registry.ts';
export type {
  IndicatorChart,
  IndicatorColumn,
  IndicatorDefinition,
  IndicatorParams,
  IndicatorReference,
  IndicatorResult,
  IndicatorRow,
} from './indicators/indicator-definition.ts';
export type { IndicatorParameter } from './indicators/indicator-parameter.ts';
export { listIndicatorParameters } from './indicators/indicator-parameter.ts';
export { indicatorQueryFields } from './indicators/indicator-query-fields.ts';
export {
  INDICATORS,
  requireIndicator,
  resolveIndicatorParams,
  runIndicator,
} from './indicators/indicator-registry.ts';
export type { Region } from './regions.ts';
export { EUROPE_COUNTRY_CODES, REGIONS, regionOf } from './regions.ts';
