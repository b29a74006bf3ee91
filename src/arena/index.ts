export type { BootstrapOptions, ConfidenceInterval } from './bootstrap.ts';
export { BOOTSTRAP_DEFAULTS, bootstrapInterval, quantile, resampleMetric } from './bootstrap.ts';
export type { LadderStep } from './ladder.ts';
export { fixedStepLadder, parameterFreeLadder, roundToMultiple } from './ladder.ts';
export { accuracy } from './metrics/accuracy.ts';
export { aucRoc } from './metrics/auc-roc.ts';
export { exactMatch, normaliseAnswer } from './metrics/exact-match.ts';
export { macroF1 } from './metrics/macro-f1.ts';
export type { AnyMetric, InputKind, Metric, MetricInputs, Prediction, Truth } from './metrics/metric.ts';
export { INPUT_KINDS } from './metrics/metric.ts';
export { passAtK, passAtKEstimate } from './metrics/pass-at-k.ts';
export { findMetric, METRICS } from './metrics/registry.ts';
export { rmse } from './metrics/rmse.ts';
export type {
  ParsedPredictions,
  PredictionIssue,
  PredictionsExpectation,
  PredictionsFormat,
  PredictionsLimits,
} from './parse-predictions.ts';
export { DEFAULT_PREDICTIONS_LIMITS, parsePredictions } from './parse-predictions.ts';
export type { RankedEntry, RankInput } from './rank-entries.ts';
export { rankEntries } from './rank-entries.ts';
export type { Resampler } from './resampler.ts';
export { meanResampler } from './resampler.ts';
export { sampleBinomial, sampleMultinomial } from './sample-binomial.ts';
export type { SeededRandom } from './seeded-random.ts';
export { createRandom } from './seeded-random.ts';
export type { LogEntry, LogEntryInput, LogVerification } from './transparency-log.ts';
export {
  appendEntry,
  canonicalEntryText,
  GENESIS_HASH,
  hashEntry,
  parseLogJsonLines,
  toJsonLines,
  verifyLog,
} from './transparency-log.ts';
