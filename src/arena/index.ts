export { addItems } from './add-items.ts';
export type { ArenaDb } from './arena-records.ts';
export type { BenchmarkDefinition } from './benchmark-definition.ts';
export {
  BenchmarkDefinitionSchema,
  parseBenchmarkDefinition,
  resolveTasks,
  validateBenchmarkDefinition,
} from './benchmark-definition.ts';
export type { ConfidenceInterval } from './bootstrap.ts';
export { BOOTSTRAP_DEFAULTS, bootstrapInterval } from './bootstrap.ts';

export { claimPrize } from './claim-prize.ts';

export { closeRound, resamplesFor } from './close-round.ts';
export { closeTimeText } from './close-time-text.ts';
export { createBenchmark } from './create-benchmark.ts';
export { exportLog } from './export-log.ts';
export { leaderboard } from './leaderboard.ts';
export { benchmarkDetail, listBenchmarks, listRounds, listTasks } from './list-benchmarks.ts';
export { loadDemoArena } from './load-demo-arena.ts';
export { accuracy } from './metrics/accuracy.ts';
export { aucRoc } from './metrics/auc-roc.ts';
export { macroF1 } from './metrics/macro-f1.ts';
export type { AnyMetric, InputKind } from './metrics/metric.ts';
export { METRICS } from './metrics/registry.ts';
export { rmse } from './metrics/rmse.ts';
export { openRound } from './open-round.ts';
export { DEFAULT_PREDICTIONS_LIMITS } from './parse-predictions.ts';
export { rankEntries } from './rank-entries.ts';
export type { RawItem } from './read-items-file.ts';
export { readItemsFile } from './read-items-file.ts';
export { createRandom } from './seeded-random.ts';
export { submitPredictions } from './submit-predictions.ts';
export { teamBenchmarks } from './team-benchmarks.ts';
export { teamContributions } from './team-contributions.ts';
export { teamHistory } from './team-history.ts';
export type { AuthenticatedTeam } from './team-tokens.ts';
export { authenticateToken, createTeam, issueToken, revokeToken } from './team-tokens.ts';
export type { LogEntry } from './transparency-log.ts';
export { appendEntry, parseLogJsonLines, verifyLog } from './transparency-log.ts';
export { verifyStoreLog } from './verify-store-log.ts';
