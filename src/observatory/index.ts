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
export type { Region } from './regions.ts';
export { EUROPE_COUNTRY_CODES, REGIONS, regionOf } from './regions.ts';
