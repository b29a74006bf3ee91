/*
 * The types of the HTTP API's answers, the door the dashboard imports them from: each is the z.output of
 * a schema of this folder (or of the report v1 it embeds), so the server, the query layer and the
 * dashboard share one definition. Types only (use `import type`): the schemas themselves, which would
 * bring zod into the bundle, are exported by src/spec/index.ts. The closed lists have their own door,
 * ../vocabularies/index.ts.
 */
export type { EvidenceRef, ReleaseLocationSummary } from '../evidence.ts';
export type { MofClassName } from '../policy-schema.ts';
export type {
  BenchmarkDetail,
  BenchmarkSummary,
  Leaderboard,
  LeaderboardEntry,
  RoundSummary,
  TaskSummary,
  TeamHistory,
  Withholding,
} from './arena.ts';
export type { CheckReportResponse } from './check.ts';
export type { CountryList, CountrySummary } from './countries.ts';
export type { ErrorResponse } from './errors.ts';
export type { ImportRunPage, ImportRunSummary } from './import-runs.ts';
export type {
  IndicatorCell,
  IndicatorChart,
  IndicatorColumn,
  IndicatorInfo,
  IndicatorList,
  IndicatorResult,
} from './indicators.ts';
export type { EntityMatch, MatchPage } from './matches.ts';
export { MATCH_KINDS, MATCH_STATUSES } from './matches.ts';
export type {
  FactDisagreement,
  ModelDetailWithProfile,
  ModelPage,
  ModelSourceFacts,
  ModelSummary,
  StoredComponentRating,
  StoredProfile,
} from './models.ts';
export type { OrganizationDetail, OrganizationPage } from './organizations.ts';
export type {
  AwardDetail,
  MilestoneState,
  ProgramDetail,
  ProgramList,
  ProgramPortfolio,
  StatusCounts,
} from './programs.ts';
export type { DataSource, DataSourcesResponse } from './sources.ts';
export type { ReleaseFilters, WatchedRelease, WatchedReleasePage, WebhookPayload } from './watch.ts';
