export { addNulByteIssue, NUL_BYTE_MESSAGE } from './add-nul-byte-issue.ts';
export type { CycloneDxComponentType } from './ai-bom-vocabulary.ts';
export {
  APERTURE_PROPERTIES,
  APERTURE_PROPERTY_PREFIX,
  CYCLONEDX_TYPE_OF_COMPONENT,
} from './ai-bom-vocabulary.ts';
export type { CataloguedLicense } from './ai-licenses.ts';
export { AI_LICENSES, OPEN_DATA_LICENSES } from './ai-licenses.ts';
export type {
  BenchmarkDetail,
  BenchmarkSummary,
  Leaderboard,
  LeaderboardEntry,
  PrizeClaimOutcome,
  PrizeStanding,
  RoundSummary,
  SubmissionOutcome,
  TaskSummary,
  TeamHistory,
  Withholding,
} from './api/arena.ts';
export {
  BenchmarkDetailSchema,
  BenchmarkListSchema,
  BenchmarkParamsSchema,
  LeaderboardQuerySchema,
  LeaderboardSchema,
  MAX_PREDICTIONS_BYTES,
  PrizeClaimBodySchema,
  PrizeClaimOutcomeSchema,
  RoundListSchema,
  RoundParamsSchema,
  SubmissionBodySchema,
  SubmissionOutcomeSchema,
  SubmissionQuerySchema,
  TeamHistorySchema,
  TeamParamsSchema,
} from './api/arena.ts';
export {
  BenchmarkCreateBodySchema,
  BenchmarkCreatedSchema,
  ItemsAddedSchema,
  ItemsBodySchema,
  LogVerificationSchema,
  MAX_ITEMS_TEXT_BYTES,
  MAX_LOG_TEXT_BYTES,
  RoundCloseBodySchema,
  RoundCreateBodySchema,
  RoundCreatedSchema,
  RoundResultsSchema,
  StoreLogVerificationSchema,
  TeamCreateBodySchema,
  TeamCreatedSchema,
  TeamSlugParamsSchema,
  TokenIssueBodySchema,
  TokenIssuedSchema,
  TokenParamsSchema,
  TokenRevokedSchema,
  VerifyLogBodySchema,
  VerifyStoreLogQuerySchema,
} from './api/arena-admin.ts';
export { IdParamsSchema } from './api/catalog-params.ts';
export { CheckBodySchema, CheckReportResponseSchema } from './api/check.ts';
export type { CountrySummary } from './api/countries.ts';
export { CountryListSchema } from './api/countries.ts';
export { ErrorResponseSchema } from './api/errors.ts';
export { HealthSchema } from './api/health.ts';
export type { ImportRunPage, ImportRunSummary } from './api/import-runs.ts';
export { ImportRunPageSchema, ImportRunQuerySchema } from './api/import-runs.ts';
export type {
  IndicatorChart,
  IndicatorColumn,
  IndicatorReference,
  IndicatorResult,
  IndicatorRow,
} from './api/indicators.ts';
export {
  IndicatorListSchema,
  IndicatorParamsSchema,
  IndicatorQuerySchema,
  IndicatorResultSchema,
} from './api/indicators.ts';
export type { EntityMatch, MatchPage } from './api/matches.ts';
export {
  EntityMatchSchema,
  MATCH_KINDS,
  MATCH_STATUSES,
  MatchPageSchema,
  MatchQuerySchema,
} from './api/matches.ts';
export type {
  FactDisagreement,
  ModelDetail,
  ModelPage,
  ModelSourceFacts,
  ModelSummary,
} from './api/models.ts';
export { ModelDetailSchema, ModelListQuerySchema, ModelPageSchema } from './api/models.ts';
export type { OrganizationDetail, OrganizationPage, OrganizationSummary } from './api/organizations.ts';
export {
  OrganizationDetailSchema,
  OrganizationListQuerySchema,
  OrganizationPageSchema,
} from './api/organizations.ts';
export { FormatQuerySchema, MAX_PAGE_SIZE } from './api/pages.ts';
export type {
  AwardDetail,
  AwardSummary,
  LatestResult,
  MilestoneState,
  OpennessGroup,
  PortfolioRow,
  ProgramDetail,
  ProgramPortfolio,
  ProgramSaved,
  ProgramSummary,
  StatusCounts,
} from './api/programs.ts';
export {
  AwardDetailSchema,
  DeletedResponseSchema,
  ObjectBodySchema,
  ProgramDetailSchema,
  ProgramListSchema,
  ProgramPortfolioSchema,
  ProgramSavedSchema,
  SlugParamsSchema,
} from './api/programs.ts';
export type { DataSource, DataSourcesResponse } from './api/sources.ts';
export { DataSourceSchema, DataSourcesResponseSchema } from './api/sources.ts';
export { TOKEN_ID_PATTERN } from './api/team-token-id.ts';
export type {
  ReleaseFilters,
  WatchedRelease,
  WatchedReleasePage,
  WebhookPayload,
} from './api/watch.ts';
export {
  DeadLetterListSchema,
  DeadLetterReplayBodySchema,
  DeadLetterReplayResultSchema,
  MAX_FEED_ENTRIES,
  ReleaseFeedQuerySchema,
  ReleaseFiltersSchema,
  ReleaseListQuerySchema,
  WatchedReleasePageSchema,
  WatchedReleaseSchema,
  WebhookIdParamsSchema,
  WebhookPayloadSchema,
  WebhookSubscriptionBodySchema,
  WebhookSubscriptionCreatedSchema,
  WebhookSubscriptionListSchema,
} from './api/watch.ts';
export type { StageAssessment } from './assess-stages.ts';
export { assessStages } from './assess-stages.ts';
export type { ComponentDefinition, ComponentId, MofClassNumber } from './components.ts';
export {
  COMPONENT_IDS,
  COMPONENTS,
  componentByMofName,
  getComponent,
  RELEASE_PACK_DOCUMENTS,
} from './components.ts';
export type { DocumentIssue } from './document-issue.ts';
export { formatDocumentIssue, summarizeDocumentIssues } from './document-issue.ts';
export type { DocumentDefinition } from './document-sections.ts';
export { coverSections, DOCUMENTS, getDocumentDefinition, MIN_SECTION_WORDS } from './document-sections.ts';
export type {
  ChecksumOutcome,
  EvidenceRef,
  ManifestState,
  PackFile,
  ReleaseEvidence,
  ReleaseLocationSummary,
  ResolvedComponent,
  SourceInfo,
  TextDocument,
} from './evidence.ts';
export { findNulByte, nulPathText } from './find-nul-byte.ts';
export { policyJsonSchema, releasePackJsonSchema, reportJsonSchema } from './json-schema.ts';
export type { LicenseVerdict } from './license-classify.ts';
export {
  canonicalSpdxId,
  classifyLicense,
  findCataloguedLicense,
  normaliseWords,
  spdxFacts,
} from './license-classify.ts';
export { locateReleasePath, locationKey, locationLabel, releasePath } from './location-label.ts';
export { fenceTracker, markdownLines, REFERENCE_SECTION } from './markdown-fences.ts';
export { isNumericCell, numericTableLine, TABLE_SEPARATOR_START, tableRows } from './markdown-tables.ts';
export type { MofClassName, Policy, Rating } from './policy-schema.ts';
export { MOF_CLASS_NAMES, POLICY_SPEC, PolicySchema } from './policy-schema.ts';
export type {
  ComponentEntry,
  ComponentStatus,
  GlobalLicenses,
  ReleasePack,
  Stage,
} from './release-pack-schema.ts';
export {
  COMPONENT_STATUSES,
  isIsoCountryCode,
  isShippedStatus,
  MANIFEST_FILE,
  MODALITIES,
  ORGANIZATION_TYPES,
  RELEASE_PACK_SPEC,
  ReleasePackSchema,
  WITHHOLD_REASONS,
} from './release-pack-schema.ts';
export { CheckOutcomeSchema, CheckResultSchema, RISKS } from './report/check-outcome-schema.ts';
export { FixSchema } from './report/fix-schema.ts';
export { PolicyOutcomeSchema, RuleOutcomeSchema } from './report/policy-outcome-schema.ts';
export {
  CompletenessSchema,
  ComponentRatingSchema,
  MofEvaluationSchema,
  OpennessProfileSchema,
  OpenWashingSchema,
  OsaidVerdictSchema,
} from './report/profile-schema.ts';
export { CheckReportSchema, JsonReportSchema, REPORT_VERSION } from './report/report-schema.ts';
export { parseYamlSafely } from './safe-yaml.ts';
export { validateDocumentValue } from './validate-document-value.ts';
export { validateManifestText } from './validate-manifest.ts';
export type { YamlValidation } from './validate-yaml-document.ts';
export { validateYamlDocument } from './validate-yaml-document.ts';
export type { AccessibilityFilter, AccessibilityValue } from './vocabularies/accessibility.ts';
export {
  ACCESSIBILITY_VALUES,
  accessibilitiesOf,
  OPEN_ACCESSIBILITIES,
} from './vocabularies/accessibility.ts';
export type { ModelSort, OrganizationSort } from './vocabularies/catalog-sorts.ts';
export type { ImportRunStatus } from './vocabularies/import-run-statuses.ts';
export type { ItemSplit } from './vocabularies/item-splits.ts';
export { ITEM_SPLITS } from './vocabularies/item-splits.ts';
export type { LadderKind } from './vocabularies/ladder-kinds.ts';
export { LADDER_KINDS } from './vocabularies/ladder-kinds.ts';
export type { OpennessScheme } from './vocabularies/openness-schemes.ts';
export { OPENNESS_SCHEMES } from './vocabularies/openness-schemes.ts';
export { PORTFOLIO_CLASSES } from './vocabularies/portfolio-classes.ts';
export type { ProgramKind } from './vocabularies/program-kinds.ts';
export { PROGRAM_KINDS } from './vocabularies/program-kinds.ts';
export type { Region } from './vocabularies/regions.ts';
export { REGION_LABELS, REGIONS } from './vocabularies/regions.ts';
export type { RoundPhase } from './vocabularies/round-phases.ts';
export type { RoundStatus } from './vocabularies/round-statuses.ts';
export { ROUND_STATUSES } from './vocabularies/round-statuses.ts';
export type { TokenScope } from './vocabularies/token-scopes.ts';
export { TOKEN_SCOPES } from './vocabularies/token-scopes.ts';
export type { VerificationStatus } from './vocabularies/verification-statuses.ts';
export { DELIVERABLE_STATUSES, VERIFICATION_STATUSES } from './vocabularies/verification-statuses.ts';
