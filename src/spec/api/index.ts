/*
 * The HTTP API's contract: request and response schemas (zod) and the types derived from them, the door
 * the dashboard imports its types from (`import type`: the schemas themselves would bring zod and the
 * report schema into its bundle). The closed lists they use have their own door, ../vocabularies/index.ts.
 * src/spec/index.ts exports the same for the rest of Aperture.
 */

// Parts of the report v1 that the API's answers embed (POST /api/check, a model's stored profile).
export type { EvidenceRef, ReleaseLocationSummary } from '../evidence.ts';
export type { MofClassName } from '../policy-schema.ts';
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
  TeamSubmission,
  Withholding,
} from './arena.ts';
export {
  BenchmarkDetailSchema,
  BenchmarkListSchema,
  BenchmarkParamsSchema,
  BenchmarkSummarySchema,
  BootstrapSchema,
  LeaderboardEntrySchema,
  LeaderboardQuerySchema,
  LeaderboardSchema,
  MAX_PREDICTIONS_BYTES,
  PrizeClaimBodySchema,
  PrizeClaimOutcomeSchema,
  PrizeStandingSchema,
  RoundListSchema,
  RoundParamsSchema,
  RoundSummarySchema,
  SlugSchema,
  SubmissionBodySchema,
  SubmissionOutcomeSchema,
  SubmissionQuerySchema,
  TaskSummarySchema,
  TeamHistorySchema,
  TeamParamsSchema,
  TeamSubmissionSchema,
  WithholdingSchema,
} from './arena.ts';
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
} from './arena-admin.ts';
export {
  CountryParamSchema,
  IdParamsSchema,
  RegionParamSchema,
  SearchParamSchema,
} from './catalog-params.ts';
export type { CheckReportResponse } from './check.ts';
export { CheckBodySchema, CheckReportResponseSchema } from './check.ts';
export type { CountryList, CountrySummary } from './countries.ts';
export { CountryListSchema, CountrySummarySchema } from './countries.ts';
export type { ErrorResponse } from './errors.ts';
export { ErrorResponseSchema } from './errors.ts';
export type { Health } from './health.ts';
export { HealthSchema } from './health.ts';
export type { ImportRunPage, ImportRunSummary } from './import-runs.ts';
export { ImportRunPageSchema, ImportRunQuerySchema, ImportRunSummarySchema } from './import-runs.ts';
export type {
  IndicatorCell,
  IndicatorChart,
  IndicatorColumn,
  IndicatorInfo,
  IndicatorList,
  IndicatorReference,
  IndicatorResult,
  IndicatorRow,
} from './indicators.ts';
export {
  IndicatorCellSchema,
  IndicatorChartSchema,
  IndicatorColumnSchema,
  IndicatorInfoSchema,
  IndicatorListSchema,
  IndicatorParamsSchema,
  IndicatorQuerySchema,
  IndicatorReferenceSchema,
  IndicatorResultSchema,
  IndicatorRowSchema,
} from './indicators.ts';
export type {
  LineageLink,
  ModelDetail,
  ModelDetailWithProfile,
  ModelPage,
  ModelRating,
  ModelSummary,
  StoredComponentRating,
  StoredProfile,
} from './models.ts';
export {
  LineageLinkSchema,
  ModelDetailSchema,
  ModelListQuerySchema,
  ModelPageSchema,
  ModelRatingSchema,
  ModelSummarySchema,
} from './models.ts';
export type { OrganizationDetail, OrganizationPage, OrganizationSummary } from './organizations.ts';
export {
  OrganizationDetailSchema,
  OrganizationListQuerySchema,
  OrganizationPageSchema,
  OrganizationSummarySchema,
} from './organizations.ts';
export {
  FormatParamSchema,
  FormatQuerySchema,
  MAX_PAGE_SIZE,
  PageParamSchema,
  PageSizeParamSchema,
  pageOf,
} from './pages.ts';
export type {
  AwardDetail,
  AwardSummary,
  DeliverableSummary,
  LatestResult,
  MilestoneState,
  OpennessGroup,
  PortfolioRow,
  ProgramDetail,
  ProgramList,
  ProgramPortfolio,
  ProgramSummary,
  StatusCounts,
  VerificationHistoryEntry,
} from './programs.ts';
export {
  AwardDetailSchema,
  AwardSummarySchema,
  DeletedResponseSchema,
  DeliverableSummarySchema,
  LatestResultSchema,
  MilestoneStateSchema,
  ObjectBodySchema,
  OpennessGroupSchema,
  PortfolioRowSchema,
  ProgramDetailSchema,
  ProgramListSchema,
  ProgramPortfolioSchema,
  ProgramSummarySchema,
  SlugParamsSchema,
  StatusCountsSchema,
  VerificationHistoryEntrySchema,
} from './programs.ts';
export { TOKEN_ID_PATTERN } from './team-token-id.ts';
