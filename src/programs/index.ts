export { addAward } from './add-award.ts';
export type { ArenaContribution, ArenaContributionLookup } from './arena-contribution-lookup.ts';
export { arenaStoreLookup } from './arena-store-lookup.ts';
export { createProgram } from './create-program.ts';
export type { ExportedResult } from './export-results.ts';
export { EXPORT_COLUMNS, exportResults } from './export-results.ts';
export type {
  DeliverableReport,
  DeliverableVerdict,
  JudgeInput,
  MilestoneState,
  SourceOutcome,
} from './judge-deliverable.ts';
export { judgeDeliverable, STAGE_EVIDENCE } from './judge-deliverable.ts';
export type { LoadDemoProgramsOptions } from './load-demo-programs.ts';
export { DEMO_PROGRAMS_RELATIVE_PATH, demoProgramsPath, loadDemoPrograms } from './load-demo-programs.ts';
export { isOpenAward, OPEN_ARTIFACT_KINDS, openFundingOf } from './open-funding.ts';
export type { OpennessGroup, PortfolioRow, ProgramPortfolio } from './program-portfolio.ts';
export { programPortfolio } from './program-portfolio.ts';
export type {
  AwardDetail,
  AwardSummary,
  DeliverableSummary,
  HistoryEntry,
  LatestResult,
  ProgramDetail,
  ProgramSummary,
  StatusCounts,
} from './program-queries.ts';
export { getAward, getProgram, listPrograms } from './program-queries.ts';
export type {
  Award,
  AwardDeliverable,
  ProgramDefinition,
  Requirement,
  RequirementKind,
} from './program-schema.ts';
export {
  AwardSchema,
  MILESTONE_STAGES,
  PROGRAM_SPEC,
  ProgramDefinitionSchema,
  REQUIREMENT_KINDS,
  RequirementSchema,
} from './program-schema.ts';
export type { ProgramFiles } from './read-program-files.ts';
export { isLocalSource, readProgramFiles, resolveProgramPaths } from './read-program-files.ts';
export type { DeliverableDefinition, SaveProgramOptions, SaveProgramOutcome } from './save-program.ts';
export {
  deleteAward,
  deleteProgram,
  deliverableOf,
  FUNDING_SOURCE,
  readProgramDefinition,
  saveAward,
  saveProgram,
} from './save-program.ts';
export type { ProgramValidation } from './validate-program.ts';
export {
  formatProgramIssues,
  requireValidProgram,
  validateProgramText,
  validateProgramValue,
} from './validate-program.ts';
export type {
  CheckFunction,
  VerifiedDeliverable,
  VerifyOptions,
  VerifyOutcome,
} from './verify-deliverables.ts';
export { hasFailures, readRunResults, verifyDeliverables } from './verify-deliverables.ts';
