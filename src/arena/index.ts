export type { AddItemsInput, AddItemsOutcome } from './add-items.ts';
export { addItems } from './add-items.ts';
export type { ArenaDb } from './arena-records.ts';
export type {
  BenchmarkDefinition,
  PrizeTrackDefinition,
  ResolvedTask,
  RoundDefinition,
  TaskDefinition,
} from './benchmark-definition.ts';
export {
  BenchmarkDefinitionSchema,
  parseBenchmarkDefinition,
  RoundDefinitionSchema,
  resolveTasks,
  SlugSchema,
  TaskDefinitionSchema,
  validateBenchmarkDefinition,
} from './benchmark-definition.ts';
export type { BootstrapOptions, ConfidenceInterval } from './bootstrap.ts';
export { BOOTSTRAP_DEFAULTS, bootstrapInterval, quantile, resampleMetric } from './bootstrap.ts';
export { canonicalJson } from './canonical-json.ts';
export type { ClaimPrizeOptions, PrizeClaimOutcome, ReleaseChecker } from './claim-prize.ts';
export { claimPrize } from './claim-prize.ts';
export type { ClosedRoundResults, PrivateResult, RoundResults, TaskResults } from './close-round.ts';
export {
  BOOTSTRAP_DRAW_BUDGET,
  closeRound,
  parseRoundResults,
  resamplesFor,
  roundSeed,
} from './close-round.ts';
export { closeTimeText } from './close-time-text.ts';
export type { CreateBenchmarkOptions } from './create-benchmark.ts';
export { createBenchmark } from './create-benchmark.ts';
export { exportLog } from './export-log.ts';
export type { LadderStep } from './ladder.ts';
export { fixedStepLadder, parameterFreeLadder, roundToMultiple } from './ladder.ts';
export type { Leaderboard, LeaderboardEntry, PrizeStanding } from './leaderboard.ts';
export { leaderboard } from './leaderboard.ts';
export type { BenchmarkDetail, BenchmarkSummary, RoundSummary, TaskSummary } from './list-benchmarks.ts';
export { benchmarkDetail, listBenchmarks, listRounds, listTasks } from './list-benchmarks.ts';
export { DEMO_ARENA_RELATIVE_PATHS, demoArenaPath, loadDemoArena } from './load-demo-arena.ts';
export { accuracy } from './metrics/accuracy.ts';
export { aucRoc } from './metrics/auc-roc.ts';
export { exactMatch, normaliseAnswer } from './metrics/exact-match.ts';
export { macroF1 } from './metrics/macro-f1.ts';
export type { AnyMetric, InputKind, Metric, MetricInputs, Prediction, Truth } from './metrics/metric.ts';
export { INPUT_KINDS } from './metrics/metric.ts';
export { passAtK, passAtKEstimate } from './metrics/pass-at-k.ts';
export { findMetric, METRICS } from './metrics/registry.ts';
export { rmse } from './metrics/rmse.ts';
export { openRound } from './open-round.ts';
export type {
  ParsedPredictions,
  PredictionIssue,
  PredictionsExpectation,
  PredictionsFormat,
  PredictionsLimits,
} from './parse-predictions.ts';
export { DEFAULT_PREDICTIONS_LIMITS, PredictionsReader, parsePredictions } from './parse-predictions.ts';
export type { RankedEntry, RankInput } from './rank-entries.ts';
export { rankEntries } from './rank-entries.ts';
export type { RawItem } from './read-items-file.ts';
export { readItemsFile } from './read-items-file.ts';
export { readPredictions } from './read-predictions.ts';
export type { Resampler } from './resampler.ts';
export { meanResampler } from './resampler.ts';
export type { RoundPhase } from './round-phase.ts';
export { roundPhase } from './round-phase.ts';
export { sampleBinomial, sampleMultinomial } from './sample-binomial.ts';
export type { ScoredSubmission, SealedScores } from './score-commitments.ts';
export { closeDigests, submissionScoresDigest } from './score-commitments.ts';
export type { SeededRandom } from './seeded-random.ts';
export { createRandom } from './seeded-random.ts';
export type {
  PredictionsFile,
  SubmissionTarget,
  SubmitInput,
  SubmitOutcome,
} from './submit-predictions.ts';
export { submitPredictions } from './submit-predictions.ts';
export type { ContributedBenchmark } from './team-benchmarks.ts';
export { teamBenchmarks } from './team-benchmarks.ts';
export type { TeamContribution } from './team-contributions.ts';
export { teamContributions } from './team-contributions.ts';
export type { HistoryEntry } from './team-history.ts';
export { teamHistory } from './team-history.ts';
export type { AuthenticatedTeam } from './team-tokens.ts';
export { authenticateToken, createTeam, issueToken, revokeToken, TOKEN_ID_PATTERN } from './team-tokens.ts';
export type {
  CloseEntry,
  CloseEntryInput,
  LegacySubmissionEntry,
  LogEntry,
  LogEntryInput,
  LogVerification,
  SubmissionEntry,
  SubmissionEntryInput,
} from './transparency-log.ts';
export {
  appendEntry,
  canonicalEntryText,
  entryJsonLine,
  GENESIS_HASH,
  hashEntry,
  isCloseEntry,
  isVersionTwo,
  LOG_ENTRY_VERSION,
  parseLogJsonLines,
  toJsonLines,
  verifyLog,
} from './transparency-log.ts';
export type { StoreLogVerification } from './verify-store-log.ts';
export { verifyStoreLog } from './verify-store-log.ts';
export type { Withholding } from './withhold-private-results.ts';
